package cn.zhongchuang.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.zhongchuang.policy.InvalidPolicyPackException.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 政策包声明自己的事实（facts-format.md）：新增的事实可被规则读取、按声明的类型校验；声明有误或读取未声明的事实时， 加载被拒绝，中文说明指明位置。
 */
class PackFactsTests {

	/** 一个孵化器政策包，用到契约之外的新事实 incubator.graduatesTotal。 */
	static final String INCUBATOR = """
			id: demo-incubator-2026
			title: 示范区科技企业孵化器认定办法
			jurisdiction: "110105"
			version: "2026-01-01"
			effectiveFrom: "2026-01-01"
			kind: INCUBATOR
			level: DISTRICT
			facts:
			  - path: space.totalAreaM2
			    type: DECIMAL
			    unit: ㎡
			    label: 孵化场地面积
			    help: 可用于孵化的场地总面积
			    source: computed:premisesArea
			  - path: incubator.graduatesTotal
			    type: INT
			    unit: 家
			    label: 累计毕业企业
			    help: 自孵化器成立以来毕业的企业数
			    source: declared
			  - path: incubator.stage
			    type: ENUM
			    label: 孵化阶段
			    values: {NURSERY: 苗圃, INCUBATOR: 孵化器}
			    source: declared
			criteria:
			  - article: "2.1"
			    title: 孵化场地
			    kind: AUTOMATIC
			    requires: [space.totalAreaM2]
			    rule: space.totalAreaM2 >= 3000
			    detail: "孵化场地 {space.totalAreaM2}㎡，要求 ≥ 3000㎡"
			  - article: "2.2"
			    title: 累计毕业企业
			    kind: AUTOMATIC
			    requires: [incubator.graduatesTotal]
			    rule: incubator.graduatesTotal >= 3
			    detail: "累计毕业企业 {incubator.graduatesTotal} 家，要求 ≥ 3 家"
			examples:
			  - name: 达标
			    outcome: ELIGIBLE
			    facts: {asOf: "2026-03-01", space: {totalAreaM2: 3000}, incubator: {graduatesTotal: 3}}
			    results: {"2.1": PASS, "2.2": PASS}
			  - name: 毕业企业不足
			    extends: 达标
			    outcome: INELIGIBLE
			    facts: {incubator: {graduatesTotal: 2}}
			    results: {"2.2": FAIL}
			""";

	@Test
	void aPackWithANewFactJudgesByIt() {
		PolicyPack pack = PolicyPacks.loadForActivation(INCUBATOR.getBytes(StandardCharsets.UTF_8));
		Verdict pass = pack
			.evaluateSpace(json("{\"space\": {\"totalAreaM2\": 3200}, \"incubator\": {\"graduatesTotal\": 5}}"));
		assertThat(pass.outcome()).isEqualTo(Verdict.Outcome.ELIGIBLE);
		Verdict fail = pack
			.evaluateSpace(json("{\"space\": {\"totalAreaM2\": 3200}, \"incubator\": {\"graduatesTotal\": 1}}"));
		assertThat(fail.outcome()).isEqualTo(Verdict.Outcome.INELIGIBLE);
		assertThat(fail.criteria().get(1).detail()).isEqualTo("累计毕业企业 1 家，要求 ≥ 3 家");
		assertThat(pack.labelOf("incubator.graduatesTotal")).isEqualTo("累计毕业企业");
		assertThat(pack.facts()).extracting(PackDefinition.Fact::path)
			.containsExactly("space.totalAreaM2", "incubator.graduatesTotal", "incubator.stage");
	}

	@Test
	void aMissingFactIsNamedByItsLabelNeverItsPath() {
		PolicyPack pack = PolicyPacks.load(INCUBATOR);
		Verdict verdict = pack.evaluateSpace(json("{\"space\": {\"totalAreaM2\": 3200}}"));
		assertThat(verdict.criteria().get(1).detail()).isEqualTo("缺少：累计毕业企业");
		assertThat(pack.evaluateSpace(json("{}")).criteria().get(0).detail()).isEqualTo("缺少：孵化场地面积");
	}

	@Test
	void aNewFactOfTheWrongTypeIsRefusedNamingTheField() {
		PolicyPack pack = PolicyPacks.load(INCUBATOR);
		assertThatThrownBy(() -> pack.evaluateSpace(json("{\"incubator\": {\"graduatesTotal\": \"many\"}}")))
			.isInstanceOfSatisfying(InvalidFactsException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new InvalidFactsException.FieldError("incubator.graduatesTotal", "应为整数")));
		assertThatThrownBy(() -> pack.evaluateSpace(json("{\"incubator\": {\"stage\": \"PARK\"}}")))
			.isInstanceOfSatisfying(InvalidFactsException.class,
					(ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("incubator.stage"));
	}

