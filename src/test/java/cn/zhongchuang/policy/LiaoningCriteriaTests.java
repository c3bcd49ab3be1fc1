package cn.zhongchuang.policy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.zhongchuang.policy.Verdict.CriterionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.zhongchuang.policy.Scenario.expect;
import static cn.zhongchuang.policy.Verdict.Result.FAIL;
import static cn.zhongchuang.policy.Verdict.Result.MANUAL;
import static cn.zhongchuang.policy.Verdict.Result.PASS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 《辽宁省专业化众创空间建设工作指引（试行）》二、基本条件的九项与四(一)3 的禁止申报期（判断日 2026-03-01）。
 */
class LiaoningCriteriaTests {

	private static final PolicyPack PACK = Packs.LIAONING;

	static Stream<Scenario> nineConditions() {
		return Stream.of(
				// 2.1 龙头骨干企业、科研院所、高校牵头，或与其结对；独立法人与管理制度
				expect("2.1", PASS, "龙头骨干企业牵头").set("operator.leadEntity", "LEADING_ENTERPRISE"),
				expect("2.1", PASS, "科研院所牵头").set("operator.leadEntity", "RESEARCH_INSTITUTE"),
				expect("2.1", PASS, "现有众创空间与高校结对").set("operator.leadEntity", "PAIRED_WITH_LEAD"),
				expect("2.1", FAIL, "一般创新型企业牵头").set("operator.leadEntity", "INNOVATIVE_ENTERPRISE"),
				expect("2.1", FAIL, "没有牵头主体").set("operator.leadEntity", "NONE"),
				expect("2.1", FAIL, "运营机构不是独立法人").set("operator.independentLegalEntity", false),
				// 2.2 聚焦明确的细分领域
				expect("2.2", PASS, "聚焦工业机器人").set("space.focusSegment", "工业机器人"),
				expect("2.2", FAIL, "未明确细分领域").set("space.focusSegment", null).detailContains("缺少：聚焦的细分领域"),
				expect("2.2", FAIL, "细分领域为空字符串").set("space.focusSegment", "").detailContains("缺少：聚焦的细分领域"),
				// 空白文本视同未提供（引擎层面，不靠政策包逐条判断）
				expect("2.2", FAIL, "细分领域只有两个空格").set("space.focusSegment", "  ").detailContains("缺少：聚焦的细分领域"),
				expect("2.2", FAIL, "细分领域只有全角空格、制表符和换行").set("space.focusSegment", "\u3000\t\n")
					.detailContains("缺少：聚焦的细分领域"),
				expect("2.2", PASS, "细分领域前后有空格").set("space.focusSegment", " 工业机器人 ").detailContains("工业机器人"),
				// 2.3 专业化研发和产业化条件
				expect("2.3", FAIL, "没有专业化研发生产设施").set("space.rdAndProductionFacilities", false),
				// 2.4 开放式平台
				expect("2.4", FAIL, "没有开放式平台").set("space.openPlatform", false),
				// 2.5 细分领域团队或企业 15 家以上，每年不少于 5 场专业活动
				expect("2.5", PASS, "恰好 15 家、5 场").set("tenants.inFocusSegment", 15)
					.set("activities.professionalEventsLast12Months", 5),
				expect("2.5", FAIL, "14 家").set("tenants.inFocusSegment", 14),
				expect("2.5", FAIL, "4 场").set("activities.professionalEventsLast12Months", 4),
				// 2.6 每 15 家在孵企业至少 1 名行业导师：⌈n/15⌉
				expect("2.6", PASS, "15 家配 1 名").set("tenants.count", 15)
					.set("mentors.industryMentors", 1)
					.detailContains("⌈15/15⌉ = 1"),
				expect("2.6", FAIL, "16 家只配 1 名").set("tenants.count", 16)
					.set("mentors.industryMentors", 1)
					.detailContains("⌈16/15⌉ = 2"),
				expect("2.6", PASS, "16 家配 2 名").set("tenants.count", 16).set("mentors.industryMentors", 2),
				expect("2.6", PASS, "30 家配 2 名").set("tenants.count", 30).set("mentors.industryMentors", 2),
				expect("2.6", FAIL, "31 家配 2 名").set("tenants.count", 31).set("mentors.industryMentors", 2),
				expect("2.6", PASS, "1 家也要 1 名").set("tenants.count", 1).set("mentors.industryMentors", 1),
				expect("2.6", FAIL, "1 家没有导师").set("tenants.count", 1).set("mentors.industryMentors", 0),
				// 2.7 各类基金（自建、主导或合作）合计不少于 300 万元
				expect("2.7", PASS, "主导创投 200 万加合作种子 100 万，恰好 300 万")
					.set("funds", List.of(fund("LED", "VC", 2_000_000), fund("COOPERATIVE", "SEED", 1_000_000)))
					.detailContains("300 万元"),
				expect("2.7", PASS, "一支合作股权投资基金 300 万").set("funds", List.of(fund("COOPERATIVE", "EQUITY", 3_000_000))),
				expect("2.7", PASS, "自建创新基金 150.5 万加天使 149.5 万").set("funds",
						List.of(fund("SELF_BUILT", "INNOVATION", 1_505_000), fund("COOPERATIVE", "ANGEL", 1_495_000))),
				expect("2.7", FAIL, "合计 2,999,999 元").set("funds",
						List.of(fund("LED", "VC", 1_999_999), fund("COOPERATIVE", "SEED", 1_000_000))),
				expect("2.7", FAIL, "没有基金").set("funds", List.of()),
				expect("2.7", FAIL, "基金没有金额").set("funds", List.of(Map.of("role", "LED", "kind", "VC")))
					.detailContains("缺少：基金规模"),
				// 2.8 人工判断
				expect("2.8", MANUAL, "与建设主体的良性互动由评审判断"),
				// 2.9 每 15 家企业至少 1 名专业孵化服务人员
				expect("2.9", PASS, "15 家配 1 名").set("tenants.count", 15).set("staff.incubationProfessionals", 1),
				expect("2.9", FAIL, "16 家只配 1 名").set("tenants.count", 16).set("staff.incubationProfessionals", 1),
				expect("2.9", PASS, "16 家配 2 名").set("tenants.count", 16).set("staff.incubationProfessionals", 2),
				// 四(一)3 2 年内不得再次申报
				expect("4.1.3", PASS, "没有禁止申报记录"),
				expect("4.1.3", PASS, "禁止期已于前一天结束").set("operator.bannedUntil", "2026-02-28"),
				expect("4.1.3", FAIL, "禁止期到判断日当天").set("operator.bannedUntil", "2026-03-01"),
				expect("4.1.3", FAIL, "禁止期尚有一年").set("operator.bannedUntil", "2027-03-01"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nineConditions")
	void eachConditionFollowsTheSeedText(Scenario scenario) {
		Verdict verdict = PACK.evaluateSpace(scenario.applyTo(Packs.baseSpaceFacts(PACK)));
		CriterionResult result = Packs.result(PACK, verdict, scenario.criterion());
		assertThat(result.result()).as(result.detail()).isEqualTo(scenario.expected());
		if (scenario.detailContainsText() != null) {
			assertThat(result.detail()).contains(scenario.detailContainsText());
		}
	}

	private static Map<String, Object> fund(String role, String kind, long amount) {
		return Map.of("role", role, "kind", kind, "amountCny", amount);
	}

}
