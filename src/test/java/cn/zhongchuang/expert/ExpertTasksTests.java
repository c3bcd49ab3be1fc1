package cn.zhongchuang.expert;

import java.util.Set;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TaskCounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 待办 of an expert: one line per panel to score, and a scored panel leaves it. */
@IntegrationTest
class ExpertTasksTests {

	@Autowired
	ExpertFixtures fixtures;

	@Autowired
	ExpertPanels panels;

	@Autowired
	MockMvc mvc;

	@Test
	void anExpertSeesThePanelsToScoreAndAScoredOneLeavesTheList() throws Exception {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		var expert = this.fixtures.linked(bureau, "待办专家", field);
		var principal = expert.account().principal();
		assertThat(TaskCounts.on(this.mvc, principal, "home-task-expert-reviews")).isZero();

		var first = this.panels.draw(ExpertFixtures.subject("todo1"), ExpertFixtures.SHEET, 1, 0, Set.of(field), null,
				bureau.principal());
		this.panels.draw(ExpertFixtures.subject("todo2"), ExpertFixtures.SHEET, 1, 0, Set.of(field), null,
				bureau.principal());
		assertThat(TaskCounts.on(this.mvc, principal, "home-task-expert-reviews")).isEqualTo(2);
		// the bureau has no expert reviews of its own
		assertThat(TaskCounts.on(this.mvc, bureau.principal(), "home-task-expert-reviews")).isZero();

		this.mvc
			.perform(post("/my-reviews/" + first.panelId()).param("version", "0")
				.param("score_SITE", "50")
				.param("score_TEAM", "30")
				.param("opinion", "场地条件较好。")
				.param("inspectedOn", "2026-11-20")
				.param("inspectionPlace", "杭州市西湖区某路 1 号")
				.param("inspectionFindings", "与申报一致。")
				.with(csrf())
				.with(user(principal)))
			.andExpect(status().is3xxRedirection());
		assertThat(TaskCounts.on(this.mvc, principal, "home-task-expert-reviews")).isEqualTo(1);
	}

}
