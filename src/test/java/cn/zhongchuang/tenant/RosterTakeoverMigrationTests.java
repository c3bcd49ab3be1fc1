package cn.zhongchuang.tenant;

import java.util.List;

import javax.sql.DataSource;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V4_0_1 on a database that still has the operator's roster: in a schema of its own, the
 * migrations up to 4.0.0, two roster rows, then the rest. The rows become tenants with
 * the same ids, the organisation's region and stage 孵化器; the sequence continues after
 * them; the roster table is gone.
 */
@IntegrationTest
class RosterTakeoverMigrationTests {

	static final String SCHEMA = "roster_takeover_test";

	@Autowired
	TestDatabase database;

	DataSource dataSource;

	JdbcClient jdbc;

	@BeforeEach
	void asOwner() {
		// a schema of the test's own is created and migrated by the owner, as Flyway does
		this.dataSource = this.database.ownerDataSource();
		this.jdbc = this.database.owner();
	}

	@AfterEach
	void dropSchema() {
		this.jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
	}

	@Test
	void rosterRowsBecomeTenantsWithTheirIds() {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration")
			.target("4.0.0")
			.load()
			.migrate();
		String s = SCHEMA + ".";
		long org = this.jdbc
			.sql("INSERT INTO " + s + "operator_organisation (name, credit_code, region_code,"
					+ " legal_representative, contact_phone, address, established_on, independent_legal_entity,"
					+ " management_and_finance_rules, lead_entity, created_at) VALUES ('迁移测试机构', '91110105MA01CY5800',"
					+ " '110105', '张三', '010-1', '地址', DATE '2020-01-01', true, true, 'NONE', now()) RETURNING id")
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO " + s + "operator_tenant (id, operator_id, name, credit_code, admitted_on,"
				+ " agreement_signed, agreement_date, in_focus_segment, status, left_on, created_at, version) VALUES"
				+ " (41, :org, '在孵甲', '91110105MA00000001', DATE '2024-01-01', true, DATE '2024-01-01', true, 'ACTIVE', NULL, now(), 2),"
				+ " (57, :org, '毕业乙', '91110105MA00000002', DATE '2023-01-01', false, NULL, false, 'GRADUATED', DATE '2025-06-30', now(), 0)")
			.param("org", org)
			.update();

		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration")
			.load()
			.migrate();

		assertThat(this.jdbc
			.sql("SELECT id || ' ' || region_code || ' ' || chain_stage || ' ' || status || ' ' || version" + " FROM "
					+ s + "tenant ORDER BY id")
			.query(String.class)
			.list()).containsExactly("41 110105 INCUBATOR ACTIVE 2", "57 110105 INCUBATOR GRADUATED 0");
		assertThat(this.jdbc.sql("SELECT tenant_id FROM " + s + "tenant_chain_move ORDER BY tenant_id")
			.query(Long.class)
			.list()).containsExactly(41L, 57L);
		assertThat(this.jdbc.sql("SELECT nextval('" + s + "tenant_id_seq')").query(Long.class).single()).isEqualTo(58L);
		List<String> tables = this.jdbc.sql(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = :s AND table_name LIKE '%tenant%'")
			.param("s", SCHEMA)
			.query(String.class)
			.list();
		assertThat(tables).contains("tenant").doesNotContain("operator_tenant");
	}

}
