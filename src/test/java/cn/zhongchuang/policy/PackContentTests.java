package cn.zhongchuang.policy;

import java.util.stream.Stream;

import cn.zhongchuang.policy.PackDefinition.LapseRule;
import cn.zhongchuang.policy.PackDefinition.ReviewRole;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 政策包中流程类内容与种子文件一致：材料、审查环节、公示、考核周期、动态管理、处罚、年度备案、目标。
 */
class PackContentTests {

	@Test
	void chaoyangFollowsArticles7To10() {
		PackDefinition pack = Packs.CHAOYANG.definition();
		assertThat(pack.materials()).extracting(PackDefinition.Material::code)
			.startsWith("APPLICATION_FORM", "PREMISES_TITLE_OR_LEASE", "FLOOR_PLAN", "CREDIT_CODE_CERTIFICATE");
		assertThat(pack.materials()).filteredOn(PackDefinition.Material::required).hasSize(10);
		assertThat(pack.review().stages()).extracting(ReviewStage::role)
			.containsExactly(ReviewRole.CITY_BUREAU, ReviewRole.EXPERT, ReviewRole.CITY_BUREAU);
		assertThat(pack.notice().required()).isFalse();
		assertThat(pack.assessment().cycleYears()).isEqualTo(2);
		assertThat(pack.annualFiling().required()).isTrue();
		assertThat(pack.dynamic().lapseRule()).isEqualTo(LapseRule.RECTIFICATION_NOT_MET);
		assertThat(pack.sanctions().banYears()).isEqualTo(5);
		assertThat(pack.targets()).extracting(PackDefinition.Target::value).containsExactly(100.0, 50.0, 100.0);
	}

	@Test
	void lanzhouHasAFiveWorkingDayNoticeAndLapsesAfterTwoFailingYears() {
		PackDefinition pack = Packs.LANZHOU.definition();
		assertThat(pack.notice().workingDays()).isEqualTo(5);
		assertThat(pack.notice().afterStage()).isEqualTo("BUREAU_DECISION");
		assertThat(pack.review().stages()).extracting(ReviewStage::code)
			.containsExactly("COUNTY_PRELIMINARY_REVIEW", "EXPERT_REVIEW", "BUREAU_DECISION", "PUBLIC_NOTICE",
					"RECOGNITION");
		assertThat(pack.assessment().cycleYears()).isEqualTo(1);
		assertThat(pack.dynamic().lapseRule()).isEqualTo(LapseRule.CONSECUTIVE_FAILING_YEARS);
		assertThat(pack.dynamic().consecutiveFailingYears()).isEqualTo(2);
		assertThat(pack.sanctions().banYears()).isNull();
		assertThat(pack.sanctions().subsidyRecovery()).isTrue();
		assertThat(pack.targets()).extracting(PackDefinition.Target::value).contains(106.0, 23.0, 66.0);
	}

	@Test
	void liaoningReviewsEachYearsBatchByEndOfMayAndBansForTwoYears() {
		PackDefinition pack = Packs.LIAONING.definition();
		// 四(一) 每年5月底前完成评审备案: the province's annual call, not the operator's filing date
		assertThat(pack.review().annualCall().closes()).isEqualTo("05-31");
		assertThat(pack.review().annualCall().batchYear(java.time.LocalDate.of(2026, 5, 31))).isEqualTo(2026);
		assertThat(pack.review().annualCall().batchYear(java.time.LocalDate.of(2026, 6, 1))).isEqualTo(2027);
		assertThat(pack.review().annualCall().closesOn(2027)).isEqualTo(java.time.LocalDate.of(2027, 5, 31));
		assertThat(pack.annualFiling().dueMonthDay()).isNull();
		assertThat(Packs.CHAOYANG.definition().review().annualCall()).isNull();
		assertThat(Packs.LANZHOU.definition().review().annualCall()).isNull();
		assertThat(pack.sanctions().banYears()).isEqualTo(2);
		assertThat(pack.dynamic().changeReportMonths()).isEqualTo(1);
		assertThat(pack.dynamic().consecutiveFailingYears()).isEqualTo(2);
		assertThat(pack.review().stages()).extracting(ReviewStage::role)
			.containsExactly(ReviewRole.CITY_BUREAU, ReviewRole.CITY_BUREAU, ReviewRole.CITY_BUREAU, ReviewRole.EXPERT,
					ReviewRole.PROVINCE);
		assertThat(pack.specialization()).isEqualTo("SPECIALIZED");
	}

	@Test
	void eachPackNamesItsRecognizingAuthority() {
		// seed 000 第三条：北京市朝阳区科学技术委员会（朝阳区科委）牵头负责本区众创空间认定工作
		assertThat(Packs.CHAOYANG.definition().authority()).isEqualTo("北京市朝阳区科学技术委员会");
		assertThat(Packs.LANZHOU.definition().authority()).isEqualTo("兰州市科学技术局");
		assertThat(Packs.LIAONING.definition().authority()).isEqualTo("辽宁省科学技术厅");
	}

	static Stream<PolicyPack> bundled() {
		return Packs.BUNDLED.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bundled")
	void everyPackHasScoringSheetsAndIndicatorsOfOneHundredPoints(PolicyPack pack) {
		PackDefinition definition = pack.definition();
		assertThat(definition.scoring().stream().mapToInt(PackDefinition.ScoringItem::maxPoints).sum()).isEqualTo(100);
		assertThat(definition.assessment().indicators().stream().mapToInt(PackDefinition.Indicator::weight).sum())
			.isEqualTo(100);
		assertThat(definition.assessment().grades()).extracting(PackDefinition.GradeBand::grade)
			.containsExactly("优秀", "良好", "合格", "不合格");
		assertThat(definition.assessment().gradeFor(90)).isEqualTo("优秀");
		assertThat(definition.assessment().gradeFor(89.5)).isEqualTo("良好");
		assertThat(definition.assessment().gradeFor(59.9)).isEqualTo("不合格");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bundled")
	void everyPackCarriesAtLeastSixExamplesIncludingEachOutcomeItCanReach(PolicyPack pack) {
		var examples = pack.definition().examples();
		assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
		// 每个政策包都有人工判断的条件，空间结论最好也只是 NEEDS_REVIEW；ELIGIBLE 只出现在在孵企业示例中
		assertThat(examples).extracting(PackDefinition.Example::outcome)
			.contains(Verdict.Outcome.NEEDS_REVIEW, Verdict.Outcome.INELIGIBLE);
		assertThat(examples).extracting(PackDefinition.Example::name)
			.anyMatch((name) -> name.contains("边界") || name.contains("恰好"));
	}

}
