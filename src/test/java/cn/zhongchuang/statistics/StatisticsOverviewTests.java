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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public overview of institutions.md "Statistics" over a province no other test uses
 * (青海省 630000): institutions of several kinds with titles at every level, titles that
 * lapsed or were revoked before and after the day asked for, a title granted after it,
 * tenants admitted, graduated and exited around it. Every figure is counted by hand below
 * and compared.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsOverviewTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

	@Autowired
	TestOrganisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	cn.zhongchuang.identity.TestAccounts accounts;

	Space a;

	/** A's tenant in place with IP in 2025, and its graduate with 2025 revenue. */
	long aIn;

	long aGone;

	@BeforeAll
	void buildQinghai() {
		// A 城东区 maker space: district and city titles, both ACTIVE
		var a = this.a = space("630102", "MAKER_SPACE", "CULTURE", "{TRAINING_COACHING,MEDIA_EXTENSION}");
		title(a, "DISTRICT", "ACTIVE", "2024-01-10", null);
		title(a, "CITY", "ACTIVE", "2025-03-01", null);
		long in = tenant(a, "ACTIVE", "2025-01-01", null); // in on both days
		// its figures of 2025 (the year before AS_OF): revenue and IP; of 2024: not
		// counted on AS_OF
		figures(in, 2025, "100", 2, null);
		figures(in, 2024, "900", 5, null);
		long gone = tenant(a, "GRADUATED", "2024-05-01", "2026-03-01"); // graduated
																		// before AS_OF
		// out on AS_OF: its revenue of 2025 counts in the sum, its IP not in the share
		figures(gone, 2025, "20", 1, null);
		this.aIn = in;
		this.aGone = gone;
		tenant(a, "GRADUATED", "2024-05-01", "2026-09-01"); // in on AS_OF, graduated by
															// today
		tenant(a, "EXITED", "2024-05-01", "2026-02-01"); // gone before AS_OF, never
															// graduated
		tenant(a, "ACTIVE", "2026-08-01", null); // admitted after AS_OF
		// B 城东区 incubator: its city title lapsed before AS_OF, a provincial one ACTIVE
		var b = space("630102", "INCUBATOR", "TECH_STARTUP", "{}");
		title(b, "CITY", "LAPSED", "2023-04-01", "2026-03-01");
		title(b, "PROVINCE", "ACTIVE", "2025-05-05", null);
		figures(tenant(b, "ACTIVE", "2024-02-02", null), 2025, "30.5", 0, null);
		// C 城中区 maker space: district title revoked after AS_OF (ACTIVE on AS_OF)
		var c = space("630103", "MAKER_SPACE", null, "{}");
		title(c, "DISTRICT", "REVOKED", "2024-06-01", "2026-09-01");
		// D 城中区 nursery: city title granted after AS_OF
		var d = space("630103", "NURSERY", null, "{PROFESSIONAL_SERVICE}");
		title(d, "CITY", "ACTIVE", "2026-08-01", null);
		tenant(d, "ACTIVE", "2025-01-01", null);
		// E 门源县 (海北州) maker space: national ACTIVE, district lapsed
		var e = space("632221", "MAKER_SPACE", null, "{INVESTMENT_PROMOTION}");
		title(e, "NATIONAL", "ACTIVE", "2023-01-01", null);
		title(e, "DISTRICT", "LAPSED", "2021-01-01", "2025-12-31");
		// F 城东区 without any title, G 城东区 accelerator with a revoked title only: not
		// counted
		var f = space("630102", "MAKER_SPACE", null, "{}");
		// F holds no title: its tenants' figures are not the dashboard's
		figures(tenant(f, "ACTIVE", "2025-01-01", null), 2025, "7000", 9, null);
		var g = space("630102", "ACCELERATOR", "E_COMMERCE", "{MAKER_INCUBATION}");
		title(g, "DISTRICT", "REVOKED", "2024-01-01", "2026-01-15");
		tenant(g, "ACTIVE", "2025-01-01", null);
	}

	@Test
	void everyFigureOfTheProvinceOnADayEqualsTheHandCount() throws Exception {
		JsonNode o = overview("630000", AS_OF.toString());
		assertThat(o.get("region").asString()).isEqualTo("630000");
		assertThat(o.get("asOf").asString()).isEqualTo("2026-06-30");
		JsonNode i = o.get("institutions");
		// holding an ACTIVE title on AS_OF: A, B, C (revoked only later), E
		assertThat(i.get("total").asLong()).isEqualTo(4);
		assertThat(map(i.get("byKind"))).isEqualTo("{MAKER_SPACE=3, INCUBATOR=1}");
		// ACTIVE titles: A district, C district; A city; B province; E national
		assertThat(map(i.get("byLevel"))).isEqualTo("{DISTRICT=2, CITY=1, PROVINCE=1, NATIONAL=1}");
		// B city and E district lapsed before AS_OF, G's revoked before it; D's does not
		// exist yet
		assertThat(map(i.get("byStatus"))).isEqualTo("{ACTIVE=5, LAPSED=2, REVOKED=1}");
		assertThat(map(i.get("bySectorType"))).isEqualTo("{CULTURE=1, TECH_STARTUP=1}");
		assertThat(map(i.get("byServiceModel")))
			.isEqualTo("{INVESTMENT_PROMOTION=1, TRAINING_COACHING=1, MEDIA_EXTENSION=1}");
		// A: one in, one graduating later (in on AS_OF); B: one in. Graduated by AS_OF:
		// one of A's
		assertThat(o.get("tenants").get("active").asLong()).isEqualTo(3);
		assertThat(o.get("tenants").get("teams").asLong()).isZero();
		assertThat(o.get("tenants").get("graduated").asLong()).isEqualTo(1);
		// direct sub-regions: 西宁市 A, B, C; 海北藏族自治州 E; the others none
		assertThat(subRegion(o, "630100")).isEqualTo("西宁市=3");
		assertThat(subRegion(o, "632200")).isEqualTo("海北藏族自治州=1");
		assertThat(o.get("byRegion")).hasSize(8);
		long others = 0;
		for (JsonNode r : o.get("byRegion")) {
			others += r.get("institutions").asLong();
		}
		assertThat(others).isEqualTo(4);
		// no pack's jurisdiction lies within or above 青海
		assertThat(o.get("targets")).isEmpty();
	}

	@Test
	void todayTheLaterEndsAndTheLaterTitleCount() throws Exception {
		JsonNode o = overview("630000", null);
		assertThat(o.get("asOf").asString())
			.isEqualTo(LocalDate.now(cn.zhongchuang.platform.ChinaTime.ZONE).toString());
		JsonNode i = o.get("institutions");
		// A, B, D (its title now exists), E; C's title is revoked now
		assertThat(i.get("total").asLong()).isEqualTo(4);
		assertThat(map(i.get("byKind"))).isEqualTo("{MAKER_SPACE=2, NURSERY=1, INCUBATOR=1}");
		assertThat(map(i.get("byLevel"))).isEqualTo("{DISTRICT=1, CITY=2, PROVINCE=1, NATIONAL=1}");
		assertThat(map(i.get("byStatus"))).isEqualTo("{ACTIVE=5, LAPSED=2, REVOKED=2}");
		assertThat(map(i.get("byServiceModel")))
			.isEqualTo("{INVESTMENT_PROMOTION=1, TRAINING_COACHING=1, PROFESSIONAL_SERVICE=1, MEDIA_EXTENSION=1}");
		// A: the one always in and the one admitted later; B one; D one. Graduated: two
		// of A's
		assertThat(o.get("tenants").get("active").asLong()).isEqualTo(4);
		assertThat(o.get("tenants").get("graduated").asLong()).isEqualTo(2);
	}

	@Test
	void aWriteInTheDatabaseIsCountedAtOnceThoughTheOverviewIsKept() throws Exception {
		// 西藏 城关区, a space of this test's own
		var t = space("540102", "MAKER_SPACE", null, "{}");
		title(t, "CITY", "ACTIVE", "2025-01-01", null);
		tenant(t, "ACTIVE", "2025-02-01", null);
		JsonNode first = overview("540000", AS_OF.toString());
		assertThat(first.get("tenants").get("active").asLong()).isEqualTo(1);
		// asked again unchanged: the kept overview, the same figures
		assertThat(overview("540000", AS_OF.toString())).isEqualTo(first);
		// written in plain SQL, as by another node or by hand: no application code hears
		// of
		// it, yet the next answer counts it
		tenant(t, "ACTIVE", "2025-03-01", null);
		assertThat(overview("540000", AS_OF.toString()).get("tenants").get("active").asLong()).isEqualTo(2);
		this.jdbc.sql("UPDATE institution SET kind = 'INCUBATOR', specialization = NULL WHERE id = :id")
			.param("id", t.org().institutionId())
			.update();
		assertThat(map(overview("540000", AS_OF.toString()).get("institutions").get("byKind")))
			.isEqualTo("{INCUBATOR=1}");
		this.jdbc
			.sql("UPDATE recognition SET status = 'REVOKED', ended_on = DATE '2026-01-01' WHERE institution_id = :id")
			.param("id", t.org().institutionId())
			.update();
		JsonNode revoked = overview("540000", AS_OF.toString());
		assertThat(revoked.get("institutions").get("total").asLong()).isZero();
		assertThat(map(revoked.get("institutions").get("byStatus"))).isEqualTo("{REVOKED=1}");
		assertThat(revoked.get("tenants").get("active").asLong()).isZero();
	}

	@Test
	void aCityCountsItsCountiesAndACountyHasNoSubRegions() throws Exception {
		JsonNode city = overview("630100", AS_OF.toString());
		assertThat(city.get("institutions").get("total").asLong()).isEqualTo(3);
		assertThat(map(city.get("institutions").get("byLevel"))).isEqualTo("{DISTRICT=2, CITY=1, PROVINCE=1}");
		assertThat(subRegion(city, "630102")).isEqualTo("城东区=2");
		assertThat(subRegion(city, "630103")).isEqualTo("城中区=1");
		JsonNode county = overview("632221", AS_OF.toString());
		assertThat(county.get("institutions").get("total").asLong()).isEqualTo(1);
		assertThat(map(county.get("institutions").get("byStatus"))).isEqualTo("{ACTIVE=1, LAPSED=1}");
		assertThat(county.get("tenants").get("active").asLong()).isZero();
		assertThat(county.get("byRegion")).isEmpty();
	}

	@Test
	void targetsOfPacksWithinOrAboveAreMeasuredOverTheirJurisdictionOrSayWhyNot() throws Exception {
		JsonNode before = overview("620102", null);
		// only Lanzhou's pack (620100) lies above 城关区; its four targets
		assertThat(before.get("targets")).hasSize(4);
		for (JsonNode t : before.get("targets")) {
			assertThat(t.get("policy").asString()).isEqualTo("lanzhou-2018");
		}
		JsonNode cityBefore = target(before, "CITY_LEVEL_OR_ABOVE");
		assertThat(cityBefore.get("value").asLong()).isEqualTo(106);
		assertThat(cityBefore.get("year").asInt()).isEqualTo(2018);
		assertThat(cityBefore.get("unit").asString()).isEqualTo("家");
		assertThat(cityBefore.get("comparator").asString()).isEqualTo("REPORTED");
		assertThat(cityBefore.has("note")).isFalse();
		long national = target(before, "NATIONAL_FILED").get("actual").asLong();
		// the measured figure is the city's: a new city title in another county of 兰州
		// counts
		var x = space("620103", "MAKER_SPACE", null, "{}");
		title(x, "CITY", "ACTIVE", "2025-01-01", null);
		JsonNode after = overview("620102", null);
		assertThat(target(after, "CITY_LEVEL_OR_ABOVE").get("actual").asLong())
			.isEqualTo(cityBefore.get("actual").asLong() + 1);
		assertThat(target(after, "NATIONAL_FILED").get("actual").asLong()).isEqualTo(national);
		assertThat(target(overview("620100", null), "CITY_LEVEL_OR_ABOVE").get("actual").asLong())
			.isEqualTo(target(after, "CITY_LEVEL_OR_ABOVE").get("actual").asLong());
		// not measurable: null with a reason, never 0
		JsonNode subsidies = target(after, "SUBSIDIES");
		assertThat(subsidies.get("actual").isNull()).isTrue();
		assertThat(subsidies.get("note").asString()).isNotBlank();
		// 黑马型骨干企业: the tenants of 朝阳's titled institutions that a bureau marked 黑马; a
		// new one in a titled space counts once however many years it is marked, one in
		// a space without a title does not
		JsonNode chaoyang = overview("110105", null);
		JsonNode darkHorses = target(chaoyang, "DARK_HORSE_ENTERPRISES");
		assertThat(darkHorses.get("actual").isNumber()).isTrue();
		assertThat(darkHorses.has("note")).isFalse();
		var cy = space("110105", "MAKER_SPACE", null, "{}");
		title(cy, "DISTRICT", "ACTIVE", "2024-01-01", null);
		long horse = tenant(cy, "ACTIVE", "2024-03-01", null);
		figures(horse, 2024, null, null, "DARK_HORSE");
		figures(horse, 2025, null, null, "DARK_HORSE");
		figures(tenant(cy, "ACTIVE", "2024-03-01", null), 2025, null, null, "KEY_CULTIVATION");
		var untitled = space("110105", "MAKER_SPACE", null, "{}");
		figures(tenant(untitled, "ACTIVE", "2024-03-01", null), 2025, null, null, "DARK_HORSE");
		chaoyang = overview("110105", null);
		assertThat(target(chaoyang, "DARK_HORSE_ENTERPRISES").get("actual").asLong())
			.isEqualTo(darkHorses.get("actual").asLong() + 1);
		assertThat(target(chaoyang, "SPACES_TOTAL").get("actual").asLong())
			.isEqualTo(chaoyang.get("institutions").get("total").asLong());
		// the whole country: every bundled pack's targets (Chaoyang 3, Lanzhou 4,
		// Liaoning none); packs other tests uploaded into the shared context come beside
		long bundled = 0;
		for (JsonNode t : overview("000000", null).get("targets")) {
			String policy = t.get("policy").asString();
			if (policy.equals("beijing-chaoyang-2017") || policy.equals("lanzhou-2018")
					|| policy.equals("liaoning-specialized-2019")) {
				bundled++;
			}
		}
		assertThat(bundled).isEqualTo(7);
		assertThat(overview(null, null).get("region").asString()).isEqualTo("000000");
	}

	@Test
	void badParametersAre400NamingThemAndAnUnknownRegion404() throws Exception {
		for (String[] bad : new String[][] { { "region", "12AB" }, { "region", "1234567" }, { "asOf", "2026-13-01" },
				{ "asOf", "yesterday" } }) {
			this.mvc.perform(get("/api/v1/statistics/overview").param(bad[0], bad[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]));
		}
		this.mvc.perform(get("/api/v1/statistics/overview").param("region", "999999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anyoneMayAskWithoutASession() throws Exception {
		MvcResult r = this.mvc.perform(get("/api/v1/statistics/overview").param("region", "630000"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn();
		assertThat(r.getRequest().getSession(false)).isNull();
		// counts only: nothing names an institution or an operator
		assertThat(r.getResponse().getContentAsString()).doesNotContain("统计空间");
	}

	@Test
	void thePublicPageShowsTheSameFiguresInChineseWithChartsAndDrillDown() throws Exception {
		String html = this.mvc.perform(get("/statistics").param("region", "630000").param("asOf", AS_OF.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("青海省孵化载体统计", "截至2026年6月30日", "data-chart=", "/js/statistics.js");
		java.util.regex.Matcher echarts = java.util.regex.Pattern.compile("src=\"([^\"]*echarts\\.min\\.js)\"")
			.matcher(html);
		assertThat(echarts.find()).isTrue();
		this.mvc.perform(get(echarts.group(1))).andExpect(status().isOk());
		assertThat(figure(html, "institutions")).isEqualTo("4");
		assertThat(figure(html, "tenants")).isEqualTo("3");
		assertThat(figure(html, "graduated")).isEqualTo("1");
		assertThat(html).contains("href=\"/statistics?region=630100&amp;asOf=2026-06-30\"");
		String text = visibleText(html);
		assertThat(text).contains("西宁市", "海北藏族自治州", "区县级", "国家级", "众创空间", "孵化器", "文化产业型", "已失效", "已撤销");
		assertThat(text).doesNotContain("MAKER_SPACE", "DISTRICT", "LAPSED", "CULTURE", "630100", "632200");
		// no inline script: the charts come from the static file
		assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
	}

	@Test
	void aBureauDashboardDrillsDownWithinItsScopeKeepingTheKindAndExports() throws Exception {
		var province = this.accounts.create(cn.zhongchuang.platform.Role.PROVINCE, "630000").principal();
		String html = page(get("/dashboard").param("asOf", AS_OF.toString())
			.param("kind", "MAKER_SPACE")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(province)));
		// maker spaces only: A, C, E
		assertThat(figure(html, "institutions")).isEqualTo("3");
		assertThat(html).contains("href=\"/dashboard?region=630100&amp;asOf=2026-06-30&amp;kind=MAKER_SPACE\"");
		assertThat(visibleText(html)).contains("认定、失效与撤销（按年度）", "2024年", "整改中", "奖补待追回", "年度备案逾期");
		// the whole province: per year, granted up to AS_OF: 2021 E, 2023 B E, 2024 A C
		// G, 2025 A B
		String all = page(get("/dashboard").param("asOf", AS_OF.toString())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(province)));
		assertThat(figure(all, "institutions")).isEqualTo("4");
		// 2025 figures of the titled institutions' tenants: A 100 + 20 (graduated since,
		// its figures still count), B 30.5; F holds no title. In place on AS_OF: A's
		// two, B's one; owning IP: A's first only
		assertThat(figure(all, "revenue")).isEqualTo("150.5");
		assertThat(figure(all, "ipShare")).isEqualTo("33.3%（1/3 家）");
		assertThat(all).contains("href=\"/tenants?revenueYear=2025\"",
				"href=\"/tenants?status=ACTIVE&amp;ipYear=2025\"");
		assertThat(visibleText(all)).contains("2025年在孵企业营业收入（万元）", "拥有自主知识产权的企业占比（2025年度指标）");
		var rows = cn.zhongchuang.Spreadsheets.download(this.mvc,
				get("/dashboard/export.xlsx").param("asOf", AS_OF.toString())
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user(province)));
		assertThat(rows).anySatisfy((r) -> assertThat(r).containsExactly("", "持有有效称号的载体", "4"));
		assertThat(rows).anySatisfy((r) -> assertThat(r).containsExactly("", "2024年", "3", "0", "0"));
		assertThat(rows).anySatisfy((r) -> assertThat(r).containsExactly("", "2025年", "2", "1", "0"));
		assertThat(rows).anySatisfy((r) -> assertThat(r).containsExactly("", "2026年", "0", "1", "1"));
		assertThat(rows).anySatisfy((r) -> assertThat(r).containsExactly("", "西宁市", "3"));
		// a county sees its own; another province's region is not there for it
		var county = this.accounts.create(cn.zhongchuang.platform.Role.COUNTY_REVIEWER, "630102").principal();
		String mine = page(get("/dashboard").param("asOf", AS_OF.toString())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(county)));
		assertThat(figure(mine, "institutions")).isEqualTo("2");
		this.mvc
			.perform(get("/dashboard").param("region", "630100")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(county)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/dashboard")).andExpect(status().isUnauthorized());
	}

	@Test
	void anOperatorsDashboardCountsItsOwnInstitutions() throws Exception {
		String html = page(get("/dashboard").param("asOf", AS_OF.toString())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.a.org().account().principal())));
		assertThat(figure(html, "institutions")).isEqualTo("1");
		assertThat(figure(html, "titles")).isEqualTo("2");
		assertThat(figure(html, "tenants")).isEqualTo("2");
		assertThat(visibleText(html)).contains("本机构统计看板").doesNotContain("政策目标", "全部类型");
		// its tenants' 2025 figures: revenue 100 + 20, IP: the one in place of two
		assertThat(figure(html, "revenue")).isEqualTo("120");
		assertThat(figure(html, "ipShare")).isEqualTo("50.0%（1/2 家）");
		// the lists behind them: the tenants with 2025 revenue, those in place owning IP
		String revenueList = page(get("/tenants").param("revenueYear", "2025")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.a.org().account().principal())));
		assertThat(tenantLinks(revenueList)).containsExactlyInAnyOrder(this.aIn, this.aGone);
		assertThat(visibleText(revenueList)).contains("仅列出2025年已填报营业收入的企业");
		String ipList = page(get("/tenants").param("status", "ACTIVE")
			.param("ipYear", "2025")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.a.org().account().principal())));
		assertThat(tenantLinks(ipList)).containsExactly(this.aIn);
		String summary = page(get("/dashboard/summary")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.a.org().account().principal())));
		assertThat(summary).contains("id=\"home-statistics\"", "查看看板");
		// an operator that has not registered its organisation yet: zeros, not an error
		var newcomer = this.accounts.create(cn.zhongchuang.platform.Role.OPERATOR, "630102").principal();
		String empty = page(get("/dashboard")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(newcomer)));
		assertThat(figure(empty, "institutions")).isEqualTo("0");
	}

	String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	static String figure(String html, String id) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("id=\"figure-" + id + "\"[^>]*>\\s*<div[^>]*>[^<]*</div>\\s*<(?:a|span)[^>]*>([^<]*)<")
			.matcher(html);
		return m.find() ? m.group(1).strip() : null;
	}

	static java.util.List<Long> tenantLinks(String html) {
		java.util.List<Long> ids = new java.util.ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"/tenants/(\\d+)\"").matcher(html);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	static String visibleText(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<[^>]*>", " ");
	}

	JsonNode overview(String region, String asOf) throws Exception {
		var request = get("/api/v1/statistics/overview");
		if (region != null) {
			request = request.param("region", region);
		}
		if (asOf != null) {
			request = request.param("asOf", asOf);
		}
		String body = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return this.json.readTree(body);
	}

	static String map(JsonNode node) {
		java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
		node.properties().forEach((e) -> m.put(e.getKey(), e.getValue().asLong()));
		return m.toString();
	}

	static String subRegion(JsonNode overview, String code) {
		for (JsonNode r : overview.get("byRegion")) {
			if (r.get("region").asString().equals(code)) {
				return r.get("name").asString() + "=" + r.get("institutions").asLong();
			}
		}
		return null;
	}

	static JsonNode target(JsonNode overview, String code) {
		for (JsonNode t : overview.get("targets")) {
			if (t.get("code").asString().equals(code)) {
				return t;
			}
		}
		throw new AssertionError("no target " + code);
	}

	record Space(TestOrganisations.Registered org, String region) {
	}

	Space space(String region, String kind, String sector, String models) {
		var org = this.organisations.register(region, "统计空间");
		this.jdbc
			.sql("""
					UPDATE institution SET kind = :kind, specialization = CASE WHEN :kind = 'MAKER_SPACE' THEN 'COMPREHENSIVE' END,
					  sector_type = :sector, service_models = CAST(:models AS text[]) WHERE id = :id
					""")
			.param("kind", kind)
			.param("sector", sector, java.sql.Types.VARCHAR)
			.param("models", models)
			.param("id", org.institutionId())
			.update();
		return new Space(org, region);
	}

	void title(Space s, String level, String status, String recognizedOn, String endedOn) {
		long n = SEQ.incrementAndGet();
		this.jdbc
			.sql("""
					INSERT INTO recognition (number, verification_code, subject_type, subject_id, institution_name, operator_name,
					  credit_code, kind, level, region_code, policy_id, issuing_authority, recognized_on, status, created_by,
					  created_at, ended_on, document_number, source, institution_id)
					VALUES (:number, :code, 'external_title', :n, :name, :name, :credit, 'MAKER_SPACE', :level, :region, NULL,
					  '青海省科学技术厅', :on, :status, 'test', :now, :ended, :number, 'EXTERNAL', :institution)
					""")
			.param("number", "青科统〔2026〕" + n + "号")
			.param("code", "ST" + n)
			.param("n", n)
			.param("name", s.org().name() + "众创空间")
			.param("credit", s.org().creditCode())
			.param("level", level)
			.param("region", s.region())
			.param("on", LocalDate.parse(recognizedOn))
			.param("status", status)
			.param("now", OffsetDateTime.now())
			.param("ended", (endedOn != null) ? LocalDate.parse(endedOn) : null, java.sql.Types.DATE)
			.param("institution", s.org().institutionId())
			.update();
	}

	long tenant(Space s, String status, String admittedOn, String leftOn) {
		return this.jdbc
			.sql("""
					INSERT INTO tenant (operator_id, institution_id, region_code, name, credit_code, admitted_on, agreement_signed,
					  in_focus_segment, status, left_on, created_at)
					VALUES (:o, :i, :r, '统计在孵企业', :code, :on, false, false, :s, :left, :now) RETURNING id
					""")
			.param("o", s.org().id())
			.param("i", s.org().institutionId())
			.param("r", s.region())
			.param("code", TestOrganisations.creditCode(s.region()))
			.param("on", LocalDate.parse(admittedOn))
			.param("s", status)
			.param("left", (leftOn != null) ? LocalDate.parse(leftOn) : null, java.sql.Types.DATE)
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
	}

	/** A tenant's figures of a year: revenue, valid IP, the bureau's mark. */
	void figures(long tenant, int year, String revenue, Integer validIp, String mark) {
		this.jdbc
			.sql("""
					INSERT INTO tenant_figure (tenant_id, year, revenue_wan, revenue_source, valid_ip, valid_ip_source, mark,
					  updated_at)
					VALUES (:t, :y, CAST(:rev AS numeric), CASE WHEN CAST(:rev AS text) IS NULL THEN NULL ELSE 'DECLARED' END,
					  :ip, CASE WHEN CAST(:ip AS int) IS NULL THEN NULL ELSE 'DECLARED' END, :mark, now())
					""")
			.param("t", tenant)
			.param("y", year)
			.param("rev", revenue, java.sql.Types.VARCHAR)
			.param("ip", validIp, java.sql.Types.INTEGER)
			.param("mark", mark, java.sql.Types.VARCHAR)
			.update();
	}

}
