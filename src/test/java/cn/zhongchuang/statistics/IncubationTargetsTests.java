package cn.zhongchuang.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.operator.TestOrganisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 2017 targets of 朝阳 2014 (seed 001 一(二)) measured by the overview over 朝阳区 on a day
 * in 2001, long before any other test's or the demo's data: only what is built here
 * counts, so every figure is the hand count below.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncubationTargetsTests {

	static final String CHAOYANG = "110105";

	static final String AS_OF = "2001-06-30";

	static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000 + 500_000);

	@Autowired
	TestOrganisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@BeforeAll
	void buildChaoyang2000() {
		// an incubator with a district title: three enterprises in place (figures of
		// 2000:
		// two with revenue, one with IP), a team in place, a graduate (its 2000 figures
		// count in the revenue, not in the share)
		long incubator = institution("INCUBATOR");
		title(incubator, "DISTRICT", "ACTIVE", "2000-01-01", null);
		figures(tenant(incubator, "ENTERPRISE", "ACTIVE", "2000-02-01", null), 2000, "5000", 2);
		figures(tenant(incubator, "ENTERPRISE", "ACTIVE", "2000-02-01", null), 2000, "2500", 0);
		tenant(incubator, "ENTERPRISE", "ACTIVE", "2000-02-01", null);
		tenant(incubator, "TEAM", "ACTIVE", "2000-02-01", null);
		figures(tenant(incubator, "ENTERPRISE", "GRADUATED", "2000-03-01", "2001-01-10"), 2000, "2500", 1);
		// an accelerator with a city and a national title: one enterprise with IP
		long accelerator = institution("ACCELERATOR");
		title(accelerator, "CITY", "ACTIVE", "2000-05-01", null);
		title(accelerator, "NATIONAL", "ACTIVE", "2000-06-01", null);
		figures(tenant(accelerator, "ENTERPRISE", "ACTIVE", "2000-05-01", null), 2000, "10000", 3);
		// not counted: a maker space (not a 孵化机构 of the seed) with a city title, a
		// university science park whose title was revoked before the day, an incubator
		// without a title
		long makerSpace = institution("MAKER_SPACE");
		title(makerSpace, "CITY", "ACTIVE", "2000-01-01", null);
		figures(tenant(makerSpace, "ENTERPRISE", "ACTIVE", "2000-02-01", null), 2000, "99999", 5);
		long park = institution("UNIVERSITY_SCIENCE_PARK");
		title(park, "DISTRICT", "REVOKED", "2000-01-01", "2001-01-01");
		tenant(park, "ENTERPRISE", "ACTIVE", "2000-02-01", null);
		figures(tenant(institution("INCUBATOR"), "ENTERPRISE", "ACTIVE", "2000-02-01", null), 2000, "7777", 1);
	}

	@Test
	void theSevenTargetsOfTheIncubationPackAreMeasuredFromTitlesTenantsAndFigures() throws Exception {
		JsonNode overview = overview(CHAOYANG, AS_OF);
		// 各类孵化机构: the incubator and the accelerator
		assertThat(actual(overview, "INCUBATION_INSTITUTIONS")).isEqualTo("2");
		// 市级以上 and 国家级: the accelerator only (the maker space's city title is not a
		// 孵化机构's)
		assertThat(actual(overview, "INCUBATION_MUNICIPAL_OR_ABOVE")).isEqualTo("1");
		assertThat(actual(overview, "INCUBATION_NATIONAL")).isEqualTo("1");
		// 在孵企业: 3 + 1 enterprises in place, not the team, not the graduate
		assertThat(actual(overview, "INCUBATION_TENANTS")).isEqualTo("4");
		assertThat(actual(overview, "INCUBATION_GRADUATES")).isEqualTo("1");
		// 2000 revenue in 亿元: (5000 + 2500 + 2500 + 10000) 万元
		assertThat(actual(overview, "INCUBATION_TENANT_REVENUE")).isEqualTo("2.0");
		// of the five in place (the team too, as the dashboard counts), two own IP
		assertThat(actual(overview, "INCUBATION_TENANTS_WITH_IP_SHARE")).isEqualTo("40.0");
		JsonNode tenants = target(overview, "INCUBATION_TENANTS");
		assertThat(tenants.get("policy").asString()).isEqualTo("beijing-chaoyang-incubator-2014");
		assertThat(tenants.get("comparator").asString()).isEqualTo("MORE_THAN");
		assertThat(tenants.get("value").asLong()).isEqualTo(1500);
		assertThat(tenants.get("year").asInt()).isEqualTo(2017);
		assertThat(target(overview, "INCUBATION_TENANT_REVENUE").get("unit").asString()).isEqualTo("亿元");
		for (JsonNode t : overview.get("targets")) {
			if (t.get("policy").asString().equals("beijing-chaoyang-incubator-2014")) {
				assertThat(t.has("note")).as(t.get("code").asString()).isFalse();
			}
		}
	}

	@Test
	void theShareOfNothingIsNotZeroButSaysWhy() throws Exception {
		// before anything was built: no institution, no tenant in place
		JsonNode overview = overview(CHAOYANG, "1999-12-31");
		assertThat(actual(overview, "INCUBATION_INSTITUTIONS")).isEqualTo("0");
		assertThat(actual(overview, "INCUBATION_TENANTS")).isEqualTo("0");
		JsonNode share = target(overview, "INCUBATION_TENANTS_WITH_IP_SHARE");
		assertThat(share.get("actual").isNull()).isTrue();
		assertThat(share.get("note").asString()).contains("没有在孵企业");
	}

	JsonNode overview(String region, String asOf) throws Exception {
		String body = this.mvc.perform(get("/api/v1/statistics/overview").param("region", region).param("asOf", asOf))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return this.json.readTree(body);
	}

	static JsonNode target(JsonNode overview, String code) {
		for (JsonNode t : overview.get("targets")) {
			if (t.get("code").asString().equals(code)) {
				return t;
			}
		}
		throw new AssertionError("no target " + code);
	}

	static String actual(JsonNode overview, String code) {
		return target(overview, code).get("actual").asString();
	}

	long institution(String kind) {
		var org = this.organisations.register(CHAOYANG, "孵化统计");
		// a maker space keeps its specialization (the table requires one), other kinds
		// have none
		this.jdbc
			.sql("UPDATE institution SET kind = :kind,"
					+ " specialization = CASE WHEN :kind = 'MAKER_SPACE' THEN specialization END WHERE id = :id")
			.param("kind", kind)
			.param("id", org.institutionId())
			.update();
		this.registered.put(org.institutionId(), org);
		return org.institutionId();
	}

	final java.util.Map<Long, TestOrganisations.Registered> registered = new java.util.HashMap<>();

	void title(long institution, String level, String status, String recognizedOn, String endedOn) {
		long n = SEQ.incrementAndGet();
		var org = this.registered.get(institution);
		this.jdbc
			.sql("""
					INSERT INTO recognition (number, verification_code, subject_type, subject_id, institution_name, operator_name,
					  credit_code, kind, level, region_code, policy_id, issuing_authority, recognized_on, status, created_by,
					  created_at, ended_on, document_number, source, institution_id)
					VALUES (:number, :code, 'external_title', :n, :name, :name, :credit, 'INCUBATOR', :level, :region, NULL,
					  '北京市朝阳区科学技术委员会', :on, :status, 'test', :now, :ended, :number, 'EXTERNAL', :institution)
					""")
			.param("number", "朝孵统〔2000〕" + n + "号")
			.param("code", "CF" + n)
			.param("n", n)
			.param("name", org.name() + "孵化器")
			.param("credit", org.creditCode())
			.param("level", level)
			.param("region", CHAOYANG)
			.param("on", LocalDate.parse(recognizedOn))
			.param("status", status)
			.param("now", OffsetDateTime.now())
			.param("ended", (endedOn != null) ? LocalDate.parse(endedOn) : null, java.sql.Types.DATE)
			.param("institution", institution)
			.update();
	}

	long tenant(long institution, String kind, String status, String admittedOn, String leftOn) {
		var org = this.registered.get(institution);
		return this.jdbc.sql("""
				INSERT INTO tenant (operator_id, institution_id, region_code, name, credit_code, kind, admitted_on,
				  agreement_signed, in_focus_segment, status, left_on, created_at)
				VALUES (:o, :i, :r, '孵化统计在孵企业', :code, :kind, :on, false, false, :s, :left, :now) RETURNING id
				""")
			.param("o", org.id())
			.param("i", institution)
			.param("r", CHAOYANG)
			.param("code", "TEAM".equals(kind) ? null : TestOrganisations.creditCode(CHAOYANG), java.sql.Types.VARCHAR)
			.param("kind", kind)
			.param("on", LocalDate.parse(admittedOn))
			.param("s", status)
			.param("left", (leftOn != null) ? LocalDate.parse(leftOn) : null, java.sql.Types.DATE)
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
	}

	void figures(long tenant, int year, String revenue, Integer validIp) {
		this.jdbc
			.sql("""
					INSERT INTO tenant_figure (tenant_id, year, revenue_wan, revenue_source, valid_ip, valid_ip_source, updated_at)
					VALUES (:t, :y, CAST(:rev AS numeric), 'DECLARED', :ip, 'DECLARED', now())
					""")
			.param("t", tenant)
			.param("y", year)
			.param("rev", revenue)
			.param("ip", validIp)
			.update();
	}

}
