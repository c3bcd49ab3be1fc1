package cn.zhongchuang.application;

import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.policy.Verdict;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
	void theVerdictOfTheFormJudgesByThePacksOwnFact() {
		CurrentUser operator = this.fixtures.operator("110105").principal();
		Application app = this.applications.create(operator, POLICY, "毕业孵化器", "110105", null);
		assertThat(result(this.applications.saveFacts(app.id(), operator, Map.of("d.incubator.graduatesTotal", "19"))))
			.isEqualTo(Verdict.Result.FAIL);
		assertThat(result(this.applications.saveFacts(app.id(), operator, Map.of("d.incubator.graduatesTotal", "24"))))
			.isEqualTo(Verdict.Result.PASS);
		assertThatThrownBy(
				() -> this.applications.saveFacts(app.id(), operator, Map.of("d.incubator.graduatesTotal", "二十")))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKey("d.incubator.graduatesTotal"));
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
