package cn.zhongchuang.policy;

import java.util.stream.Stream;

import cn.zhongchuang.policy.Verdict.CriterionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.zhongchuang.policy.Scenario.expect;
import static cn.zhongchuang.policy.Verdict.Result.FAIL;
import static cn.zhongchuang.policy.Verdict.Result.MANUAL;
import static cn.zhongchuang.policy.Verdict.Result.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 朝阳第六条：在孵企业条件 6.1–6.4。基准是一家 30 人、营收 800 万元的技术创新型软件企业。
 */
class TenantCriteriaTests {

	private static final PolicyPack PACK = Packs.CHAOYANG;

	static Stream<Scenario> article6() {
		return Stream.of(
				// 6.1 在朝阳区注册，注册地与办公场所在众创空间内
				expect("6.1", PASS, "注册在朝阳区且在空间内办公"), expect("6.1", FAIL, "注册在海淀区").set("registeredRegion", "110108"),
				expect("6.1", FAIL, "办公场所不在空间内").set("officeInSpace", false),
				// 6.2 国家规定的小微企业（工信部联企业〔2011〕300号）
				expect("6.2", PASS, "软件业 9 人，微型").set("employees", 9).set("staffWithCollegeDegree", 8),
				expect("6.2", PASS, "软件业 10 人、营收 50 万元，小型").set("employees", 10)
					.set("revenueWan", 50)
					.set("staffWithCollegeDegree", 8)
					.detailContains("为小型企业"),
				expect("6.2", PASS, "软件业 99 人、营收 5000 万元，小型（人数未到中型）").set("employees", 99)
					.set("revenueWan", 5000)
					.set("staffWithCollegeDegree", 80),
				expect("6.2", FAIL, "软件业 100 人、营收 1000 万元，中型").set("employees", 100)
					.set("revenueWan", 1000)
					.set("staffWithCollegeDegree", 80)
					.detailContains("为中型企业"),
				expect("6.2", PASS, "软件业 100 人、营收 999 万元，小型（营收未到中型）").set("employees", 100)
					.set("revenueWan", 999)
					.set("staffWithCollegeDegree", 80),
				expect("6.2", FAIL, "工业 300 人、营收 2000 万元，中型").set("industry", "INDUSTRY")
					.set("employees", 300)
					.set("revenueWan", 2000)
					.set("staffWithCollegeDegree", 240),
				expect("6.2", PASS, "工业 299 人、营收 2000 万元，小型").set("industry", "INDUSTRY")
					.set("employees", 299)
					.set("revenueWan", 2000)
					.set("staffWithCollegeDegree", 240),
				expect("6.2", PASS, "工业 20 人、营收 299 万元，微型（满足一项即可）").set("industry", "INDUSTRY")
					.set("employees", 20)
					.set("revenueWan", 299)
					.set("staffWithCollegeDegree", 16)
					.detailContains("为微型企业"),
				expect("6.2", PASS, "其他行业 99 人，小型").set("industry", "OTHER")
					.set("employees", 99)
					.set("staffWithCollegeDegree", 80)
					.remove("revenueWan"),
				expect("6.2", FAIL, "其他行业 100 人，中型").set("industry", "OTHER")
					.set("employees", 100)
					.set("staffWithCollegeDegree", 80),
				expect("6.2", FAIL, "软件业缺少营业收入").remove("revenueWan").detailContains("缺少事实：tenant.revenueWan"),
				// 6.3 技术创新型：80% 以上大学学历且研发 ≥ 30%；否则大学学历 ≥ 50%
				expect("6.3", PASS, "技术创新型 10 人中 8 人、研发恰好 30%").set("employees", 10)
					.set("staffWithCollegeDegree", 8)
					.set("rdExpenditureWan", 30)
					.set("totalExpenditureWan", 100),
				expect("6.3", FAIL, "技术创新型 10 人中 7 人").set("employees", 10).set("staffWithCollegeDegree", 7),
				expect("6.3", FAIL, "技术创新型研发 29.99%").set("rdExpenditureWan", 29.99).set("totalExpenditureWan", 100),
				expect("6.3", FAIL, "技术创新型缺少研发支出").remove("rdExpenditureWan")
					.detailContains("缺少事实：tenant.rdExpenditureWan"),
				expect("6.3", PASS, "非技术创新型 10 人中恰好 5 人，不看研发").set("technologyInnovative", false)
					.set("employees", 10)
					.set("staffWithCollegeDegree", 5)
					.remove("rdExpenditureWan"),
				expect("6.3", FAIL, "非技术创新型 10 人中 4 人").set("technologyInnovative", false)
					.set("employees", 10)
					.set("staffWithCollegeDegree", 4),
				// 6.4 主营项目符合重点产业方向：在列表中 PASS，否则交评审
				expect("6.4", PASS, "生物医药").set("keyIndustry", "生物医药"),
				expect("6.4", MANUAL, "现代物流不在列表中").set("keyIndustry", "现代物流"),
				expect("6.4", MANUAL, "未填写主营方向").remove("keyIndustry").detailContains("未填写"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("article6")
	void eachTenantConditionFollowsArticle6(Scenario scenario) {
		Verdict verdict = PACK.evaluateTenant(scenario.applyTo(Packs.baseTenantFacts(PACK)));
		CriterionResult result = Packs.tenantResult(PACK, verdict, scenario.criterion());
		assertThat(result.result()).as(result.detail()).isEqualTo(scenario.expected());
		if (scenario.detailContainsText() != null) {
			assertThat(result.detail()).contains(scenario.detailContainsText());
		}
	}

	@Test
	void aTenantMeetingAllFourConditionsIsEligible() {
		Verdict verdict = PACK.evaluateTenant(Packs.baseTenantFacts(PACK));
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.ELIGIBLE);
		assertThat(verdict.criteria()).extracting(CriterionResult::article).containsExactly("6.1", "6.2", "6.3", "6.4");
		assertThat(verdict.preferred()).isEmpty();
	}

	@Test
	void aPolicyWithoutTenantConditionsSaysSoInsteadOfBorrowingAnother() {
		assertThatThrownBy(() -> Packs.LANZHOU.evaluateTenant(Packs.baseTenantFacts(PACK)))
			.isInstanceOfSatisfying(NotDefinedByPolicyException.class, (ex) -> {
				assertThat(ex.policy()).isEqualTo("lanzhou-2018");
				assertThat(ex.subject()).isEqualTo("在孵企业条件");
			});
	}

}
