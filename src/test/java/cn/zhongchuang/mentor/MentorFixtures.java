package cn.zhongchuang.mentor;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Jiangsu operators with a mentor record, province accounts, valid ID numbers no other
 * call returns, and nominations through the real service.
 */
@Component
class MentorFixtures {

	private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 300_000);

	private final TestOrganisations organisations;

	private final TestAccounts accounts;

	private final JdbcClient jdbc;

	private final Mentors mentors;

	MentorFixtures(TestOrganisations organisations, TestAccounts accounts, JdbcClient jdbc, Mentors mentors) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.mentors = mentors;
	}

	/** A valid 18-character ID number, different on every call. */
	static String idNumber() {
		long n = counter.incrementAndGet();
		String first17 = String.format("320106%04d%02d%02d%03d", 1960 + (n / 336 / 1000) % 40, 1 + n % 12,
				1 + (n / 12) % 28, (n / 336) % 1000);
		return IdNumbers.withCheck(first17);
	}

	/** A mentor no other call names. */
	static String name() {
		return "导师" + Long.toString(counter.incrementAndGet(), 36).toUpperCase();
	}

	TestOrganisations.Registered operator(String region) {
		return this.organisations.register(region, "导师测试运营机构");
	}

	/** A mentor record of the operator, with a field. */
	long mentorRecord(TestOrganisations.Registered op, String name, String field) {
		return this.jdbc.sql("""
				INSERT INTO operator_mentor (operator_id, name, employer, field, industry_mentor,
				  from_leading_investor_or_firm, contract_start, created_at)
				VALUES (:o, :name, '南京大学商学院', :field, false, false, DATE '2024-01-01', :now) RETURNING id
				""")
			.param("o", op.id())
			.param("name", name)
			.param("field", field)
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
	}

	TestAccounts accounts() {
		return this.accounts;
	}

	AuthenticatedUser province(String region) {
		return this.accounts.create(Role.PROVINCE, region).principal();
	}

	/** Nominates a new mentor record of the operator; the nomination's id. */
	long nominate(TestOrganisations.Registered op, String name, String idNumber) {
		long record = mentorRecord(op, name, "人工智能");
		return this.mentors.submit(new Mentors.Form(record, op.institutionId(), null, idNumber, "13912345678", null,
				null, "十年人工智能创业与投资经历，辅导团队 30 个。"), null, op.account().principal());
	}

}
