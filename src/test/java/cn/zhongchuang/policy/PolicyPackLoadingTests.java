package cn.zhongchuang.policy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.policy.InvalidPolicyPackException.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 政策包是数据：管理员上传的 YAML/JSON 在加载时检查结构、编译规则、核对示例，问题用中文指明位置与条款。
 */
class PolicyPackLoadingTests {

	/** 一个最小的政策包：一条规则、一个示例。 */
	private static final String MINIMAL = """
			id: demo-district-2026
			title: 示范区众创空间认定办法
			jurisdiction: "110105"
			version: "2026-01-01"
			effectiveFrom: "2026-01-01"
			kind: MAKER_SPACE
			level: DISTRICT
			facts:
			  - path: space.totalAreaM2
			    type: DECIMAL
			    unit: ㎡
			    label: 孵化场地面积
			    source: computed:premisesArea
			criteria:
			  - article: "3.1"
			    title: 孵化场地
			    kind: AUTOMATIC
			    requires: [space.totalAreaM2]
			    rule: space.totalAreaM2 >= 300
			    detail: "孵化场地 {space.totalAreaM2}㎡，要求 ≥ 300㎡"
			examples:
			  - name: 300㎡ 恰好达标
			    outcome: ELIGIBLE
			    facts: {asOf: "2026-03-01", space: {totalAreaM2: 300}}
			    results: {"3.1": PASS}
			""";

