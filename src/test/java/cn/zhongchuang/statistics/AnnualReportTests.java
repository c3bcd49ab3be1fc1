package cn.zhongchuang.statistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 统计年报 over 宁夏 (640000), which no other test uses: an institution in 兴庆区 with tenants,
 * teams, figures and every kind of operator record around the year, one in 西夏区 without
 * records, one in 大武口区 (石嘴山) that never reports. Every figure is counted by hand below.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportTests {

	static final int Y = LocalDate.now(ChinaTime.ZONE).getYear() - 1;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	TestOrganisations.Registered a;

	TestOrganisations.Registered b;

	TestOrganisations.Registered c;

	UserDetails province;

	@BeforeAll
	void buildNingxia() {
		this.a = this.organisations.register("640104", "年报空间");
		this.b = this.organisations.register("640105", "年报空间");
		this.c = this.organisations.register("640202", "年报空间");
		this.province = this.accounts.create(Role.PROVINCE, "640000").principal();
		var a = this.a;
		// tenants: in on 31 Dec: t1, t2 (enterprises), team1; admitted in Y: t2, team1,
		// t4
		long t1 = tenant(a, "ENTERPRISE", "ACTIVE", d(Y - 2, 3, 1), null);
		long t2 = tenant(a, "ENTERPRISE", "ACTIVE", d(Y, 2, 1), null);
		tenant(a, "TEAM", "ACTIVE", d(Y, 6, 1), null);
		// graduated in Y (not in on 31 Dec), graduated the year before, exited in Y
		long t3 = tenant(a, "ENTERPRISE", "GRADUATED", d(Y - 3, 1, 1), d(Y, 5, 1));
		tenant(a, "ENTERPRISE", "GRADUATED", d(Y - 3, 1, 1), d(Y - 1, 5, 1));
		tenant(a, "ENTERPRISE", "EXITED", d(Y, 1, 10), d(Y, 9, 1));
		// left on 31 Dec of Y+... admitted after the year: not counted
		tenant(a, "ENTERPRISE", "ACTIVE", d(Y + 1, 1, 2), null);
		// figures of Y: revenue 120.5 + 30 + 10 (the graduate counts: it has figures
		// that year); IP owned by t1 and t3; patents 2 + 1; high tech t1; financing 200
		figure(t1, Y, "120.5", 2, 3, true, "200");
		figure(t2, Y, "30", 1, 0, false, null);
		figure(t3, Y, "10", 0, 1, false, null);
		figure(t1, Y - 1, "999", 9, 9, true, "999"); // another year: not counted
		// events of Y: a training (40), a bootcamp (25), a roadshow (60); one of Y-1
		event(a, "TRAINING", d(Y, 3, 3), 40);
		event(a, "BOOTCAMP", d(Y, 7, 7), 25);
		event(a, "ROADSHOW", d(Y, 12, 31), 60);
		event(a, "TRAINING", d(Y - 1, 12, 31), 500);
		// mentors: contracted during Y (m1 whole year, m2 ended in March), m3 ended the
		// year before; counselling: two in Y, one in Y+1
		long m1 = mentor(a, d(Y - 2, 1, 1), null);
		long m2 = mentor(a, d(Y - 2, 1, 1), d(Y, 3, 31));
		mentor(a, d(Y - 3, 1, 1), d(Y - 1, 12, 31));
		counselling(a, m1, d(Y, 4, 1));
		counselling(a, m2, d(Y, 1, 15));
		counselling(a, m1, d(Y + 1, 1, 15));
		// staff employed on 31 Dec: two; one left in June
		staff(a, d(Y - 2, 1, 1), null);
		staff(a, d(Y, 12, 31), null);
		staff(a, d(Y - 2, 1, 1), d(Y, 6, 30));
		// premises in use on 31 Dec: 800 + 250.5; one opened in Y+1
		premises(a, "800", d(Y - 3, 1, 1));
		premises(a, "250.5", d(Y, 11, 1));
		premises(a, "5000", d(Y + 1, 2, 1));
		// funds by 31 Dec: 5,000,000 + 1,250,000 (= 625 万元); investments in Y: 300,000 +
		// 50,000 (= 35 万元), one in Y-1
		long f1 = fund(a, 5_000_000, d(Y - 2, 1, 1));
		fund(a, 1_250_000, d(Y, 12, 31));
		fund(a, 9_000_000, d(Y + 1, 1, 1));
		investment(a, f1, 300_000, d(Y, 5, 5));
		investment(a, f1, 50_000, d(Y, 6, 6));
		investment(a, f1, 70_000, d(Y - 1, 6, 6));
	}

	@Test
	void theReportFiguresEqualTheRecordsCountedByHand() throws Exception {
		String html = page(get("/annual-reports/" + this.a.institutionId()).param("year", String.valueOf(Y)),
				this.a.account().principal());
		assertThat(line(html, "tenants")).isEqualTo("2");
		assertThat(line(html, "teams")).isEqualTo("1");
		assertThat(line(html, "admitted")).isEqualTo("3");
		assertThat(line(html, "graduated")).isEqualTo("1");
		assertThat(line(html, "graduatedTotal")).isEqualTo("2");
		assertThat(line(html, "revenueWan")).isEqualTo("160.5");
		assertThat(line(html, "ipOwning")).isEqualTo("2");
		assertThat(line(html, "patentApplications")).isEqualTo("3");
		assertThat(line(html, "highTech")).isEqualTo("1");
		assertThat(line(html, "financingWan")).isEqualTo("200");
		assertThat(line(html, "events")).isEqualTo("3");
		assertThat(line(html, "participants")).isEqualTo("125");
		assertThat(line(html, "trainees")).isEqualTo("65");
		assertThat(line(html, "mentors")).isEqualTo("2");
		assertThat(line(html, "counselling")).isEqualTo("2");
		assertThat(line(html, "investments")).isEqualTo("2");
		assertThat(line(html, "investmentWan")).isEqualTo("35");
		assertThat(line(html, "staff")).isEqualTo("2");
		assertThat(line(html, "areaM2")).isEqualTo("1050.5");
		assertThat(line(html, "fundWan")).isEqualTo("625");
		String text = StatisticsOverviewTests.visibleText(html);
		assertThat(text).contains("由入驻企业记录计算", "由活动记录计算", "申报");
		assertThat(text).doesNotContain("revenueWan", "COMPUTED", "640104", Y + "-");
		// only the two always declared are inputs here
		assertThat(html).contains("name=\"employment\"", "name=\"incomeWan\"").doesNotContain("name=\"trainees\"");
	}

	@Test
	void supplementsAreValidatedAtTheFieldInChineseAndWithoutRecordsMoreAreDeclared() throws Exception {
		var op = this.b.account().principal();
		String html = page(get("/annual-reports/" + this.b.institutionId()).param("year", String.valueOf(Y)), op);
		// no records of staff, premises, funds or training: declared
		assertThat(html).contains("name=\"trainees\"", "name=\"staff\"", "name=\"areaM2\"", "name=\"fundWan\"");
		assertThat(line(html, "tenants")).isEqualTo("0");
		String bad = this.mvc
			.perform(post("/annual-reports/" + this.b.institutionId()).with(user(op))
				.with(csrf())
				.param("year", String.valueOf(Y))
				.param("version", "0")
				.param("trainees", "-3")
				.param("staff", "2.5")
				.param("areaM2", "很多")
				.param("fundWan", "")
				.param("employment", "12")
				.param("incomeWan", "88.123"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(error(bad, "trainees")).isEqualTo("创业教育培训人次不能为负数");
		assertThat(error(bad, "staff")).isEqualTo("服务人员须为整数（人）");
		assertThat(error(bad, "areaM2")).isEqualTo("场地面积须为数字");
		assertThat(error(bad, "fundWan")).startsWith("请填写孵化基金总额");
		assertThat(error(bad, "incomeWan")).isEqualTo("运营机构总收入最多保留两位小数");
		assertThat(error(bad, "employment")).isNull();
		// what was typed stays in the form
		assertThat(bad).contains("value=\"很多\"");
		assertThat(count(Y, this.b.institutionId())).isZero();
	}

	@Test
	void theOperatorSubmitsOnceCorrectsAsANewVersionAndTheBureauSeesItAggregated() throws Exception {
		var op = this.a.account().principal();
		submit(op, this.a.institutionId(), 0, null).andExpect(status().is3xxRedirection());
		// the same form again (version 0 seen): refused, not a second version 1
		submit(op, this.a.institutionId(), 0, null).andExpect(status().isConflict());
		// a correction needs its reason
		String noReason = this.mvc
			.perform(post("/annual-reports/" + this.a.institutionId()).with(user(op))
				.with(csrf())
				.param("year", String.valueOf(Y))
				.param("version", "1")
				.param("employment", "30")
				.param("incomeWan", "50"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(error(noReason, "correction")).isEqualTo("更正已报送的年报须说明更正原因");
		submit(op, this.a.institutionId(), 1, "吸纳就业人数统计有误").andExpect(status().is3xxRedirection());
		assertThat(count(Y, this.a.institutionId())).isEqualTo(2);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'ANNUAL_REPORT_%' AND object_id = :id")
			.param("id", String.valueOf(this.a.institutionId()))
			.query(Long.class)
			.single()).isEqualTo(2);
		// the bureau of the province: A reported (its second version), B and C not
		JsonNode r = api(String.valueOf(Y), "640000", this.province);
		assertThat(r.get("year").asInt()).isEqualTo(Y);
		assertThat(r.get("expected").asLong()).isEqualTo(3);
		assertThat(r.get("reported").asLong()).isEqualTo(1);
		assertThat(r.get("totals").get("tenants").decimalValue()).isEqualByComparingTo("2");
		assertThat(r.get("totals").get("revenueWan").decimalValue()).isEqualByComparingTo("160.5");
		assertThat(r.get("totals").get("employment").decimalValue()).isEqualByComparingTo("31");
		JsonNode yinchuan = sub(r, "640100");
		assertThat(yinchuan.get("expected").asLong()).isEqualTo(2);
		assertThat(yinchuan.get("reported").asLong()).isEqualTo(1);
		JsonNode shizuishan = sub(r, "640200");
		assertThat(shizuishan.get("expected").asLong()).isEqualTo(1);
		assertThat(shizuishan.get("reported").asLong()).isZero();
		for (JsonNode i : r.get("institutions")) {
			if (i.get("id").asLong() == this.a.institutionId()) {
				assertThat(i.get("reported").asBoolean()).isTrue();
				assertThat(i.get("version").asInt()).isEqualTo(2);
			}
			else {
				assertThat(i.get("reported").asBoolean()).isFalse();
			}
		}
		// the bureau's page in words, with the drill-down keeping the year
		String html = page(get("/bureau/annual-reports").param("year", String.valueOf(Y)), this.province);
		assertThat(html).contains("href=\"/bureau/annual-reports?year=" + Y + "&amp;region=640100\"");
		String text = StatisticsOverviewTests.visibleText(html);
		assertThat(text).contains("宁夏回族自治区", "银川市", "已报送", "未报送", "在孵企业营业收入", "160.5");
		assertThat(text).doesNotContain("640104", "MAKER_SPACE", "revenueWan");
		// the export: a real XLSX in the survey's layout, read back
		List<List<String>> rows = Spreadsheets.download(this.mvc,
				get("/bureau/annual-reports/export.xlsx").param("year", String.valueOf(Y))
					.param("region", "640000")
					.with(user(this.province)));
		List<String> head = rows.get(0);
		assertThat(head).startsWith("载体名称", "运营机构", "统一社会信用代码", "所在地区", "载体类型", "报送状态", "版本");
		assertThat(head).contains("在孵企业（家）", "在孵企业营业收入（万元）", "孵化基金总额（万元）", "创业导师（人）");
		List<String> rowA = rows.stream()
			.filter((x) -> x.get(0).equals(this.a.name() + "众创空间"))
			.findFirst()
			.orElseThrow();
		assertThat(rowA.get(5)).isEqualTo("已报送");
		assertThat(rowA.get(6)).isEqualTo("2");
		assertThat(rowA.get(head.indexOf("在孵企业（家）"))).isEqualTo("2");
		assertThat(rowA.get(head.indexOf("在孵企业营业收入（万元）"))).isEqualTo("160.5");
		assertThat(rowA.get(head.indexOf("孵化基金总额（万元）"))).isEqualTo("625");
		assertThat(rowA.get(head.indexOf("在孵企业和团队吸纳就业（人）"))).isEqualTo("31");
		assertThat(rowA.get(4)).isEqualTo("众创空间");
		List<String> rowC = rows.stream()
			.filter((x) -> x.get(0).equals(this.c.name() + "众创空间"))
			.findFirst()
			.orElseThrow();
		assertThat(rowC.get(5)).isEqualTo("未报送");
		List<String> total = rows.get(rows.size() - 1);
		assertThat(total.get(0)).isEqualTo("合计");
		assertThat(total.get(5)).isEqualTo("已报送 1 / 应报 3");
	}

	@Test
	void aBureauOfAnotherRegionCannotSeeItAndBadParametersAreProblems() throws Exception {
		var lanzhou = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		this.mvc.perform(get("/api/v1/statistics/annual-reports").param("region", "640000").with(user(lanzhou)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/bureau/annual-reports").param("region", "640104").with(user(lanzhou)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/bureau/annual-reports/export.xlsx").param("region", "640000").with(user(lanzhou)))
			.andExpect(status().isNotFound());
		// its own region does not list Ningxia's institutions
		JsonNode own = api(String.valueOf(Y), null, lanzhou);
		for (JsonNode i : own.get("institutions")) {
			assertThat(i.get("region").asString()).startsWith("6201");
		}
		// an operator does not open another operator's report
		this.mvc
			.perform(get("/annual-reports/" + this.a.institutionId()).param("year", String.valueOf(Y))
				.with(user(this.c.account().principal())))
			.andExpect(status().isNotFound());
		int thisYear = Y + 1;
		for (String[] bad : new String[][] { { "year", "twenty" }, { "year", String.valueOf(thisYear) },
				{ "year", "1999" }, { "region", "64AB" } }) {
			this.mvc.perform(get("/api/v1/statistics/annual-reports").param(bad[0], bad[1]).with(user(this.province)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]));
		}
		this.mvc.perform(get("/api/v1/statistics/annual-reports").param("region", "999999").with(user(this.province)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/statistics/annual-reports")).andExpect(status().isUnauthorized());
	}

	// --- helpers

	org.springframework.test.web.servlet.ResultActions submit(UserDetails op, long institution, int version,
			String correction) throws Exception {
		var request = post("/annual-reports/" + institution).with(user(op))
			.with(csrf())
			.param("year", String.valueOf(Y))
			.param("version", String.valueOf(version))
			.param("employment", (version == 0) ? "30" : "31")
			.param("incomeWan", "50");
		if (correction != null) {
			request = request.param("correction", correction);
		}
		return this.mvc.perform(request);
	}

	JsonNode api(String year, String region, UserDetails who) throws Exception {
		var request = get("/api/v1/statistics/annual-reports").with(user(who));
		if (year != null) {
			request = request.param("year", year);
		}
		if (region != null) {
			request = request.param("region", region);
		}
		return this.json.readTree(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	static JsonNode sub(JsonNode r, String code) {
		for (JsonNode s : r.get("byRegion")) {
			if (s.get("region").asString().equals(code)) {
				return s;
			}
		}
		throw new AssertionError("no sub-region " + code);
	}

	String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, UserDetails who)
			throws Exception {
		RequestBuilder r = request.with(user(who));
		return this.mvc.perform(r)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	static String line(String html, String code) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("id=\"line-" + code + "\"(?s).*?<span class=\"fw-semibold\">([^<]*)</span>")
			.matcher(html);
		return m.find() ? m.group(1).strip() : null;
	}

	static String error(String html, String field) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("name=\"" + field + "\"[^>]*>\\s*<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>")
			.matcher(html);
		if (m.find()) {
			return m.group(1).strip();
		}
		m = java.util.regex.Pattern
			.compile("id=\"" + field + "\"(?s)[^>]*>[^<]*</textarea>\\s*<div class=\"invalid-feedback\">([^<]*)</div>")
			.matcher(html);
		return m.find() ? m.group(1).strip() : null;
	}

	long count(int year, long institution) {
		return this.jdbc.sql("SELECT count(*) FROM statistics_annual_report WHERE year = :y AND institution_id = :i")
			.param("y", year)
			.param("i", institution)
			.query(Long.class)
			.single();
	}

	static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

	long tenant(TestOrganisations.Registered o, String kind, String status, LocalDate admitted, LocalDate left) {
		String region = this.jdbc.sql("SELECT region_code FROM institution WHERE id = :i")
			.param("i", o.institutionId())
			.query(String.class)
			.single();
		return this.jdbc.sql("""
				INSERT INTO tenant (operator_id, institution_id, region_code, name, credit_code, kind, admitted_on,
				  agreement_signed, in_focus_segment, status, left_on, created_at)
				VALUES (:o, :i, :r, '年报在孵企业', :code, :kind, :on, false, false, :s, :left, :now) RETURNING id
				""")
			.param("o", o.id())
			.param("i", o.institutionId())
			.param("r", region)
			.param("code", "TEAM".equals(kind) ? null : TestOrganisations.creditCode(region), java.sql.Types.VARCHAR)
			.param("kind", kind)
			.param("on", admitted)
			.param("s", status)
			.param("left", left, java.sql.Types.DATE)
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
	}

	void figure(long tenant, int year, String revenue, int patents, int ip, boolean highTech, String financing) {
		this.jdbc.sql("""
				INSERT INTO tenant_figure (tenant_id, year, revenue_wan, revenue_source, patent_applications,
				  patent_applications_source, valid_ip, valid_ip_source, high_tech, high_tech_source, financing_wan,
				  financing_source, updated_at)
				VALUES (:t, :y, CAST(:rev AS numeric), 'DECLARED', :p, 'DECLARED', :ip, 'DECLARED', :ht, 'DECLARED',
				  CAST(:fin AS numeric), CASE WHEN CAST(:fin AS text) IS NULL THEN NULL ELSE 'DECLARED' END, now())
				""")
			.param("t", tenant)
			.param("y", year)
			.param("rev", revenue)
			.param("p", patents)
			.param("ip", ip)
			.param("ht", highTech)
			.param("fin", financing, java.sql.Types.VARCHAR)
			.update();
	}

	void event(TestOrganisations.Registered o, String type, LocalDate on, int participants) {
		this.jdbc
			.sql("""
					INSERT INTO operator_event (operator_id, institution_id, title, type, held_on, participants, professional,
					  created_at)
					VALUES (:o, :i, '年报活动', :type, :on, :n, false, now())
					""")
			.param("o", o.id())
			.param("i", o.institutionId())
			.param("type", type)
			.param("on", on)
			.param("n", participants)
			.update();
	}

	long mentor(TestOrganisations.Registered o, LocalDate from, LocalDate until) {
		long id = this.jdbc.sql("""
				INSERT INTO operator_mentor (operator_id, name, industry_mentor, from_leading_investor_or_firm,
				  contract_start, contract_end, created_at)
				VALUES (:o, '年报导师', false, false, :from, :until, now()) RETURNING id
				""")
			.param("o", o.id())
			.param("from", from)
			.param("until", until, java.sql.Types.DATE)
			.query(Long.class)
			.single();
		assign(o, "mentors", id);
		return id;
	}

	void counselling(TestOrganisations.Registered o, long mentor, LocalDate on) {
		this.jdbc
			.sql("""
					INSERT INTO operator_counselling (operator_id, institution_id, mentor_id, held_on, tenant_name, topic, hours,
					  created_at)
					VALUES (:o, :i, :m, :on, '年报在孵企业', '融资', 2, now())
					""")
			.param("o", o.id())
			.param("i", o.institutionId())
			.param("m", mentor)
			.param("on", on)
			.update();
	}

	void staff(TestOrganisations.Registered o, LocalDate from, LocalDate until) {
		long id = this.jdbc
			.sql("""
					INSERT INTO operator_staff (operator_id, name, role, college_degree, masters, investment_experience, founder,
					  employed_since, employed_until, created_at)
					VALUES (:o, '年报员工', 'MANAGEMENT', true, false, false, false, :from, :until, now()) RETURNING id
					""")
			.param("o", o.id())
			.param("from", from)
			.param("until", until, java.sql.Types.DATE)
			.query(Long.class)
			.single();
		assign(o, "staff", id);
	}

	void premises(TestOrganisations.Registered o, String area, LocalDate since) {
		this.jdbc
			.sql("""
					INSERT INTO operator_premises (operator_id, institution_id, address, region_code, total_area_m2,
					  office_and_public_service_area_m2, independent_workstations, tenure, infrastructure_ready,
					  rd_and_production_facilities, operating_since, created_at)
					VALUES (:o, :i, '年报路 1 号', '640104', CAST(:area AS numeric), 100, 10, 'OWNED', true, false, :since, now())
					""")
			.param("o", o.id())
			.param("i", o.institutionId())
			.param("area", area)
			.param("since", since)
			.update();
	}

	long fund(TestOrganisations.Registered o, long amount, LocalDate on) {
		long id = this.jdbc.sql("""
				INSERT INTO operator_fund (operator_id, name, role, kind, amount_cny, established_on, created_at)
				VALUES (:o, '年报基金', 'SELF_BUILT', 'ANGEL', :amount, :on, now()) RETURNING id
				""").param("o", o.id()).param("amount", amount).param("on", on).query(Long.class).single();
		assign(o, "funds", id);
		return id;
	}

	void investment(TestOrganisations.Registered o, long fund, long amount, LocalDate on) {
		this.jdbc
			.sql("""
					INSERT INTO operator_investment (operator_id, institution_id, fund_id, tenant_name, amount_cny, invested_on,
					  created_at)
					VALUES (:o, :i, :f, '年报在孵企业', :amount, :on, now())
					""")
			.param("o", o.id())
			.param("i", o.institutionId())
			.param("f", fund)
			.param("amount", amount)
			.param("on", on)
			.update();
	}

	void assign(TestOrganisations.Registered o, String kind, long id) {
		this.jdbc
			.sql("INSERT INTO operator_record_assignment (record_kind, record_id, institution_id) VALUES (:k, :r, :i)")
			.param("k", kind)
			.param("r", id)
			.param("i", o.institutionId())
			.update();
	}

}