	@Test
	void aPackWithoutNewFactsSharesTheContractAndIgnoresOthersFacts() {
		// 兰州没有 incubator：请求中的 incubator 不影响判断，也不报错（未知字段忽略）
		Verdict verdict = Packs.LANZHOU
			.evaluateSpace(json("{\"tenants\": {\"count\": 12}, \"incubator\": {\"graduatesTotal\": \"x\"}}"));
		assertThat(Packs.result(Packs.LANZHOU, verdict, "C3").result()).isEqualTo(Verdict.Result.PASS);
	}

	@Test
	void aFactWithoutALabelIsRefused() {
		assertRefused(INCUBATOR.replace("    label: 累计毕业企业\n", ""), "facts[1] (incubator.graduatesTotal)",
				"缺少中文名称（label）");
		assertRefused(INCUBATOR.replace("label: 累计毕业企业", "label: graduates"), "facts[1] (incubator.graduatesTotal)",
				"名称应为中文：graduates");
	}

	@Test
	void anUnknownTypeIsRefused() {
		assertRefused(INCUBATOR.replace("type: INT", "type: NUMBER"), "facts[1] (incubator.graduatesTotal)",
				"未知的类型 NUMBER，可选：BOOL、INT、DECIMAL、STRING、DATE、YEAR_MONTH、REGION、ENUM、LIST");
	}

	@Test
	void anUnknownComputationIsRefused() {
		String text = INCUBATOR.replace("source: computed:premisesArea", "source: computed:floorSpace");
		assertThatThrownBy(() -> PolicyPacks.load(text)).isInstanceOfSatisfying(InvalidPolicyPackException.class,
				(ex) -> {
					assertThat(ex.problems()).hasSize(1);
					assertThat(ex.problems().get(0).path()).isEqualTo("facts[0] (space.totalAreaM2)");
					assertThat(ex.problems().get(0).message()).startsWith("没有名为「floorSpace」的计算，可用：");
				});
		assertRefused(INCUBATOR.replace("source: computed:premisesArea", "source: computed:tenantCount"),
				"facts[0] (space.totalAreaM2)", "计算「tenantCount」给出 INT，与声明的类型 DECIMAL 不符");
	}

	@Test
	void anEnumWithoutLabelsIsRefused() {
		assertRefused(INCUBATOR.replace("    values: {NURSERY: 苗圃, INCUBATOR: 孵化器}\n", ""),
				"facts[2] (incubator.stage)", "枚举类型需要 values：代码与中文名称的映射，如 {OWNED: 自有, LEASED: 租赁}");
		assertRefused(INCUBATOR.replace("{NURSERY: 苗圃, INCUBATOR: 孵化器}", "{NURSERY: 苗圃, INCUBATOR: \"\"}"),
				"facts[2] (incubator.stage)", "枚举值 INCUBATOR 缺少中文名称");
	}

	@Test
	void aRuleReadingAnUndeclaredFactIsRefusedNamingTheCriterion() {
		assertRefused(
				INCUBATOR.replace("rule: incubator.graduatesTotal >= 3",
						"rule: incubator.graduatesTotal >= 3 && tenants.count >= 10"),
				"criteria[1].rule（第 2.2 条「累计毕业企业」）", "读取了未声明的事实 tenants.count，请在 facts 中声明它的类型、中文名称和来源");
		assertRefused(INCUBATOR.replace("requires: [incubator.graduatesTotal]", "requires: [tenants.count]"),
				"criteria[1].requires（第 2.2 条「累计毕业企业」）", "读取了未声明的事实 tenants.count，请在 facts 中声明它的类型、中文名称和来源");
		assertRefused(
				INCUBATOR.replace("detail: \"累计毕业企业 {incubator.graduatesTotal} 家",
						"detail: \"{has(mentors.count) ? '有导师' : ''}累计毕业企业 {incubator.graduatesTotal} 家"),
				"criteria[1].detail（第 2.2 条「累计毕业企业」）", "读取了未声明的事实 mentors.count，请在 facts 中声明它的类型、中文名称和来源");
	}

	@Test
	void aContractFactMustKeepTheContractsType() {
		assertRefused(INCUBATOR.replace("type: DECIMAL", "type: INT").replace("computed:premisesArea", "declared"),
				"facts[0] (space.totalAreaM2)", "公开契约中此事实的类型为 DECIMAL，声明为 INT");
	}

	@Test
	void aFactDeclaredTwiceIsRefused() {
		String twice = INCUBATOR.replace("criteria:\n", """
				  - path: incubator.graduatesTotal
				    type: INT
				    label: 累计毕业企业
				criteria:
				""");
		assertRefused(twice, "facts[3] (incubator.graduatesTotal)", "事实重复声明：incubator.graduatesTotal");
	}

	private static void assertRefused(String text, String path, String message) {
		assertThatThrownBy(() -> PolicyPacks.load(text)).isInstanceOfSatisfying(InvalidPolicyPackException.class,
				(ex) -> assertThat(ex.problems()).containsExactly(new Problem(path, message)));
	}

	private static tools.jackson.databind.JsonNode json(String text) {
		return Scenario.JSON.readTree(text);
	}

	static List<String> paths(PolicyPack pack) {
		return pack.facts().stream().map(PackDefinition.Fact::path).toList();
	}

}