	@Test
	void anAdministratorCanLoadANewJurisdictionWithoutACodeChange() {
		PolicyPack pack = PolicyPacks.loadForActivation(MINIMAL.getBytes(StandardCharsets.UTF_8));
		Verdict verdict = pack.evaluateSpace(SpaceFacts.parse("{\"space\": {\"totalAreaM2\": 299.5}}"));
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INELIGIBLE);
		assertThat(verdict.criteria().get(0).detail()).isEqualTo("孵化场地 299.5㎡，要求 ≥ 300㎡");
		assertThat(pack.summary()).isEqualTo(new PolicyPack.Summary("demo-district-2026", "示范区众创空间认定办法", "110105",
				"2026-01-01", LocalDate.of(2026, 1, 1)));
	}

	@Test
	void theAuthorityIsOptionalButNeverBlank() {
		assertThat(PolicyPacks.load(MINIMAL).definition().authority()).isNull();
		assertThat(PolicyPacks.load(MINIMAL.replace("kind: MAKER_SPACE", "authority: 示范区科技局\nkind: MAKER_SPACE"))
			.definition()
			.authority()).isEqualTo("示范区科技局");
		assertThatThrownBy(
				() -> PolicyPacks.load(MINIMAL.replace("kind: MAKER_SPACE", "authority: \"  \"\nkind: MAKER_SPACE")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class,
					(ex) -> assertThat(ex.problems()).extracting(Problem::path).containsExactly("authority"));
	}

	@Test
	void aPackGrantsByRecognitionUnlessItSaysFilingAndNothingElse() {
		assertThat(PolicyPacks.load(MINIMAL).definition().grantWord()).isEqualTo("认定");
		assertThat(PolicyPacks.load(MINIMAL.replace("kind: MAKER_SPACE", "grant: 备案\nkind: MAKER_SPACE"))
			.definition()
			.grantWord()).isEqualTo("备案");
		assertThatThrownBy(() -> PolicyPacks.load(MINIMAL.replace("kind: MAKER_SPACE", "grant: 登记\nkind: MAKER_SPACE")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class, (ex) -> {
				assertThat(ex.problems()).extracting(Problem::path).containsExactly("grant");
				assertThat(ex.problems().get(0).message()).contains("可选：认定、备案");
			});
	}

	@Test
	void aPackCanAlsoBeWrittenAsJson() {
		PolicyPack pack = PolicyPacks.load("""
				{"id": "demo-json", "title": "JSON 政策包", "jurisdiction": "620100", "version": "1",
				 "effectiveFrom": "2026-01-01", "kind": "MAKER_SPACE", "level": "CITY",
				 "facts": [{"path": "space.independentWorkstations", "type": "INT", "unit": "个", "label": "独立工位",
				            "source": "computed:workstations"}],
				 "criteria": [{"article": "1", "title": "工位", "kind": "AUTOMATIC",
				               "rule": "space.independentWorkstations >= 30"}]}
				""");
		assertThat(pack.evaluateSpace(SpaceFacts.parse("{\"space\": {\"independentWorkstations\": 30}}")).outcome())
			.isEqualTo(Verdict.Outcome.ELIGIBLE);
	}

	@Test
	void aRuleBeyondTheFastEvaluatorsSubsetStillWorksThroughCel() {
		// 映射字面量不在快速求值器的子集内：由 CEL-Java 运行时求值，缺少事实同样写明字段
		PolicyPack pack = PolicyPacks
			.load(MINIMAL.replace("rule: space.totalAreaM2 >= 300", "rule: \"{'area': space.totalAreaM2}.area >= 300\"")
				.replace("requires: [space.totalAreaM2]", "requires: []"));
		assertThat(pack.evaluateSpace(SpaceFacts.parse("{\"space\": {\"totalAreaM2\": 300}}")).outcome())
			.isEqualTo(Verdict.Outcome.ELIGIBLE);
		Verdict missing = pack.evaluateSpace(SpaceFacts.parse("{\"space\": {}}"));
		assertThat(missing.criteria().get(0).detail()).isEqualTo("缺少：孵化场地面积");
		assertThat(pack.evaluateSpace(SpaceFacts.parse("{}")).criteria().get(0).detail()).isEqualTo("缺少：孵化场地面积");
	}

	@Test
	void aCelSyntaxErrorIsRejectedNamingTheArticle() {
		assertThatThrownBy(() -> PolicyPacks.load(MINIMAL.replace("space.totalAreaM2 >= 300", "space.totalAreaM2 >= ")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class, (ex) -> {
				assertThat(ex.problems()).hasSize(1);
				assertThat(ex.problems().get(0).path()).isEqualTo("criteria[0].rule（第 3.1 条）");
				assertThat(ex.getMessage()).contains("第 3.1 条");
			});
	}

	@Test
	void aRuleThatIsNotABooleanIsRejected() {
		assertThatThrownBy(() -> PolicyPacks.load(MINIMAL.replace("rule: space.totalAreaM2 >= 300", "rule: \"'是'\"")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class,
					(ex) -> assertThat(ex.problems().get(0).message()).contains("结果应为布尔值"));
	}

	@Test
	void anUnknownVariableOrFunctionIsRejectedAtLoadNotAtEvaluation() {
		assertThatThrownBy(() -> PolicyPacks.load(MINIMAL.replace("space.totalAreaM2 >= 300", "area >= 300")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class,
					(ex) -> assertThat(ex.problems().get(0).message()).contains("undeclared reference"));
		assertThatThrownBy(
				() -> PolicyPacks.load(MINIMAL.replace("space.totalAreaM2 >= 300", "floorArea(space) >= 300")))
			.isInstanceOf(InvalidPolicyPackException.class);
	}

	@Test
	void aMisspelledFactInRequiresIsRejected() {
		assertThatThrownBy(
				() -> PolicyPacks.load(MINIMAL.replace("requires: [space.totalAreaM2]", "requires: [space.totalArea]")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class, (ex) -> assertThat(ex.problems())
				.containsExactly(new Problem("criteria[0].requires（第 3.1 条）", "未定义的事实：space.totalArea")));
	}

	@Test
	void aBrokenDetailTemplateIsRejected() {
		assertThatThrownBy(() -> PolicyPacks.load(MINIMAL.replace("{space.totalAreaM2}㎡", "{space.totalAreaM2 +}㎡")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class, (ex) -> {
				assertThat(ex.problems().get(0).path()).isEqualTo("criteria[0].detail（第 3.1 条）");
				assertThat(ex.problems().get(0).message()).contains("模板占位符");
			});
	}

	@Test
	void structuralProblemsAreAllReportedInChineseWithTheirPaths() {
		String broken = """
				id: Demo Pack
				title: 示范
				jurisdiction: "1101"
				version: "1"
				effectiveFrom: "2026-02-30"
				kind: PARK
				level: DISTRICT
				criteria:
				  - article: 5.10
				    title: 场地
				    kind: PREFERRED
				  - title: 无条款号
				    kind: AUTOMATIC
				""";
		assertThatThrownBy(() -> PolicyPacks.load(broken)).isInstanceOfSatisfying(InvalidPolicyPackException.class,
				(ex) -> assertThat(ex.problems()).extracting(Problem::path)
					.contains("id", "jurisdiction", "effectiveFrom", "kind", "criteria[0].article", "criteria[0].kind",
							"criteria[1].article", "criteria[1].rule"));
	}

	@Test
	void anUnquotedArticleThatYamlWouldTurnIntoADecimalIsFlagged() {
		assertThatThrownBy(() -> PolicyPacks.load(MINIMAL.replace("article: \"3.1\"", "article: 3.10")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class,
					(ex) -> assertThat(ex.problems().get(0).message()).contains("加引号"));
	}

	@Test
	void malformedExampleFactsAreRejectedWithTheirPath() {
		assertThatThrownBy(() -> PolicyPacks
			.load(MINIMAL.replace("totalAreaM2: 300}", "totalAreaM2: 300, leaseEnd: \"2025-13-01\"}")))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class,
					(ex) -> assertThat(ex.problems()).extracting(Problem::path)
						.containsExactly("examples[0].facts.space.leaseEnd"));
	}

	@Test
	void aPackWithAFailingExampleIsReportedAndCannotBeActivated() {
		String failing = MINIMAL.replace("totalAreaM2: 300}", "totalAreaM2: 299}");
		PolicyPack pack = PolicyPacks.load(failing);
		List<ExampleFailure> failures = pack.runExamples();
		assertThat(failures).extracting(ExampleFailure::criterion).containsExactlyInAnyOrder(null, "3.1");
		assertThat(failures).filteredOn((failure) -> "3.1".equals(failure.criterion()))
			.singleElement()
			.satisfies((failure) -> {
				assertThat(failure.expected()).isEqualTo("PASS");
				assertThat(failure.actual()).isEqualTo("FAIL");
				assertThat(failure.message()).contains("第 3.1 条").contains("299㎡");
			});
		assertThatThrownBy(() -> PolicyPacks.loadForActivation(failing.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidPolicyPackException.class, (ex) -> assertThat(ex.problems()).isNotEmpty()
				.allSatisfy((problem) -> assertThat(problem.path()).isEqualTo("examples「300㎡ 恰好达标」")));
	}

	@Test
	void anExampleNamingAnUnknownCriterionFails() {
		PolicyPack pack = PolicyPacks.load(MINIMAL.replace("results: {\"3.1\": PASS}", "results: {\"3.2\": PASS}"));
		assertThat(pack.runExamples()).extracting(ExampleFailure::message).containsExactly("没有这个条件：3.2");
	}

	@Test
	void aPackWithoutExamplesCannotBeActivated() {
		String withoutExamples = MINIMAL.substring(0, MINIMAL.indexOf("examples:"));
		assertThat(PolicyPacks.load(withoutExamples).runExamples()).isEmpty();
		assertThatThrownBy(() -> PolicyPacks.loadForActivation(withoutExamples.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidPolicyPackException.class)
			.hasMessageContaining("至少需要一个示例");
	}

	@Test
	void criteriaSplitFromOneArticleNeedDistinctIds() {
		String duplicated = MINIMAL.replace("examples:", """
				  - article: "3.1"
				    title: 孵化场地（虚拟）
				    kind: AUTOMATIC
				    rule: "true"
				examples:""");
		assertThatThrownBy(() -> PolicyPacks.load(duplicated)).isInstanceOfSatisfying(InvalidPolicyPackException.class,
				(ex) -> assertThat(ex.problems().get(0).path()).isEqualTo("criteria[1].id"));
	}

	@Test
	void aYamlSyntaxErrorIsReportedNotThrownRaw() {
		assertThatThrownBy(() -> PolicyPacks.load("id: [unclosed")).isInstanceOf(InvalidPolicyPackException.class)
			.hasMessageContaining("YAML 语法错误");
	}

	@Test
	void theVersionInForceOnTheSubmissionDateIsUsed() {
		PolicyPack v1 = PolicyPacks.load(MINIMAL);
		PolicyPack v2 = PolicyPacks.load(MINIMAL.replace("version: \"2026-01-01\"", "version: \"2026-07-01\"")
			.replace("effectiveFrom: \"2026-01-01\"", "effectiveFrom: \"2026-07-01\""));
		PolicyPacks packs = Packs.BUNDLED.with(v1).with(v2);
		assertThat(packs.get("demo-district-2026", LocalDate.of(2026, 6, 30)).version()).isEqualTo("2026-01-01");
		assertThat(packs.get("demo-district-2026", LocalDate.of(2026, 7, 1)).version()).isEqualTo("2026-07-01");
		assertThat(packs.get("demo-district-2026").version()).isEqualTo("2026-07-01");
		assertThat(packs.all()).extracting(PolicyPack::id)
			.containsExactly("beijing-chaoyang-2017", "lanzhou-2018", "liaoning-specialized-2019", "jiangsu-2015",
					"beijing-chaoyang-incubator-2014", "demo-district-2026");
		assertThatThrownBy(() -> packs.get("demo-district-2026", LocalDate.of(2025, 12, 31)))
			.isInstanceOf(UnknownPolicyException.class);
	}

	@Test
	void anUnknownPolicyIsATypedError() {
		assertThatThrownBy(() -> Packs.BUNDLED.get("shanghai-2020")).isInstanceOfSatisfying(
				UnknownPolicyException.class, (ex) -> assertThat(ex.policy()).isEqualTo("shanghai-2020"));
	}

}
