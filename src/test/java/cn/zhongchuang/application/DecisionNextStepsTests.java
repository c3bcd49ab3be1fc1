package cn.zhongchuang.application;

import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision's confirmation says what each decision leads to: the next stage by its
 * name, or at the last stage the recognition by the pack's authority; a return goes back
 * to the operator, a rejection ends the application.
 */
@IntegrationTest
class DecisionNextStepsTests {

	static final String LANZHOU = "620102";

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	Applications applications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void approvingAtTheFirstStageNamesTheNextStage() {
		Application app = submitted();

		Map<String, String> steps = this.applications.nextSteps(app);

		assertThat(steps.get("APPROVE")).isEqualTo("申请转入「专家实地查验与集中审议（复审）」环节继续审查");
		assertThat(steps.get("RETURN")).contains("退回申报单位补正");
		assertThat(steps.get("REJECT")).contains("申请终止");
	}

	@Test
	void approvingAtTheLastStageNamesTheRecognitionAndItsAuthority() {
		Application app = submitted();
		// placed at the pack's last stage (the walk through the stages is tested
		// elsewhere)
		this.jdbc.sql("UPDATE application SET current_stage = 'RECOGNITION' WHERE id = :id")
			.param("id", app.id())
			.update();

		String approve = this.applications.nextSteps(this.fixtures.load(app.id())).get("APPROVE");

		assertThat(approve).startsWith("审查全部通过，由兰州市科学技术局")
			.contains("予以认定")
			.contains("认定名录")
			.doesNotContain("lanzhou-2018");
	}

	private Application submitted() {
		CurrentUser operator = this.fixtures.operator(LANZHOU).principal();
		Application app = this.fixtures.readyDraft(operator, "lanzhou-2018", LANZHOU);
		return this.applications.submit(app.id(), null, operator);
	}

}
