package cn.zhongchuang.policy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zhongchuang.policy.Scenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 结论的 JSON 形状即公开契约（policy-api.md「Verdict」）。
 */
class VerdictJsonTests {

	@Test
	void aVerdictSerializesToTheContractShape() {
		Verdict verdict = Packs.CHAOYANG
			.evaluateSpace(expect("5.2", Verdict.Result.FAIL, "").set("space.totalAreaM2", 420)
				.set("staff.founderInvestmentExperienceOrMasters", true)
				.applyTo(Packs.baseSpaceFacts(Packs.CHAOYANG)));
		JsonNode json = Scenario.JSON.valueToTree(verdict);
		assertThat(json.propertyNames()).containsExactly("policy", "version", "outcome", "criteria", "preferred");
		assertThat(json.get("policy").asString()).isEqualTo("beijing-chaoyang-2017");
		assertThat(json.get("version").asString()).isEqualTo("2017-11-21");
		assertThat(json.get("outcome").asString()).isEqualTo("INELIGIBLE");
		JsonNode area = json.get("criteria").get(1);
		assertThat(area.propertyNames()).containsExactly("article", "title", "kind", "result", "detail");
		assertThat(area.get("article").asString()).isEqualTo("5.2");
		assertThat(area.get("title").asString()).isEqualTo("孵化场地");
		assertThat(area.get("kind").asString()).isEqualTo("AUTOMATIC");
		assertThat(area.get("result").asString()).isEqualTo("FAIL");
		assertThat(area.get("detail").asString()).isEqualTo("孵化场地 420㎡，要求 ≥ 500㎡");
		JsonNode manual = json.get("criteria").get(8);
		assertThat(manual.propertyNames()).containsExactly("article", "title", "kind", "result");
		assertThat(manual.get("result").asString()).isEqualTo("MANUAL");
		JsonNode preferred = json.get("preferred").get(0);
		assertThat(preferred.propertyNames()).containsExactly("article", "title", "met");
		assertThat(preferred.get("article").asString()).isEqualTo("5.4");
		assertThat(preferred.get("met").booleanValue()).isTrue();
	}

	@Test
	void theWholePackDefinitionSerializesForThePolicyEndpoint() {
		JsonNode json = Scenario.JSON.valueToTree(Packs.LANZHOU.definition());
		assertThat(json.get("id").asString()).isEqualTo("lanzhou-2018");
		assertThat(json.get("notice").get("workingDays").intValue()).isEqualTo(5);
		assertThat(json.get("review").get("stages").get(0).get("role").asString()).isEqualTo("COUNTY_REVIEWER");
		assertThat(json.get("criteria").get(1).get("article").asString()).isEqualTo("C2");
		assertThat(json.get("exit")).isNull();
		assertThat(Scenario.JSON.valueToTree(Packs.CHAOYANG.definition())
			.get("exit")
			.get("abnormalAfterMonthsWithoutFiling")
			.intValue()).isEqualTo(6);
	}

}
