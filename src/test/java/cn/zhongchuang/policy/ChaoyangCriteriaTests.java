package cn.zhongchuang.policy;

import java.util.List;
import java.util.Map;
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

/**
 * 《朝阳区众创空间认定管理办法》第五条、第十条的每一项，含边界（判断日 2026-03-01）。
 */
class ChaoyangCriteriaTests {

	private static final PolicyPack PACK = Packs.CHAOYANG;

	static Stream<Scenario> article5And10() {
		return Stream.of(
				// 5.1 注册纳税、独立法人、制度、运营一年以上
				expect("5.1", PASS, "2025-03-01 起运营，到 2026-03-01 恰好 12 个月").set("space.operatingSince", "2025-03-01"),
				expect("5.1", FAIL, "2025-03-02 起运营，只有 11 个月").set("space.operatingSince", "2025-03-02")
					.detailContains("已运营 11 个月"),
				expect("5.1", FAIL, "判断日 2026-02-28，只有 11 个月").set("asOf", "2026-02-28")
					.set("space.operatingSince", "2025-03-01"),
				expect("5.1", FAIL, "注册在海淀区").set("operator.registeredRegion", "110108"),
				expect("5.1", FAIL, "纳税在东城区").set("operator.taxRegion", "110101"),
				expect("5.1", FAIL, "不是独立法人").set("operator.independentLegalEntity", false),
				expect("5.1", FAIL, "没有完善的管理和财务制度").set("operator.managementAndFinanceRules", false),
				// 5.2 500 平方米以上（含 500）
				expect("5.2", PASS, "恰好 500㎡").set("space.totalAreaM2", 500).detailContains("孵化场地 500㎡，要求 ≥ 500㎡"),
				expect("5.2", PASS, "500.0㎡").set("space.totalAreaM2", 500.0),
				expect("5.2", FAIL, "499.99㎡").set("space.totalAreaM2", 499.99).detailContains("499.99㎡"),
				// 5.3 不少于 10 家，以孵化协议为准
				expect("5.3", PASS, "恰好 10 家签了协议").set("tenants.withIncubationAgreement", 10),
				expect("5.3", FAIL, "20 家入驻但只有 9 家签了协议").set("tenants.count", 20)
					.set("tenants.withIncubationAgreement", 9),
				// 5.4 大学以上学历占 50% 以上（含 50%）
				expect("5.4", PASS, "6 人中 3 人，恰好 50%").set("staff.management", 6)
					.set("staff.managementWithCollegeDegree", 3),
				expect("5.4", PASS, "7 人中 4 人").set("staff.management", 7).set("staff.managementWithCollegeDegree", 4),
				expect("5.4", FAIL, "7 人中 3 人").set("staff.management", 7).set("staff.managementWithCollegeDegree", 3),
				expect("5.4", FAIL, "没有管理人员").set("staff.management", 0).set("staff.managementWithCollegeDegree", 0),
				// 5.5 自建或主导 1 个以上天使/创投基金，或 2 支以上合作基金
				expect("5.5", PASS, "自建天使基金").set("funds", List.of(fund("SELF_BUILT", "ANGEL"))),
				expect("5.5", PASS, "主导风险投资基金").set("funds", List.of(fund("LED", "VC"))),
				expect("5.5", FAIL, "自建的是种子基金").set("funds", List.of(fund("SELF_BUILT", "SEED"))),
				expect("5.5", FAIL, "主导的是股权投资基金").set("funds", List.of(fund("LED", "EQUITY"))),
				expect("5.5", FAIL, "只有一支合作天使基金").set("funds", List.of(fund("COOPERATIVE", "ANGEL"))),
				expect("5.5", PASS, "两支合作基金，种类不限").set("funds",
						List.of(fund("COOPERATIVE", "SEED"), fund("COOPERATIVE", "INNOVATION"))),
				expect("5.5", FAIL, "一支合作基金加一支自建种子基金")
					.set("funds", List.of(fund("COOPERATIVE", "VC"), fund("SELF_BUILT", "SEED")))
					.detailContains("合作基金 1 支"),
				expect("5.5", FAIL, "没有基金").set("funds", List.of()),
				// 5.6 10 人以上导师队伍与辅导档案库
				expect("5.6", PASS, "恰好 10 名导师且有档案库").set("mentors.count", 10),
				expect("5.6", FAIL, "9 名导师").set("mentors.count", 9),
				expect("5.6", FAIL, "没有辅导档案库").set("mentors.counselingArchive", false),
				// 5.7 知识产权服务平台
				expect("5.7", PASS, "有知识产权服务平台").set("services.ipServicePlatform", true),
				expect("5.7", FAIL, "没有知识产权服务平台").set("services.ipServicePlatform", false),
				// 5.8 每年 12 场以上活动，投融资对接不低于 5 场，有证明
				expect("5.8", PASS, "恰好 12 场、5 场").set("activities.eventsLast12Months", 12)
					.set("activities.financingMatchEvents", 5),
				expect("5.8", FAIL, "11 场").set("activities.eventsLast12Months", 11),
				expect("5.8", FAIL, "投融资对接 4 场").set("activities.financingMatchEvents", 4),
				expect("5.8", FAIL, "没有照片或报道").set("activities.evidence", false),
				// 5.9、5.10 人工判断
				expect("5.9", MANUAL, "发展方向与盈利模式由评审判断"),
				expect("5.10", MANUAL, "资源整合能力由评审判断").set("services.oneStopService", true),
				// 5.11 退出机制
				expect("5.11", PASS, "有退出机制").set("services.exitMechanism", true),
				expect("5.11", FAIL, "没有退出机制").set("services.exitMechanism", false),
				// 第十条 五年内不得申请
				expect("10", PASS, "没有禁止申请记录").set("operator.bannedUntil", null),
				expect("10", PASS, "禁止期到判断日前一天为止").set("operator.bannedUntil", "2026-02-28"),
				expect("10", FAIL, "禁止期到判断日当天仍在生效").set("operator.bannedUntil", "2026-03-01")
					.detailContains("禁止申请至 2026-03-01"),
				expect("10", FAIL, "2023 年弄虚作假，禁止到 2028 年").set("operator.bannedUntil", "2028-06-30"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("article5And10")
	void eachArticleFollowsTheSeedText(Scenario scenario) {
		Verdict verdict = PACK.evaluateSpace(scenario.applyTo(Packs.baseSpaceFacts(PACK)));
		CriterionResult result = Packs.result(PACK, verdict, scenario.criterion());
		assertThat(result.result()).as(result.detail()).isEqualTo(scenario.expected());
		if (scenario.detailContainsText() != null) {
			assertThat(result.detail()).contains(scenario.detailContainsText());
		}
	}

	@Test
	void preferredItemsAreReportedWithoutAffectingTheOutcome() {
		Scenario all = expect("5.4", PASS, "三个优先项都满足").set("staff.founderInvestmentExperienceOrMasters", true)
			.set("mentors.fromLeadingInvestorsOrFirms", true)
			.set("services.oneStopService", true);
		Verdict with = PACK.evaluateSpace(all.applyTo(Packs.baseSpaceFacts(PACK)));
		Verdict without = PACK.evaluateSpace(Packs.baseSpaceFacts(PACK));
		assertThat(with.preferred()).extracting(Verdict.PreferredResult::article, Verdict.PreferredResult::met)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("5.4", true),
					org.assertj.core.groups.Tuple.tuple("5.6", true),
					org.assertj.core.groups.Tuple.tuple("5.10", true));
		assertThat(without.preferred()).extracting(Verdict.PreferredResult::met).containsOnly(false);
		assertThat(with.outcome()).isEqualTo(without.outcome()).isEqualTo(Verdict.Outcome.NEEDS_REVIEW);
	}

	@Test
	void automaticAndPreferredArticlesYieldOneCriterionAndOnePreferredEntry() {
		Verdict verdict = PACK.evaluateSpace(Packs.baseSpaceFacts(PACK));
		assertThat(verdict.criteria()).extracting(CriterionResult::article)
			.containsExactly("5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9", "5.10", "5.11", "10");
		assertThat(verdict.criteria()).filteredOn((c) -> c.article().equals("5.4"))
			.extracting(CriterionResult::kind)
			.containsExactly(CriterionKind.AUTOMATIC);
		assertThat(PACK.criteria()).filteredOn((c) -> c.kind() == CriterionKind.PREFERRED)
			.extracting(PolicyPack.CriterionSummary::article)
			.containsExactly("5.4", "5.6", "5.10");
	}

	private static Map<String, Object> fund(String role, String kind) {
		return Map.of("role", role, "kind", kind, "amountCny", 1_000_000);
	}

}
