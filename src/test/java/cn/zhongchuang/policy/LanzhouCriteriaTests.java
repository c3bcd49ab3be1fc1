package cn.zhongchuang.policy;

import java.util.stream.Stream;

import cn.zhongchuang.policy.Verdict.CriterionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.zhongchuang.policy.Scenario.expect;
import static cn.zhongchuang.policy.Verdict.Result.FAIL;
import static cn.zhongchuang.policy.Verdict.Result.MANUAL;
import static cn.zhongchuang.policy.Verdict.Result.NOT_APPLICABLE;
import static cn.zhongchuang.policy.Verdict.Result.PASS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 《兰州市众创空间认定管理办法》的九项条件与专业化众创空间的申报主体，含边界（判断日 2026-03-01）。
 */
class LanzhouCriteriaTests {

	private static final PolicyPack PACK = Packs.LANZHOU;

	static Stream<Scenario> nineConditions() {
		return Stream.of(
				// C1 兰州市范围内注册的独立法人，成立一年以上，有稳定收入，空间运营满 12 个月
				expect("C1", PASS, "注册在城关区").set("operator.registeredRegion", "620102"),
				expect("C1", PASS, "注册在榆中县").set("operator.registeredRegion", "620123"),
				expect("C1", PASS, "注册地代码就是兰州市").set("operator.registeredRegion", "620100"),
				expect("C1", FAIL, "注册在嘉峪关市").set("operator.registeredRegion", "620200"),
				expect("C1", FAIL, "注册在北京").set("operator.registeredRegion", "110105"),
				expect("C1", PASS, "主体恰好成立 12 个月").set("operator.establishedOn", "2025-03-01"),
				expect("C1", FAIL, "主体成立 11 个月").set("operator.establishedOn", "2025-03-02"),
				expect("C1", PASS, "空间恰好运营 12 个月").set("space.operatingSince", "2025-03-01"),
				expect("C1", FAIL, "空间运营 11 个月").set("space.operatingSince", "2025-04-01"),
				expect("C1", FAIL, "没有稳定的经营收入").set("operator.stableRevenue", false),
				// C2 综合性 ≥ 500㎡ 且 ≥ 20 个工位；专业化 ≥ 1000㎡；办公与公共服务 ≥ 80%；租期 ≥ 3 年
				expect("C2", PASS, "综合性恰好 500㎡、20 个工位、400㎡ 办公与公共服务场地").set("space.totalAreaM2", 500)
					.set("space.independentWorkstations", 20)
					.set("space.officeAndPublicServiceAreaM2", 400),
				expect("C2", FAIL, "综合性 499.99㎡").set("space.totalAreaM2", 499.99)
					.set("space.officeAndPublicServiceAreaM2", 450),
				expect("C2", FAIL, "综合性只有 19 个工位").set("space.independentWorkstations", 19),
				expect("C2", FAIL, "综合性缺少工位数").remove("space.independentWorkstations").detailContains("缺少：独立工位数"),
				expect("C2", PASS, "专业化恰好 1000㎡，不看工位").set("specialization", "SPECIALIZED")
					.set("operator.leadEntity", "UNIVERSITY")
					.set("space.totalAreaM2", 1000)
					.set("space.officeAndPublicServiceAreaM2", 800)
					.remove("space.independentWorkstations"),
				expect("C2", FAIL, "专业化 999.99㎡").set("specialization", "SPECIALIZED")
					.set("space.totalAreaM2", 999.99)
					.set("space.officeAndPublicServiceAreaM2", 900)
					.detailContains("要求 ≥ 1000㎡"),
				expect("C2", PASS, "办公与公共服务场地恰好 80%").set("space.totalAreaM2", 800.5)
					.set("space.officeAndPublicServiceAreaM2", 640.4),
				expect("C2", FAIL, "办公与公共服务场地 79.99%").set("space.totalAreaM2", 1000)
					.set("space.officeAndPublicServiceAreaM2", 799.9),
				expect("C2", PASS, "租期 2023-01-01 至 2025-12-31，计入到期日恰好 3 年").set("space.leaseStart", "2023-01-01")
					.set("space.leaseEnd", "2025-12-31")
					.detailContains("共 36 个月"),
				expect("C2", FAIL, "租期 2023-01-01 至 2025-12-30，差一天").set("space.leaseStart", "2023-01-01")
					.set("space.leaseEnd", "2025-12-30")
					.detailContains("共 35 个月"),
				expect("C2", PASS, "自有场地不看租期").set("space.tenure", "OWNED")
					.remove("space.leaseStart")
					.remove("space.leaseEnd"),
				expect("C2", FAIL, "租赁场地缺少到期日").remove("space.leaseEnd").detailContains("缺少：租赁截止日期"),
				expect("C2", NOT_APPLICABLE, "虚拟众创空间不适用场地要求").set("virtual", true).remove("space.totalAreaM2"),
				expect("C2-virtual", NOT_APPLICABLE, "实体空间不看网络平台这一项").set("space.onlineServices", false),
				expect("C2-virtual", PASS, "虚拟空间具备网络基础服务平台").set("virtual", true),
				expect("C2-virtual", FAIL, "虚拟空间没有网络基础服务平台").set("virtual", true).set("space.onlineServices", false),
				// C3 入孵小微企业或团队不少于 10 个
				expect("C3", PASS, "恰好 10 个").set("tenants.count", 10),
				expect("C3", FAIL, "9 个").set("tenants.count", 9),
				// C4 配套设施即入即开
				expect("C4", FAIL, "配套设施不具备").set("space.infrastructureReady", false),
				// C5 至少 3 名管理服务人员
				expect("C5", PASS, "恰好 3 名").set("staff.management", 3),
				expect("C5", FAIL, "2 名").set("staff.management", 2),
				// C6 准入、财务、日常管理与退出制度
				expect("C6", FAIL, "没有准入退出制度").set("services.admissionAndExitRules", false),
				expect("C6", FAIL, "没有财务管理制度").set("operator.managementAndFinanceRules", false),
				// C7 人工判断
				expect("C7", MANUAL, "孵化服务体系由评审判断"),
				// C8 种子基金或融资服务
				expect("C8", PASS, "有种子基金或融资服务").set("seedFundOrFinancingService", true),
				expect("C8", FAIL, "没有种子基金或融资服务").set("seedFundOrFinancingService", false),
				// C9 上一年及当年无重大事故、严重失信
				expect("C9", FAIL, "重大安全或质量事故").set("operator.compliance.majorSafetyOrQualityIncident", true),
				expect("C9", FAIL, "严重环境违法").set("operator.compliance.seriousEnvironmentalViolation", true),
				expect("C9", FAIL, "科研严重失信").set("operator.compliance.seriousResearchMisconduct", true),
				expect("C9", FAIL, "列入经营异常名录").set("operator.compliance.abnormalOperationList", true),
				expect("C9", FAIL, "列入严重违法失信企业名单").set("operator.compliance.seriousDishonestyList", true),
				// S 专业化众创空间的申报主体为高校、科研院所和创新型企业
				expect("S", NOT_APPLICABLE, "综合性众创空间不看申报主体").set("operator.leadEntity", "NONE"),
				expect("S", PASS, "专业化，高校").set("specialization", "SPECIALIZED")
					.set("operator.leadEntity", "UNIVERSITY"),
				expect("S", PASS, "专业化，科研院所").set("specialization", "SPECIALIZED")
					.set("operator.leadEntity", "RESEARCH_INSTITUTE"),
				expect("S", PASS, "专业化，创新型企业").set("specialization", "SPECIALIZED")
					.set("operator.leadEntity", "INNOVATIVE_ENTERPRISE"),
				expect("S", FAIL, "专业化，龙头骨干企业").set("specialization", "SPECIALIZED")
					.set("operator.leadEntity", "LEADING_ENTERPRISE"),
				expect("S", FAIL, "专业化，与龙头企业结对").set("specialization", "SPECIALIZED")
					.set("operator.leadEntity", "PAIRED_WITH_LEAD"),
				// S2 专业化众创空间应聚焦战略性新兴产业细分领域（seed 004）
				expect("S2", NOT_APPLICABLE, "综合性众创空间不看细分领域"),
				expect("S2", PASS, "专业化，聚焦新材料").set("specialization", "SPECIALIZED")
					.set("space.focusSegment", "新材料")
					.detailContains("新材料"),
				expect("S2", FAIL, "专业化，未填细分领域").set("specialization", "SPECIALIZED").detailContains("缺少：聚焦的细分领域"),
				expect("S2", FAIL, "专业化，细分领域只有空格").set("specialization", "SPECIALIZED")
					.set("space.focusSegment", "   ")
					.detailContains("缺少：聚焦的细分领域"),
				// S3 专业化众创空间应具备较完善的专业化研究开发和产业化条件（seed 004）
				expect("S3", NOT_APPLICABLE, "综合性众创空间不看研发和产业化条件").set("space.rdAndProductionFacilities", false),
				expect("S3", PASS, "专业化，具备研发和产业化条件").set("specialization", "SPECIALIZED")
					.set("space.rdAndProductionFacilities", true),
				expect("S3", FAIL, "专业化，没有研发和产业化条件").set("specialization", "SPECIALIZED")
					.set("space.rdAndProductionFacilities", false),
				expect("S3", FAIL, "专业化，未说明研发和产业化条件").set("specialization", "SPECIALIZED")
					.detailContains("缺少：有专业研发与生产设施"));
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

	@org.junit.jupiter.api.Test
	void actualInvestmentsArePreferredUnderCondition8WithTheirCountAndAmount() {
		Verdict without = PACK.evaluateSpace(Packs.baseSpaceFacts(PACK));
		Verdict with = PACK.evaluateSpace(expect("C8", PASS, "有实质投资").set("investments.count", 2)
			.set("investments.amountCny", 1_500_000)
			.applyTo(Packs.baseSpaceFacts(PACK)));
		Verdict recordsButNoMoney = PACK.evaluateSpace(expect("C8", PASS, "投资记录金额为零").set("investments.count", 1)
			.set("investments.amountCny", 0)
			.applyTo(Packs.baseSpaceFacts(PACK)));
		assertThat(Packs.preferred(without, "C8").met()).isFalse();
		assertThat(Packs.preferred(without, "C8").detail()).isEqualTo("缺少：向在孵企业投资笔数、投资金额合计");
		assertThat(Packs.preferred(with, "C8").met()).isTrue();
		assertThat(Packs.preferred(with, "C8").detail()).startsWith("投资记录 2 笔，投资金额合计 150 万元");
		assertThat(Packs.preferred(recordsButNoMoney, "C8").met()).isFalse();
		assertThat(Packs.preferred(recordsButNoMoney, "C8").detail()).startsWith("投资记录 1 笔，投资金额合计 0 万元");
	}

}
