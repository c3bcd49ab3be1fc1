package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;

/**
 * Operators and tenants for import tests, by plain SQL: a fresh account, an organisation
 * with a fresh valid credit code, tenants with fresh valid credit codes.
 */
@Component
class FilingImportFixtures {

	private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 10_000_000L);

	private final TestAccounts accounts;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	FilingImportFixtures(TestAccounts accounts, JdbcClient jdbc, JdbcTemplate template) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A valid, unused credit code registered in the region. */
	static String creditCode(String region) {
		long n = counter.addAndGet(7919) % 100_000_000L;
		return CreditCodes.generate("9", "1", region, String.format("%08d", n));
	}

	Operator operator(String region) {
		TestAccounts.Account account = this.accounts.create(Role.OPERATOR, region);
		long orgId = this.jdbc
			.sql("""
					INSERT INTO operator_organisation (name, credit_code, region_code, legal_representative, contact_phone,
					  address, established_on, independent_legal_entity, management_and_finance_rules, lead_entity, created_at)
					VALUES (:name, :code, :region, '张三', '010-12345678', '测试地址 1 号', DATE '2020-01-01', true, true, 'NONE', now())
					RETURNING id""")
			.param("name", "导入测试运营机构" + counter.incrementAndGet())
			.param("code", creditCode(region))
			.param("region", region)
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO operator_member (user_id, operator_id, joined_at) VALUES (:user, :org, now())")
			.param("user", account.id())
			.param("org", orgId)
			.update();
		return new Operator(account, orgId, region);
	}

	/** One tenant of the organisation; returns its credit code. */
	String tenant(Operator operator) {
		return tenants(operator, 1).get(0);
	}

	List<String> tenants(Operator operator, int count) {
		List<String> codes = new ArrayList<>(count);
		List<Object[]> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String code = creditCode(operator.region());
			codes.add(code);
			rows.add(new Object[] { operator.orgId(), operator.region(), "测试在孵企业" + code.substring(8, 16), code,
					LocalDate.of(2024, 1, 1), OffsetDateTime.now() });
		}
		this.template.batchUpdate("""
				INSERT INTO tenant (operator_id, region_code, name, credit_code, admitted_on, agreement_signed,
				                    in_focus_segment, status, created_at)
				VALUES (?, ?, ?, ?, ?, false, false, 'ACTIVE', ?)""", rows);
		return codes;
	}

	long tenantId(Operator operator, String code) {
		return this.jdbc.sql("SELECT id FROM tenant WHERE operator_id = :op AND credit_code = :code")
			.param("op", operator.orgId())
			.param("code", code)
			.query(Long.class)
			.single();
	}

	/** Filings of the tenants with these credit codes (of any operator). */
	long filings(List<String> codes) {
		return this.jdbc.sql("""
				SELECT count(*) FROM tenant_tax_filing f JOIN tenant t ON t.id = f.tenant_id
				WHERE t.credit_code IN (:codes)""").param("codes", codes).query(Long.class).single();
	}

	record Operator(TestAccounts.Account account, long orgId, String region) {
	}

}
