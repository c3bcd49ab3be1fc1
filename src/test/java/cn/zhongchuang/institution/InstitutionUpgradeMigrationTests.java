package cn.zhongchuang.institution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * V5_4_0 on a database created by the schema before institutions existed: in a schema of
 * its own, the migrations up to 5.3.0, a populated data set (an operator with several
 * recognized bases, one of them recognized twice at the same level, a draft for a new
 * space, an operator with records but no recognition, a recognition whose operator is not
 * on the platform), then the rest. Nothing is lost: every table keeps its rows and ids,
 * the records land on institutions by the documented rules, and every title, application
 * and tenant names its institution.
 */
@IntegrationTest
class InstitutionUpgradeMigrationTests {

	static final String SCHEMA = "institution_upgrade_test";

	static final String S = SCHEMA + ".";

	static final List<String> KEPT = List.of("operator_organisation", "operator_premises", "operator_staff",
			"operator_mentor", "operator_counselling", "operator_event", "operator_fund", "operator_investment",
			"operator_agreement", "tenant", "application", "recognition", "audit_event");

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
	void everyRowLandsOnAnInstitutionAndNothingIsLost() {
		migrate("5.3.0");
		long a = org("甲运营有限公司", "91620102MA7UPGA001", "620102");
		long b = org("乙运营有限公司", "91620102MA7UPGB002", "620102");
		long first = application(a, "甲一号基地", "RECOGNIZED");
		recognition("application", first, "甲一号基地", "甲运营有限公司", "91620102MA7UPGA001", "CITY", "ACTIVE", "620102",
				"2024-05-20", "兰科众〔2024〕第001号");
		recognition("demo", 9001, "甲二号基地", "甲运营有限公司", "91620102MA7UPGA001", "CITY", "ACTIVE", "620103", "2024-06-01",
				"兰科众〔2024〕第002号");
		recognition("demo", 9002, "甲二号基地", "甲运营有限公司", "91620102MA7UPGA001", "DISTRICT", "LAPSED", "620103",
				"2022-06-01", "城科众〔2022〕第001号");
		// the same name recognized twice at the same level, both still ACTIVE: two
		// institutions
		recognition("demo", 9003, "甲一号基地", "甲运营有限公司", "91620102MA7UPGA001", "CITY", "ACTIVE", "620102", "2025-01-10",
				"兰科众〔2025〕第001号");
		long draft = application(a, "甲新空间", "DRAFT");
		long again = application(a, "甲一号基地", "DRAFT");
		recognition("demo", 9004, "外地空间", "丙运营有限公司", "91620102MA7UPGC003", "CITY", "ACTIVE", "620104", "2023-03-03",
				"兰科众〔2023〕第009号");
		records(a);
		tenant(a, "甲在孵一", "91620102MA7UPGT011");
		tenant(a, "甲在孵二", "91620102MA7UPGT012");
		tenant(b, "乙在孵一", "91620102MA7UPGT021");
		long mentorB = this.jdbc
			.sql("INSERT INTO " + S + "operator_mentor (operator_id, name, industry_mentor,"
					+ " from_leading_investor_or_firm, contract_start, created_at) VALUES (:o, '乙导师', false, false,"
					+ " DATE '2024-01-01', now()) RETURNING id")
			.param("o", b)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("INSERT INTO " + S + "audit_event (occurred_at, actor, action, result, prev_hash, hash)"
					+ " VALUES (now(), 'tester', 'OPERATOR_REGISTER', 'SUCCESS', repeat('0', 64), repeat('1', 64))")
			.update();
		Map<String, List<Long>> before = ids();

		migrate(null);

		assertThat(ids()).as("every table keeps its rows and ids").isEqualTo(before);
		Map<String, Long> institutions = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT name || '@' || coalesce(operator_id::text, '-') AS k, count(*) AS n FROM " + S
					+ "institution GROUP BY 1 ORDER BY 1")
			.query((rs) -> {
				institutions.put(rs.getString("k"), rs.getLong("n"));
			});
		assertThat(institutions).containsExactlyInAnyOrderEntriesOf(
				Map.of("甲一号基地@" + a, 2L, "甲二号基地@" + a, 1L, "甲新空间@" + a, 1L, "乙运营有限公司@" + b, 1L, "外地空间@-", 1L));
		for (String table : List.of("recognition", "application", "tenant", "operator_premises", "operator_event",
				"operator_counselling", "operator_investment")) {
			assertThat(count(table + " WHERE institution_id IS NULL")).as(table).isZero();
		}
		long earliest = institutionOfRecognition("兰科众〔2024〕第001号");
		assertThat(institutionOfRecognition("兰科众〔2025〕第001号")).isNotEqualTo(earliest);
		assertThat(institutionOfRecognition("兰科众〔2024〕第002号")).isEqualTo(institutionOfRecognition("城科众〔2022〕第001号"));
		assertThat(this.jdbc.sql("SELECT institution_id FROM " + S + "application WHERE id = :id")
			.param("id", first)
			.query(Long.class)
			.single()).isEqualTo(earliest);
		assertThat(this.jdbc.sql("SELECT institution_id FROM " + S + "application WHERE id = :id")
			.param("id", again)
			.query(Long.class)
			.single()).as("a draft under a recognized space's name joins that space").isEqualTo(earliest);
		assertThat(this.jdbc
			.sql("SELECT i.name FROM " + S + "application a JOIN " + S
					+ "institution i ON i.id = a.institution_id WHERE a.id = :id")
			.param("id", draft)
			.query(String.class)
			.single()).isEqualTo("甲新空间");
		// the records that belong to one institution go to the one recognized earliest
		for (String table : List.of("operator_premises", "operator_event", "operator_counselling",
				"operator_investment", "tenant")) {
			assertThat(this.jdbc.sql("SELECT DISTINCT institution_id FROM " + S + table + " WHERE operator_id = :a")
				.param("a", a)
				.query(Long.class)
				.list()).as(table).containsExactly(earliest);
		}
		// the operator's own records serve every institution it runs (4 for 甲, 1 for 乙)
		assertThat(count("operator_record_assignment WHERE record_kind = 'staff'")).isEqualTo(2 * 4);
		assertThat(count("operator_record_assignment WHERE record_kind IN ('mentors', 'funds', 'agreements')"))
			.isEqualTo(3 * 4 + 1);
		assertThat(this.jdbc
			.sql("SELECT institution_id FROM " + S + "operator_record_assignment WHERE record_id = :m"
					+ " AND record_kind = 'mentors'")
			.param("m", mentorB)
			.query(Long.class)
			.list()).hasSize(1);
		assertThat(count("institution WHERE operator_id IS NULL AND operator_credit_code = '91620102MA7UPGC003'"))
			.isEqualTo(1);
		assertThat(count("tenant t JOIN " + S + "institution i ON i.id = t.institution_id"
				+ " WHERE t.region_code <> i.region_code"))
			.isZero();
		assertThat(count("recognition WHERE source <> 'SYSTEM'")).isZero();
		assertThat(this.jdbc.sql("SELECT nextval('" + S + "institution_id_seq') > max(id) FROM " + S + "institution")
			.query(Boolean.class)
			.single()).isTrue();
	}

	private void migrate(String target) {
		var config = Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration")
			.outOfOrder(true);
		if (target != null) {
			config.target(target);
		}
		config.load().migrate();
	}

	private Map<String, List<Long>> ids() {
		Map<String, List<Long>> ids = new LinkedHashMap<>();
		for (String table : KEPT) {
			ids.put(table, this.jdbc.sql("SELECT id FROM " + S + table + " ORDER BY id").query(Long.class).list());
		}
		return ids;
	}

	private long count(String from) {
		return this.jdbc.sql("SELECT count(*) FROM " + S + from).query(Long.class).single();
	}

	private long institutionOfRecognition(String number) {
		return this.jdbc.sql("SELECT institution_id FROM " + S + "recognition WHERE number = :n")
			.param("n", number)
			.query(Long.class)
			.single();
	}

	private long org(String name, String code, String region) {
		return this.jdbc
			.sql("INSERT INTO " + S + "operator_organisation (name, credit_code, region_code,"
					+ " legal_representative, contact_phone, address, established_on, independent_legal_entity,"
					+ " management_and_finance_rules, lead_entity, created_at) VALUES (:n, :c, :r, '张三', '0931-1',"
					+ " '地址', DATE '2019-01-01', true, true, 'NONE', now()) RETURNING id")
			.param("n", name)
			.param("c", code)
			.param("r", region)
			.query(Long.class)
			.single();
	}

	private long application(long operator, String space, String status) {
		return this.jdbc.sql("INSERT INTO " + S + "application (operator_id, operator_name, policy_id, region_code,"
				+ " space_name, kind, specialization, status, created_by, created_at, updated_at) VALUES (:o,"
				+ " '甲运营有限公司', 'lanzhou-2018', '620102', :s, 'MAKER_SPACE', 'COMPREHENSIVE', :st, 'op', now(), now())"
				+ " RETURNING id")
			.param("o", operator)
			.param("s", space)
			.param("st", status)
			.query(Long.class)
			.single();
	}

	private void recognition(String type, long subject, String name, String operator, String code, String level,
			String status, String region, String on, String number) {
		this.jdbc.sql("INSERT INTO " + S + "recognition (number, verification_code, subject_type, subject_id,"
				+ " institution_name, operator_name, credit_code, kind, specialization, level, region_code, policy_id,"
				+ " issuing_authority, recognized_on, status, created_by, created_at) VALUES (:number, :vc, :t, :s, :name,"
				+ " :op, :code, 'MAKER_SPACE', 'COMPREHENSIVE', :level, :region, 'lanzhou-2018', '兰州市科学技术局',"
				+ " CAST(:on AS date), :status, 'system', now())")
			.param("number", number)
			.param("vc", "VC" + Math.abs(number.hashCode()))
			.param("t", type)
			.param("s", subject)
			.param("name", name)
			.param("op", operator)
			.param("code", code)
			.param("level", level)
			.param("region", region)
			.param("on", on)
			.param("status", status)
			.update();
	}

	private void records(long o) {
		for (String address : List.of("一号楼", "二号楼")) {
			this.jdbc.sql("INSERT INTO " + S + "operator_premises (operator_id, address, region_code, total_area_m2,"
					+ " office_and_public_service_area_m2, independent_workstations, tenure, infrastructure_ready,"
					+ " rd_and_production_facilities, operating_since, created_at) VALUES (:o, :a, '620102', 500, 400, 20,"
					+ " 'OWNED', true, false, DATE '2020-01-01', now())")
				.param("o", o)
				.param("a", address)
				.update();
		}
		for (String name : List.of("管理一", "管理二")) {
			this.jdbc.sql("INSERT INTO " + S + "operator_staff (operator_id, name, role, college_degree, masters,"
					+ " investment_experience, founder, employed_since, created_at) VALUES (:o, :n, 'MANAGEMENT', true,"
					+ " false, false, false, DATE '2020-01-01', now())")
				.param("o", o)
				.param("n", name)
				.update();
		}
		long mentor = this.jdbc
			.sql("INSERT INTO " + S + "operator_mentor (operator_id, name, industry_mentor,"
					+ " from_leading_investor_or_firm, contract_start, created_at) VALUES (:o, '导师', true, false,"
					+ " DATE '2024-01-01', now()) RETURNING id")
			.param("o", o)
			.query(Long.class)
			.single();
		for (int i = 1; i <= 2; i++) {
			this.jdbc
				.sql("INSERT INTO " + S + "operator_counselling (operator_id, mentor_id, held_on, tenant_name,"
						+ " topic, hours, created_at) VALUES (:o, :m, DATE '2025-01-01' + :i, '甲在孵一', '辅导', 2, now())")
				.param("o", o)
				.param("m", mentor)
				.param("i", i)
				.update();
		}
		for (int i = 1; i <= 3; i++) {
			this.jdbc.sql("INSERT INTO " + S + "operator_event (operator_id, title, type, held_on, participants,"
					+ " professional, created_at) VALUES (:o, :t, 'SALON', DATE '2025-03-01' + :i, 30, false, now())")
				.param("o", o)
				.param("t", "沙龙" + i)
				.param("i", i)
				.update();
		}
		long fund = this.jdbc.sql("INSERT INTO " + S + "operator_fund (operator_id, name, role, kind, amount_cny,"
				+ " established_on, created_at) VALUES (:o, '种子基金', 'SELF_BUILT', 'SEED', 1000000, DATE '2021-01-01',"
				+ " now()) RETURNING id")
			.param("o", o)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("INSERT INTO " + S + "operator_investment (operator_id, fund_id, tenant_name, amount_cny,"
					+ " invested_on, created_at) VALUES (:o, :f, '甲在孵一', 500000, DATE '2025-02-01', now())")
			.param("o", o)
			.param("f", fund)
			.update();
		this.jdbc
			.sql("INSERT INTO " + S + "operator_agreement (operator_id, kind, counterparty, signed_on,"
					+ " created_at) VALUES (:o, 'IP_SERVICE', '知识产权服务所', DATE '2024-01-01', now())")
			.param("o", o)
			.update();
	}

	private void tenant(long o, String name, String code) {
		this.jdbc
			.sql("INSERT INTO " + S + "tenant (operator_id, region_code, name, credit_code, admitted_on,"
					+ " agreement_signed, in_focus_segment, status, created_at) VALUES (:o, '620100', :n, :c,"
					+ " DATE '2024-01-01', false, false, 'ACTIVE', now())")
			.param("o", o)
			.param("n", name)
			.param("c", code)
			.update();
	}

}
