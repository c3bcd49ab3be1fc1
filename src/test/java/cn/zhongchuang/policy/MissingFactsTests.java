package cn.zhongchuang.policy;

import java.util.List;
import java.util.Map;

import cn.zhongchuang.policy.Verdict.CriterionResult;
import cn.zhongchuang.policy.Verdict.Result;
import org.junit.jupiter.api.Test;

import static cn.zhongchuang.policy.Scenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 缺少事实不是错误：自助检查时用户有什么就填什么，需要缺失事实的条件判为 FAIL，并在详情中写明字段。
 */
class MissingFactsTests {

	@Test
	void aCriterionWhoseFactIsMissingFailsNamingTheField() {
		Verdict verdict = Packs.CHAOYANG.evaluateSpace(expect("5.2", Result.FAIL, "").remove("space.totalAreaM2")
			.applyTo(Packs.baseSpaceFacts(Packs.CHAOYANG)));
		CriterionResult area = Packs.result(Packs.CHAOYANG, verdict, "5.2");
		assertThat(area.result()).isEqualTo(Result.FAIL);
		assertThat(area.detail()).isEqualTo("缺少：场地总面积");
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INELIGIBLE);
	}

	@Test
	void allMissingFactsOfACriterionAreNamed() {
		Verdict verdict = Packs.CHAOYANG.evaluateSpace(expect("5.8", Result.FAIL, "").remove("activities.evidence")
			.remove("activities.financingMatchEvents")
			.applyTo(Packs.baseSpaceFacts(Packs.CHAOYANG)));
		assertThat(Packs.result(Packs.CHAOYANG, verdict, "5.8").detail()).isEqualTo("缺少：其中投融资对接活动、有活动佐证材料");
	}

	@Test
	void aFactNeededOnlyInSomeCasesIsNamedWhenThatCaseArises() {
		Verdict leased = Packs.LANZHOU.evaluateSpace(
				expect("C2", Result.FAIL, "").remove("space.leaseStart").applyTo(Packs.baseSpaceFacts(Packs.LANZHOU)));
		assertThat(Packs.result(Packs.LANZHOU, leased, "C2").detail()).isEqualTo("缺少：租赁起始日期");
	}

	@Test
	void aFieldMissingInsideAListIsNamedByItsListPath() {
		Verdict verdict = Packs.CHAOYANG
			.evaluateSpace(expect("5.5", Result.FAIL, "").set("funds", List.of(Map.of("role", "LED")))
				.applyTo(Packs.baseSpaceFacts(Packs.CHAOYANG)));
		assertThat(Packs.result(Packs.CHAOYANG, verdict, "5.5").detail()).isEqualTo("缺少：基金类别");
	}

	@Test
	void anEmptyRequestGivesAVerdictNotAnError() {
		for (PolicyPack pack : Packs.BUNDLED.all()) {
			Verdict verdict = pack.evaluateSpace(SpaceFacts.parse("{}"));
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INELIGIBLE);
			assertThat(verdict.criteria()).allSatisfy((criterion) -> {
				if (criterion.kind() == CriterionKind.MANUAL) {
					assertThat(criterion.result()).isEqualTo(Result.MANUAL);
				}
				else {
					assertThat(criterion.result()).isEqualTo(Result.FAIL);
					assertThat(criterion.detail()).startsWith("缺少：");
				}
			});
			assertThat(verdict.preferred()).extracting(Verdict.PreferredResult::met).doesNotContain(true);
		}
	}

	@Test
	void aPreferredItemWithoutItsFactIsNotMet() {
		Verdict verdict = Packs.CHAOYANG
			.evaluateSpace(expect("5.4", Result.PASS, "").remove("staff.founderInvestmentExperienceOrMasters")
				.applyTo(Packs.baseSpaceFacts(Packs.CHAOYANG)));
		assertThat(Packs.preferred(verdict, "5.4").met()).isFalse();
	}

	@Test
	void aTenantWithoutFactsIsIneligibleExceptTheKeyIndustryLeftToReviewers() {
		Verdict verdict = Packs.CHAOYANG.evaluateTenant(TenantFacts.parse("{\"asOf\": \"2026-03-01\"}"));
		assertThat(verdict.criteria()).extracting(CriterionResult::result)
			.containsExactly(Result.FAIL, Result.FAIL, Result.FAIL, Result.MANUAL);
		assertThat(verdict.criteria().get(1).detail()).isEqualTo("缺少事实：tenant.industry");
	}

}
