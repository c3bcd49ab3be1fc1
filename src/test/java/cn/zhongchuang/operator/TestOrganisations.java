package cn.zhongchuang.operator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registered organisations for tests of any module: an operator account acting for a
 * fresh organisation in a region, with a valid credit code no other test uses (one
 * counter for the whole test run, so fixtures of different modules cannot collide).
 */
@Component
public class TestOrganisations {

	private static final AtomicLong counter = new AtomicLong(System.nanoTime() / 1000 % 50_000_000L);

	private final TestAccounts accounts;

	private final JdbcClient jdbc;

	TestOrganisations(TestAccounts accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** A valid credit code registered in the region that no other call returns. */
	public static String creditCode(String region) {
		return CreditCodes.generate("9", "1", region, String.format("%08d", counter.addAndGet(7919) % 100_000_000L));
	}

	/**
	 * A new organisation named {@code namePrefix} plus a number, and an operator account
	 * acting for it.
	 */
	public Registered register(String region, String namePrefix) {
		TestAccounts.Account account = this.accounts.create(Role.OPERATOR, region);
		String code = creditCode(region);
		String name = namePrefix + counter.incrementAndGet();
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
		long institution = this.jdbc.sql("""
				INSERT INTO institution (operator_id, operator_name, operator_credit_code, name, kind, specialization,
				  region_code, origin, created_by, created_at)
				VALUES (:o, :name, :code, :space, 'MAKER_SPACE', 'COMPREHENSIVE', :region, 'REGISTERED', 'test', :now)
				RETURNING id
				""")
			.param("o", id)
			.param("name", name)
			.param("code", code)
			.param("space", name + "众创空间")
			.param("region", region)
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
		return new Registered(account, id, code, name, institution);
	}

	/**
	 * An organisation, its operator account and its one institution (a comprehensive
	 * maker space named after it).
	 */
	public record Registered(TestAccounts.Account account, long id, String creditCode, String name,
			long institutionId) {
	}

}
