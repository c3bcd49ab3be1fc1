package cn.zhongchuang.tenant;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An operator account with its organisation, set up with plain SQL for tenant tests. */
@Component
class TenantTestOperators {

	private static final AtomicInteger counter = new AtomicInteger();

	private final TestAccounts accounts;

	private final JdbcClient jdbc;

	TenantTestOperators(TestAccounts accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	static String creditCode(String region) {
		int n = counter.incrementAndGet();
		return CreditCodes.generate("9", "1", region,
				String.format("%08d", (System.nanoTime() / 1000 % 90_000_000L + n * 7919L) % 100_000_000L));
	}

	Operator operator(String region) {
		TestAccounts.Account account = this.accounts.create(Role.OPERATOR, region);
		long id = this.jdbc
			.sql("""
					INSERT INTO operator_organisation (name, credit_code, region_code, legal_representative, contact_phone,
					  address, established_on, independent_legal_entity, management_and_finance_rules, lead_entity, created_at)
					VALUES (:name, :code, :region, '张三', '010-12345678', '测试地址', DATE '2020-01-01', true, true, 'NONE', :at)
					RETURNING id
					""")
			.param("name", "在孵测试运营机构" + counter.incrementAndGet())
			.param("code", creditCode(region))
			.param("region", region)
			.param("at", OffsetDateTime.now())
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO operator_member (user_id, operator_id, joined_at) VALUES (:u, :o, :at)")
			.param("u", account.id())
			.param("o", id)
			.param("at", OffsetDateTime.now())
			.update();
		return new Operator(id, region, account);
	}

	record Operator(long id, String region, TestAccounts.Account account) {
	}

}
