package cn.zhongchuang.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.reference.CreditCodes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Operators with an account and recognitions of them, for the assessment tests. */
@Component
class AssessmentFixtures {

	static final AtomicLong N = new AtomicLong(System.nanoTime() % 1_000_000 + 400_000);

	private final TestAccounts accounts;

	private final JdbcClient jdbc;

	private final Recognitions recognitions;

	AssessmentFixtures(TestAccounts accounts, JdbcClient jdbc, Recognitions recognitions) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.recognitions = recognitions;
	}

	record Holder(AuthenticatedUser operator, String creditCode, String name) {
	}

	Holder operator(String region) {
		TestAccounts.Account account = this.accounts.create(Role.OPERATOR, region);
		long n = N.incrementAndGet();
		String code = CreditCodes.generate("9", "1", region, String.format("%08d", n % 100_000_000L));
		String name = "考核测试运营机构" + n;
		long id = this.jdbc.sql("""
				INSERT INTO operator_organisation (name, credit_code, region_code, legal_representative, contact_phone,
				  address, established_on, independent_legal_entity, management_and_finance_rules, lead_entity,
				  employer_name, created_at)
				VALUES (:name, :code, :region, '张三', '010-12345678', '测试路 1 号', :est, true, true, 'NONE', '测试集团', :now)
				RETURNING id
				""")
			.param("name", name)
			.param("code", code)
			.param("region", region)
			.param("est", LocalDate.of(2018, 1, 1))
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO operator_member (user_id, operator_id, joined_at) VALUES (:u, :o, :now)")
			.param("u", account.id())
			.param("o", id)
			.param("now", OffsetDateTime.now())
			.update();
		return new Holder(account.principal(), code, name);
	}

	Recognitions.Recognized recognize(Holder h, String region, String level, String policy, String authority,
			LocalDate on, AuthenticatedUser bureau) {
		return this.recognitions
			.recognize(
					new RecognitionRequest("application", N.incrementAndGet(), "考核测试空间" + N.get(), h.name(),
							h.creditCode(), "MAKER_SPACE", "COMPREHENSIVE", level, region, policy, authority, on),
					bureau);
	}

}
