package cn.zhongchuang.institution;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.OperatorFacts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.tenant.TenantFixtures;
import cn.zhongchuang.tenant.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Institutions are each their own record: an operator registers several, its records land
 * on one of them (or are assigned), and each institution's facts come from its own
 * records only; bureaus read those of their region.
 */
@IntegrationTest
class InstitutionTests {

	static final LocalDate TODAY = LocalDate.now(cn.zhongchuang.platform.ChinaTime.ZONE);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Institutions institutions;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoInstitutionsOfOneOperatorReportTheirOwnFigures() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("620102", "双载体运营机构");
		long space = org.institutionId();
		this.mvc.perform(register(org, "双载体创业苗圃", "NURSERY", "").param("stages", "NURSERY"))
			.andExpect(status().is3xxRedirection());
		long nursery = this.institutions.ofOperator(org.id())
			.stream()
			.filter((i) -> i.kind() == InstitutionKind.NURSERY)
			.findFirst()
			.orElseThrow()
			.id();
		this.mvc.perform(premises(org, space, "600")).andExpect(status().is3xxRedirection());
		this.mvc.perform(premises(org, nursery, "200")).andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/operator/events").with(user(org.account().principal()))
				.with(csrf())
				.param("institutionId", String.valueOf(nursery))
				.param("title", "苗圃创业沙龙")
				.param("type", "SALON")
				.param("heldOn", TODAY.minusDays(10).toString())
				.param("participants", "30"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/operator/mentors").with(user(org.account().principal()))
				.with(csrf())
				.param("institutionIdsPresent", "1")
				.param("institutionIds", String.valueOf(space))
				.param("name", "只服务众创空间的导师")
				.param("contractStart", TODAY.minusYears(1).toString()))
			.andExpect(status().is3xxRedirection());
		this.tenants.admitInto(space, tenant("众创空间在孵甲"), org.account().principal());
		this.tenants.admitInto(space, tenant("众创空间在孵乙"), org.account().principal());
		this.tenants.admitInto(nursery, tenant("苗圃在孵丙"), org.account().principal());

