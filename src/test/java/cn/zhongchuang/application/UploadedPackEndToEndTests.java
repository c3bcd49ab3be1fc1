package cn.zhongchuang.application;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.policy.Verdict;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11's "done means": an administrator uploads, through the upload form, a pack for
 * a new kind with a fact no bundled pack has; its examples pass so it activates; the
 * application form asks for the fact by its label, and the form's verdict and the public
 * API judge by it; a wrong type for it is a 400 naming the field. Packs whose fact lacks
 * a label, has an unknown type or an unknown computation are refused on the page in
 * Chinese.
 */
@IntegrationTest
class UploadedPackEndToEndTests {

	static final String PACK = """
			id: test-accelerator-2026
			title: 示范区企业加速器认定办法（测试）
			jurisdiction: "110105"
			version: "2026-01-01"
			effectiveFrom: "2026-01-01"
			kind: ACCELERATOR
			level: DISTRICT
			facts:
			  - path: accelerator.highGrowthTenants
			    type: INT
			    unit: 家
			    label: 高成长在孵企业
			    help: 近两年营业收入年均增长 20% 以上的在孵企业
			    source: declared
			criteria:
			  - article: "4"
			    title: 高成长企业
			    kind: AUTOMATIC
			    requires: [accelerator.highGrowthTenants]
			    rule: accelerator.highGrowthTenants >= 5
			    detail: "高成长在孵企业 {accelerator.highGrowthTenants} 家，要求 ≥ 5 家"
			review:
			  stages:
			    - {code: BUREAU_REVIEW, name: 区科技局审查, role: CITY_BUREAU, expertsScore: false, canReturn: true, canReject: true}
			examples:
			  - name: 恰好 5 家
			    outcome: ELIGIBLE
			    facts: {asOf: "2026-03-01", accelerator: {highGrowthTenants: 5}}
			    results: {"4": PASS}
			  - name: 4 家
			    outcome: INELIGIBLE
			    facts: {asOf: "2026-03-01", accelerator: {highGrowthTenants: 4}}
			    results: {"4": FAIL}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	Applications applications;

	@Test
	void anUploadedPackWithANewFactIsAskedForByItsLabelAndJudgesByIt() throws Exception {
		TestAccounts.Account admin = this.accounts.create(Role.ADMIN, "000000");
		upload(admin, PACK).andExpect(redirectedUrl("/admin/policies"))
			.andExpect(flash().attribute("toast", containsString("示例全部通过")));
		this.mvc
			.perform(post("/admin/policies/test-accelerator-2026/2026-01-01/activate").with(user(admin.principal()))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/policies"))
			.andExpect(flash().attribute("toast", containsString("已启用")));

		// the application form asks for it by its label, with its unit and help
		CurrentUser operator = this.fixtures.operator("110105").principal();
		Application app = this.applications.create(operator, "test-accelerator-2026", "测试加速器", "110105", null);
		String page = this.mvc.perform(get("/applications/" + app.id()).with(user(TestPrincipal.of(operator))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("高成长在孵企业").contains("（家）").contains("近两年营业收入年均增长 20% 以上的在孵企业");
		assertThat(page.replaceAll("(name|data-path)=\"[^\"]*\"", "")).doesNotContain("accelerator.highGrowthTenants");
		// the form's verdict judges by it
		assertThat(
				result(this.applications.saveFacts(app.id(), operator, Map.of("d.accelerator.highGrowthTenants", "4"))))
			.isEqualTo(Verdict.Result.FAIL);
		assertThat(
				result(this.applications.saveFacts(app.id(), operator, Map.of("d.accelerator.highGrowthTenants", "6"))))
			.isEqualTo(Verdict.Result.PASS);

		// and the public API
		api("{\"asOf\": \"2026-03-01\", \"accelerator\": {\"highGrowthTenants\": 5}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("ELIGIBLE"))
			.andExpect(jsonPath("$.criteria[0].detail").value("高成长在孵企业 5 家，要求 ≥ 5 家"));
		api("{\"asOf\": \"2026-03-01\", \"accelerator\": {\"highGrowthTenants\": 4}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("INELIGIBLE"));
		api("{\"asOf\": \"2026-03-01\", \"accelerator\": {\"highGrowthTenants\": \"五\"}}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("accelerator.highGrowthTenants")));
	}

	@Test
	void aPackWithoutReviewStagesServesTheSelfCheckButTakesNoApplication() throws Exception {
		TestAccounts.Account admin = this.accounts.create(Role.ADMIN, "000000");
		String selfCheckOnly = PACK.replace("test-accelerator-2026", "test-selfcheck-2026")
			.replaceAll("review:\n  stages:\n    - \\{[^\\n]*\\}\n", "");
		assertThat(selfCheckOnly).doesNotContain("review:");
		upload(admin, selfCheckOnly).andExpect(flash().attribute("toast", containsString("示例全部通过")));
		this.mvc.perform(post("/admin/policies/test-selfcheck-2026/2026-01-01/activate").with(user(admin.principal()))
			.with(csrf()));
		CurrentUser operator = this.fixtures.operator("110105").principal();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> this.applications.create(operator, "test-selfcheck-2026", "自查加速器", "110105", null))
			.isInstanceOfSatisfying(cn.zhongchuang.platform.FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsEntry("policyId", "该政策未规定审查环节，只能用于政策自查，不能据以申报"));
	}

	@Test
	void packsWithABadFactAreRefusedOnTheUploadPageNamingThePlace() throws Exception {
		TestAccounts.Account admin = this.accounts.create(Role.ADMIN, "000000");
		upload(admin, PACK.replace("    label: 高成长在孵企业\n", "")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("缺少中文名称")));
		upload(admin, PACK.replace("type: INT", "type: NUMBER")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("未知的类型 NUMBER")));
		upload(admin, PACK.replace("source: declared", "source: computed:highGrowth"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("没有名为「highGrowth」的计算")));
	}

	private org.springframework.test.web.servlet.ResultActions upload(TestAccounts.Account admin, String yaml)
			throws Exception {
		return this.mvc.perform(multipart("/admin/policies")
			.file(new MockMultipartFile("file", "pack.yaml", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8)))
			.with(user(admin.principal()))
			.with(csrf()));
	}

	private org.springframework.test.web.servlet.ResultActions api(String body) throws Exception {
		return this.mvc.perform(
				post("/api/v1/policies/test-accelerator-2026/space-eligibility").contentType(MediaType.APPLICATION_JSON)
					.content(body));
	}

	private static Verdict.Result result(Applications.FormView view) {
		return view.verdict()
			.criteria()
			.stream()
			.filter((c) -> c.article().equals("4"))
			.findFirst()
			.orElseThrow()
			.result();
	}

}
