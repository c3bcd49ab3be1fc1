package cn.zhongchuang.application;

import java.time.LocalDate;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.policy.Verdict;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application form asks for the facts the chosen pack declares, with the pack's
 * labels, units and enum labels, and the verdict uses them: here a fact of the 朝阳 2014
 * incubator pack that no other pack has ({@code incubator.graduatesTotal}, 累计毕业企业).
 */
@IntegrationTest
class PackFormTests {

	static final String POLICY = "beijing-chaoyang-incubator-2014";

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	Applications applications;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFormOfAnIncubatorApplicationAsksForThePacksOwnFactsByTheirLabels() throws Exception {
		CurrentUser operator = this.fixtures.operator("110105").principal();
		Application app = this.applications.create(operator, POLICY, "表单孵化器", "110105", null);
		assertThat(this.applications.form(app.id(), operator).facts()).extracting((r) -> r.field().path())
			.contains("incubator.graduatesTotal", "incubator.fundWan")
			// a fact the pack does not read is not asked for
			.doesNotContain("space.openPlatform", "operator.creditCode", "institution.kind");
		String page = this.mvc.perform(get("/applications/" + app.id()).with(user(TestPrincipal.of(operator))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("累计毕业企业").contains("（家）").contains("符合《科技企业孵化器管理办法》第八条的毕业企业累计数");
		// the text a clerk reads names no path (the paths are only in field names)
		assertThat(page.replaceAll("(name|data-path)=\"[^\"]*\"", "")).doesNotContain("incubator.graduatesTotal");
	}

	@Test
	void thePacksOwnFactIsComputedFromTheRosterAndTheVerdictJudgesByIt() {
		CurrentUser operator = this.fixtures.operator("110105").principal();
		Application app = this.applications.create(operator, POLICY, "毕业孵化器", "110105", null);
		for (int i = 0; i < 3; i++) {
			tenant(app, LocalDate.of(2024, 6, 30));
		}
		tenant(app, null); // still in incubation
		Applications.FormView form = this.applications.form(app.id(), operator);
		Applications.FactRow row = form.facts()
			.stream()
			.filter((r) -> r.field().path().equals("incubator.graduatesTotal"))
			.findFirst()
			.orElseThrow();
		assertThat(row.origin()).isEqualTo(ApplicationRecords.Origin.COMPUTED);
		assertThat(row.value()).isEqualTo("3");
		assertThat(row.source()).contains("毕业孵化器").contains("累计毕业 3 家");
		assertThat(result(form)).isEqualTo(Verdict.Result.FAIL);

		// the operator corrects the computed figure with a reason; the verdict follows
		assertThat(result(this.applications.saveFacts(app.id(), operator,
				Map.of("o.incubator.graduatesTotal", "24", "r.incubator.graduatesTotal", "名册尚未录入 2018 年以前的毕业企业"))))
			.isEqualTo(Verdict.Result.PASS);
		assertThatThrownBy(
				() -> this.applications.saveFacts(app.id(), operator, Map.of("o.incubator.graduatesTotal", "24")))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKey("r.incubator.graduatesTotal"));
		assertThatThrownBy(() -> this.applications.saveFacts(app.id(), operator,
				Map.of("o.incubator.graduatesTotal", "二十", "r.incubator.graduatesTotal", "理由")))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKey("o.incubator.graduatesTotal"));
	}

	@Test
	void aDeclaredFactOfThePackIsTypedByTheOperator() {
		CurrentUser operator = this.fixtures.operator("110105").principal();
		Application app = this.applications.create(operator, POLICY, "资金孵化器", "110105", null);
		Applications.FormView form = this.applications.saveFacts(app.id(), operator,
				Map.of("d.incubator.fundWan", "800"));
		assertThat(form.facts()).filteredOn((r) -> r.field().path().equals("incubator.fundWan"))
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.origin()).isEqualTo(ApplicationRecords.Origin.DECLARED);
				assertThat(r.value()).isEqualTo("800");
			});
	}

	/** A tenant of the application's institution, graduated on the day given (or not). */
	private void tenant(Application app, LocalDate graduatedOn) {
		this.jdbc.sql("""
				INSERT INTO tenant (operator_id, institution_id, region_code, name, credit_code, kind, admitted_on,
				  agreement_signed, in_focus_segment, status, left_on, created_at)
				VALUES (:o, :i, '110105', '毕业企业', :code, 'ENTERPRISE', DATE '2020-01-01', false, false, :status,
				  :on, now())
				""")
			.param("o", app.operatorId())
			.param("i", app.institutionId())
			.param("code", TestOrganisations.creditCode("110105"))
			.param("status", (graduatedOn != null) ? "GRADUATED" : "ACTIVE")
			.param("on", graduatedOn, java.sql.Types.DATE)
			.update();
	}

	private static Verdict.Result result(Applications.FormView view) {
		return view.verdict()
			.criteria()
			.stream()
			.filter((c) -> c.article().equals("9.7"))
			.findFirst()
			.orElseThrow()
			.result();
	}

}