		OperatorFacts a = this.institutions.factsFor(space, TODAY);
		OperatorFacts b = this.institutions.factsFor(nursery, TODAY);
		assertThat(a.facts().get("tenants.count")).isEqualTo(2);
		assertThat(b.facts().get("tenants.count")).isEqualTo(1);
		assertThat(a.facts().get("space.totalAreaM2")).isEqualTo(new BigDecimal("600"));
		assertThat(b.facts().get("space.totalAreaM2")).isEqualTo(new BigDecimal("200"));
		assertThat(a.facts().get("mentors.count")).isEqualTo(1);
		assertThat(b.facts().get("mentors.count")).isEqualTo(0);
		assertThat(a.facts().get("activities.eventsLast12Months")).isEqualTo(0);
		assertThat(b.facts().get("activities.eventsLast12Months")).isEqualTo(1);
		assertThat(a.sources().get("tenants.count")).startsWith("「双载体运营机构");
		assertThat(b.sources().get("tenants.count")).startsWith("「双载体创业苗圃」在孵企业名册 1 家");
		assertThat(b.facts()).doesNotContainKey("specialization");
		// the institution page names each fact in Chinese, with its source, and no fact
		// path
		this.mvc.perform(get("/institutions/" + nursery).with(user(org.account().principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("双载体创业苗圃")))
			.andExpect(content().string(containsString("在孵企业及团队数")))
			.andExpect(content().string(containsString("「双载体创业苗圃」在孵企业名册 1 家")))
			.andExpect(content().string(not(containsString("tenants.count"))));
		this.mvc.perform(get("/api/v1/institutions/" + space + "/facts").with(user(org.account().principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.spaceFacts.tenants.count").value(2))
			.andExpect(jsonPath("$.spaceFacts.space.totalAreaM2").value(600));
	}

	@Test
	void aRecordWithoutItsInstitutionIsRefusedWhenTheOperatorRunsSeveral() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("620102", "待选载体运营机构");
		this.mvc.perform(register(org, "待选载体二号", "MAKER_SPACE", "COMPREHENSIVE"))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(premises(org, null, "500"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请选择所属载体")));
		this.mvc.perform(premises(org, -7L, "500"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请选择所属载体")));
		TestOrganisations.Registered other = this.organisations.register("620102", "他人运营机构");
		this.mvc.perform(premises(org, other.institutionId(), "500")).andExpect(status().isUnprocessableContent());
		assertThat(this.jdbc.sql("SELECT count(*) FROM operator_premises WHERE operator_id = :o")
			.param("o", org.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void registrationChecksEveryFieldAndAnswersInChineseAtTheField() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("110105", "登记校验运营机构");

		this.mvc
			.perform(post("/institutions").with(user(org.account().principal()))
				.with(csrf())
				.param("name", " ")
				.param("kind", "CASTLE")
				.param("regionCode", "999999")
				.param("serviceModels", "FREE_LUNCH")
				.param("openedOn", "2026-13-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请填写载体名称")))
			.andExpect(content().string(containsString("请选择载体类型")))
			.andExpect(content().string(containsString("请选择载体所在的区县")))
			.andExpect(content().string(containsString("服务模式只能从列表中选择")))
			.andExpect(content().string(containsString("请选择正确的日期")));
		this.mvc.perform(register(org, "缺类别众创空间", "MAKER_SPACE", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("众创空间须选择综合性或专业化")));
		this.mvc.perform(register(org, "孵化器不分综合专业", "INCUBATOR", "SPECIALIZED")).andExpect(status().is3xxRedirection());
		InstitutionSummary incubator = this.institutions.ofOperator(org.id())
			.stream()
			.filter((i) -> i.name().equals("孵化器不分综合专业"))
			.findFirst()
			.orElseThrow();
		assertThat(incubator.specialization()).isNull();
		assertThat(incubator.stages()).containsExactly("INCUBATOR");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'INSTITUTION_REGISTER' AND object_id = :id")
			.param("id", String.valueOf(incubator.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void bureausReadTheInstitutionsOfTheirRegionAndNothingElse() throws Exception {
		TestOrganisations.Registered chengguan = this.organisations.register("620102", "城关载体运营机构");
		TestOrganisations.Registered chaoyang = this.organisations.register("110105", "朝阳载体运营机构");
		var lanzhou = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var expert = this.accounts.create(Role.EXPERT, "620100").principal();

		this.mvc.perform(get("/institutions/" + chengguan.institutionId()).with(user(lanzhou)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("城关载体运营机构")))
			.andExpect(content().string(not(containsString("id=\"institution-edit\""))));
		this.mvc.perform(get("/institutions").param("q", "载体运营机构").with(user(lanzhou)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("城关载体运营机构")))
			.andExpect(content().string(not(containsString("朝阳载体运营机构"))));
		this.mvc.perform(get("/institutions/" + chaoyang.institutionId()).with(user(lanzhou)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/institutions/" + chaoyang.institutionId()).with(user(chengguan.account().principal())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/institutions/" + chaoyang.institutionId() + "/titles").with(user(lanzhou)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/institutions/" + chaoyang.institutionId() + "/facts").with(user(lanzhou)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/institutions/" + chengguan.institutionId()).with(user(expert)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/institutions/" + chengguan.institutionId()).with(user(lanzhou))
				.with(csrf())
				.param("version", "0")
				.param("name", "改名"))
			.andExpect(status().isForbidden());
	}

	private static cn.zhongchuang.tenant.AdmissionForm tenant(String name) {
		return TenantFixtures.eligible("兰州" + name + "科技有限公司", TestOrganisations.creditCode("620102"),
				TODAY.minusMonths(3), TODAY.minusMonths(3), false);
	}

	private MockHttpServletRequestBuilder register(TestOrganisations.Registered org, String name, String kind,
			String specialization) {
		return post("/institutions").with(user(org.account().principal()))
			.with(csrf())
			.param("name", name)
			.param("kind", kind)
			.param("specialization", specialization)
			.param("regionCode", "620102");
	}

	private MockHttpServletRequestBuilder premises(TestOrganisations.Registered org, Long institution, String area) {
		MockHttpServletRequestBuilder request = post("/operator/premises").with(user(org.account().principal()))
			.with(csrf())
			.param("address", "兰州市城关区测试路 8 号")
			.param("regionCode", "620102")
			.param("totalAreaM2", area)
			.param("officeAndPublicServiceAreaM2", "100")
			.param("independentWorkstations", "20")
			.param("tenure", "OWNED")
			.param("operatingSince", "2021-01-01");
		return (institution != null) ? request.param("institutionId", String.valueOf(institution)) : request;
	}

}
