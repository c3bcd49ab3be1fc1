package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;

/**
 * Operators and tenants for import tests, by plain SQL: a fresh account, an organisation
 * with a fresh valid credit code, tenants with fresh valid credit codes.
 */
@Component
class FilingImportFixtures {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TestOrganisations organisations;

	FilingImportFixtures(JdbcClient jdbc, JdbcTemplate template, TestOrganisations organisations) {
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A valid, unused credit code registered in the region. */
	static String creditCode(String region) {
		return TestOrganisations.creditCode(region);
	}

	Operator operator(String region) {
		TestOrganisations.Registered org = this.organisations.register(region, "导入测试运营机构");
		return new Operator(org.account(), org.id(), org.institutionId(), region);
	}

	/** One tenant of the organisation; returns its credit code. */
	String tenant(Operator operator) {
		return tenants(operator, 1).get(0);
	}

	List<String> tenants(Operator operator, int count) {
		List<String> codes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			codes.add(creditCode(operator.region()));
		}
		return tenantsWithCodes(operator, codes);
	}

	/**
	 * Tenants of the organisation with the given credit codes (those of a file made
	 * beforehand); returns the codes.
	 */
	List<String> tenantsWithCodes(Operator operator, List<String> codes) {
		List<Object[]> rows = new ArrayList<>(codes.size());
		for (String code : codes) {
			rows.add(new Object[] { operator.orgId(), operator.institutionId(), operator.region(),
					"测试在孵企业" + code.substring(8, 16), code, LocalDate.of(2024, 1, 1), OffsetDateTime.now() });
		}
		this.template.batchUpdate("""
				INSERT INTO tenant (operator_id, institution_id, region_code, name, credit_code, admitted_on,
				                    agreement_signed, in_focus_segment, status, created_at)
				VALUES (?, ?, ?, ?, ?, ?, false, false, 'ACTIVE', ?)""", rows);
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

	record Operator(TestAccounts.Account account, long orgId, long institutionId, String region) {
	}

}
