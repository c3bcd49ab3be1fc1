package cn.zhongchuang.policy;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public self-check pages answer without signing in, and explain every verdict. */
@IntegrationTest
class SelfCheckPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theSelfCheckPageIsPublic() throws Exception {
		this.mvc.perform(get("/self-check").param("policy", "lanzhou-2018"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("兰州"), containsString("场地总面积"))));
		this.mvc.perform(get("/policies/liaoning-specialized-2019"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2.6")));
	}

	@Test
	void aSpaceSelfCheckShowsEachArticleWithTheFigures() throws Exception {
		this.mvc
			.perform(post("/self-check/space").with(csrf())
				.header("HX-Request", "true")
				.param("policy", "beijing-chaoyang-2017")
				.param("asOf", "2026-03-01")
				.param("space.totalAreaM2", "420")
				.param("funds[0].role", "SELF_BUILT")
				.param("funds[0].kind", "ANGEL")
				.param("funds[0].amountCny", "5000000"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("不符合条件"), containsString("孵化场地 420"),
					containsString("要求 ≥ 500"), not(containsString("<html")), containsString("id=\"work\""))));
	}

	@Test
	void aValueOfTheWrongTypeIsShownNextToItsField() throws Exception {
		this.mvc
			.perform(post("/self-check/space").with(csrf())
				.param("policy", "beijing-chaoyang-2017")
				.param("space.totalAreaM2", "五百")
				.param("space.operatingSince", "2025-13-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("请输入不小于 0 的数字"), containsString("请输入真实日期"))));
	}

	@Test
	void theExitCalculatorCountsMonthsFromATaxHistory() throws Exception {
		this.mvc
			.perform(post("/self-check/exit").with(csrf())
				.param("policy", "beijing-chaoyang-2017")
				.param("asOf", "2026-03-01")
				.param("admittedOn", "2025-08-10")
				.param("filings", "2025-09, 是, 100\n2025-10, 否"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("纳入异常名录"), containsString("已连续 5 个月未申报"))));
		this.mvc
			.perform(post("/self-check/exit").with(csrf())
				.param("policy", "beijing-chaoyang-2017")
				.param("admittedOn", "2025-08-10")
				.param("filings", "2025-13, 是, 100"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("第 1 行无法识别")));
	}

	@Test
	void theSpaceFormAsksForThePacksOwnFactsByTheirLabels() throws Exception {
		String page = this.mvc.perform(get("/self-check").param("policy", "beijing-chaoyang-incubator-2014"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page)
			.contains("累计毕业企业", "（家）", "孵化机构情况", "载体类型", "大学科技园", "判断日期")
			// a fact the incubator pack does not read is not asked
			.doesNotContain("name=\"space.openPlatform\"", "name=\"funds[0].kind\"")
			.doesNotContain("??");
		String liaoning = this.mvc.perform(get("/self-check").param("policy", "liaoning-specialized-2019"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(liaoning)
			.contains("name=\"funds[0].kind\"", "name=\"funds[2].amountCny\"", "种子基金")
			.doesNotContain("name=\"funds.kind\"", "??");
	}

	@Test
	void theIncubatorSelfCheckJudgesByThePacksOwnFact() throws Exception {
		this.mvc
			.perform(post("/self-check/space").with(csrf())
				.header("HX-Request", "true")
				.param("policy", "beijing-chaoyang-incubator-2014")
				.param("asOf", "2026-03-01")
				.param("institution.kind", "INCUBATOR")
				.param("incubator.graduatesTotal", "19"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("累计毕业"), containsString("19"))));
		this.mvc
			.perform(post("/self-check/space").with(csrf())
				.param("policy", "beijing-chaoyang-incubator-2014")
				.param("incubator.graduatesTotal", "十九"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请输入不小于 0 的整数")));
	}

}
