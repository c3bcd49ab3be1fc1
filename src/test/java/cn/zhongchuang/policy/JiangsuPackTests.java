package cn.zhongchuang.policy;

import cn.zhongchuang.policy.PackDefinition.LapseRule;
import cn.zhongchuang.policy.PackDefinition.ReviewRole;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import cn.zhongchuang.policy.Verdict.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 江苏省众创空间省级备案（seed 002 三(六)）：国家备案条件 N1–N10 作为省级条件，设区市推荐 → 省专家评审 → 公示 → 省级备案，国家孵化器评价的
 * A/B/C/D 等次，连续 2 年不合格取消备案。
 */
class JiangsuPackTests {

	private static final PackDefinition PACK = Packs.JIANGSU.definition();

	@Test
	void theProvinceFilesAfterTheCityRecommendsAndTheExpertsAndTheNotice() {
		assertThat(PACK.jurisdiction()).isEqualTo("320000");
		assertThat(PACK.level()).isEqualTo(PackDefinition.Level.PROVINCE);
		assertThat(PACK.authority()).isEqualTo("江苏省科学技术厅");
		assertThat(PACK.review().stages()).extracting(ReviewStage::role)
			.containsExactly(ReviewRole.CITY_BUREAU, ReviewRole.EXPERT, ReviewRole.PROVINCE, ReviewRole.PROVINCE);
		assertThat(PACK.notice().afterStage()).isEqualTo("PROVINCE_EXPERT_REVIEW");
		assertThat(PACK.dynamic().lapseRule()).isEqualTo(LapseRule.CONSECUTIVE_FAILING_YEARS);
		assertThat(PACK.dynamic().consecutiveFailingYears()).isEqualTo(2);
		assertThat(PACK.targets()).extracting(PackDefinition.Target::code)
			.containsExactly("PROVINCIAL", "PILOT_CHAINS", "CLUSTERS");
	}

	@Test
	void everyNationalFilingConditionIsACriterionCitingItsItem() {
		assertThat(PACK.criteria()).extracting(PackDefinition.Criterion::article)
			.containsExactly("3.6", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N10");
		for (int i = 1; i <= 10; i++) {
			String article = "N" + i;
			assertThat(PACK.criteria()).filteredOn((c) -> c.article().equals(article))
				.singleElement()
				.satisfies((c) -> assertThat(c.text()).contains("国家众创空间备案条件第 " + article.substring(1) + " 项"));
		}
	}

	@Test
	void gradesAreTheNationalEvaluationsAToDWithTheirChineseNames() {
		PackDefinition.Assessment a = PACK.assessment();
		assertThat(a.grades()).extracting(PackDefinition.GradeBand::code).containsExactly("A", "B", "C", "D");
		assertThat(a.gradeFor(90)).isEqualTo("优秀");
		assertThat(a.gradeFor(89.9)).isEqualTo("良好");
		assertThat(a.gradeFor(75)).isEqualTo("良好");
		assertThat(a.gradeFor(74.9)).isEqualTo("合格");
		assertThat(a.gradeFor(60)).isEqualTo("合格");
		assertThat(a.gradeFor(59.9)).isEqualTo("不合格");
		assertThat(a.codeOf("不合格")).isEqualTo("D");
		assertThat(a.labelOf("优秀")).isEqualTo("优秀（A类）");
		assertThat(a.labelOf("不合格")).isEqualTo("不合格（D类）");
		// a pack without codes shows the grade as it is
		assertThat(Packs.LIAONING.definition().assessment().labelOf("优秀")).isEqualTo("优秀");
		assertThat(Packs.LIAONING.definition().assessment().codeOf("优秀")).isNull();
	}

	@Test
	void aGradeCodeThatIsNotLettersIsRefusedNamingThePlace() {
		String yaml = new String(readBundled(), java.nio.charset.StandardCharsets.UTF_8)
			.replace("{grade: 良好, code: B, minScore: 75}", "{grade: 良好, code: b2, minScore: 75}");
		assertThatThrownBy(() -> PolicyPacks.load(yaml)).isInstanceOfSatisfying(InvalidPolicyPackException.class,
				(ex) -> assertThat(ex.problems()).anySatisfy((p) -> {
					assertThat(p.path()).isEqualTo("assessment.grades[1].code");
					assertThat(p.message()).contains("等次代码");
				}));
	}

	@Test
	void aSpaceThatFailsTheAreaAndTheTeamIsJudgedPerArticle() {
		var facts = (tools.jackson.databind.node.ObjectNode) Packs.baseSpaceFacts(Packs.JIANGSU).deepCopy();
		((tools.jackson.databind.node.ObjectNode) facts.get("space")).put("totalAreaM2", 499)
			.put("independentWorkstations", 29);
		((tools.jackson.databind.node.ObjectNode) facts.get("mentors")).put("count", 2);
		Verdict verdict = Packs.JIANGSU.evaluateSpace(SpaceFacts.from(facts));
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INELIGIBLE);
		assertThat(Packs.result(Packs.JIANGSU, verdict, "N4").result()).isEqualTo(Result.FAIL);
		assertThat(Packs.result(Packs.JIANGSU, verdict, "N4").detail()).contains("499").contains("29");
		assertThat(Packs.result(Packs.JIANGSU, verdict, "N8").result()).isEqualTo(Result.FAIL);
		assertThat(Packs.result(Packs.JIANGSU, verdict, "N3").result()).isEqualTo(Result.PASS);
		assertThat(Packs.result(Packs.JIANGSU, verdict, "N6").result()).isEqualTo(Result.MANUAL);
	}

	private static byte[] readBundled() {
		try (var in = JiangsuPackTests.class.getResourceAsStream("/policy/packs/jiangsu-2015.yaml")) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
