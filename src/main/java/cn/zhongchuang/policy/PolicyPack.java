package cn.zhongchuang.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import cn.zhongchuang.policy.PackDefinition.Example;
import cn.zhongchuang.policy.Verdict.CriterionResult;
import cn.zhongchuang.policy.Verdict.PreferredResult;
import cn.zhongchuang.policy.internal.CompiledCriterion;
import cn.zhongchuang.policy.internal.CompiledPreferred;
import cn.zhongchuang.policy.internal.Frame;
import cn.zhongchuang.policy.internal.PackCompiler;
import cn.zhongchuang.policy.internal.RuleEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * 一个已编译的政策包：规则在加载时编译一次，之后每次判断只求值。线程安全，可在多个请求间共享。 由 {@link PolicyPacks} 创建。
 */
public final class PolicyPack {

	private final PackDefinition definition;

	private final List<CompiledCriterion> spaceCriteria;

	private final List<CompiledPreferred> preferred;

	private final List<CompiledCriterion> tenantCriteria;

	private final Map<String, Object> spaceConstants;

	private final Map<String, Object> tenantConstants;

	/** 空间条件的环境：本政策包的空间事实结构（契约加上新增的事实）。 */
	private final RuleEnvironment spaceEnvironment;

	/** 结论详情中行政区划代码换成的名称（{@link #withRegionNames}；缺省原样写代码）。 */
	private final UnaryOperator<String> regionNames;

	PolicyPack(PackDefinition definition) {
		PackCompiler.Compiled compiled = PackCompiler.compile(definition);
		this.definition = definition;
		this.spaceEnvironment = compiled.environment();
		this.spaceCriteria = compiled.space();
		this.preferred = compiled.preferred();
		this.tenantCriteria = compiled.tenant();
		this.spaceConstants = Map.of("jurisdiction", definition.jurisdiction());
		this.tenantConstants = Map.of("jurisdiction", definition.jurisdiction(), "keyIndustries",
				(definition.tenantCriteria() != null) ? definition.tenantCriteria().keyIndustries() : List.of());
		this.regionNames = UnaryOperator.identity();
	}

	private PolicyPack(PolicyPack pack, UnaryOperator<String> regionNames) {
		this.definition = pack.definition;
		this.spaceEnvironment = pack.spaceEnvironment;
		this.spaceCriteria = pack.spaceCriteria;
		this.preferred = pack.preferred;
		this.tenantCriteria = pack.tenantCriteria;
		this.spaceConstants = pack.spaceConstants;
		this.tenantConstants = pack.tenantConstants;
		this.regionNames = regionNames;
	}

	/**
	 * 同一政策包，结论详情中的行政区划（如"注册地 {operator.registeredRegion}"、"{jurisdiction}"） 写名称而不是代码。
	 * @param names 代码到名称，不认识的代码原样返回
	 * @return 政策包（编译结果共用）
	 */
	public PolicyPack withRegionNames(UnaryOperator<String> names) {
		return new PolicyPack(this, names);
	}

	public String id() {
		return this.definition.id();
	}

	public String title() {
		return this.definition.title();
	}

	public String jurisdiction() {
		return this.definition.jurisdiction();
	}

	public String version() {
		return this.definition.version();
	}

	public LocalDate effectiveFrom() {
		return this.definition.effectiveFrom();
	}

	/** 政策包的全部内容（材料、审查环节、公示、考核、目标……），可直接序列化为 JSON。 */
	public PackDefinition definition() {
		return this.definition;
	}

	/** 列表接口用的摘要：{@code id、title、jurisdiction、version、effectiveFrom}。 */
	public Summary summary() {
		return new Summary(id(), title(), jurisdiction(), version(), effectiveFrom());
	}

	/**
	 * 条件一览（GET /api/v1/policies/{id}）：认定条件按原顺序，优先项以 PREFERRED 列在后面。
	 */
	public List<CriterionSummary> criteria() {
		List<CriterionSummary> criteria = new ArrayList<>();
		this.definition.criteria()
			.forEach((criterion) -> criteria
				.add(new CriterionSummary(criterion.article(), criterion.title(), criterion.kind())));
		this.definition.preferred()
			.forEach((item) -> criteria
				.add(new CriterionSummary(item.article(), item.title(), CriterionKind.PREFERRED)));
		return criteria;
	}

	/**
	 * 判断一个众创空间是否符合认定条件。
	 * @param facts 空间事实
	 * @return 结论
	 */
	public Verdict evaluateSpace(SpaceFacts facts) {
		Frame frame = this.spaceEnvironment.bind(facts.values(), this.spaceConstants).withRegionNames(this.regionNames);
		CriterionResult[] results = new CriterionResult[this.spaceCriteria.size()];
		for (int i = 0; i < results.length; i++) {
			results[i] = this.spaceCriteria.get(i).evaluate(frame);
		}
		PreferredResult[] preferredResults = new PreferredResult[this.preferred.size()];
		for (int i = 0; i < preferredResults.length; i++) {
			preferredResults[i] = this.preferred.get(i).evaluate(frame);
		}
		List<CriterionResult> criteria = List.of(results);
		return new Verdict(id(), version(), Verdict.outcomeOf(criteria), criteria, List.of(preferredResults));
	}

	/**
	 * 校验事实格式并判断。
	 * @param facts 请求体
	 * @return 结论
	 * @throws InvalidFactsException 事实格式错误
	 */
	public Verdict evaluateSpace(JsonNode facts) {
		return evaluateSpace(spaceFacts(facts));
	}

	/**
	 * 按本政策包的空间事实结构（公开契约加上本包新增的事实）校验并转换事实。新增了事实的政策包须用它 （或
	 * {@link #evaluateSpace(JsonNode)}）读取事实：{@link SpaceFacts#from} 只认契约中的字段。
	 * @param facts 请求体
	 * @return 事实
	 * @throws InvalidFactsException 格式错误，指明字段路径（新增的事实类型不符时同样指明）
	 */
	public SpaceFacts spaceFacts(JsonNode facts) {
		return SpaceFacts.from(facts, java.time.Clock.system(SpaceFacts.ZONE), this.spaceEnvironment.factSchema());
	}

	/** 本政策包声明的事实，按声明顺序（表单、自助检查、详情、导出都用它们的中文名称）。 */
	public List<PackDefinition.Fact> facts() {
		return this.definition.facts();
	}

	/** 事实的中文名称（见 {@link PackDefinition#labelOf}）。 */
	public String labelOf(String path) {
		return this.definition.labelOf(path);
	}

	/**
	 * 判断一家在孵企业是否符合本政策的在孵企业条件。
	 * @param facts 企业事实
	 * @return 结论（{@code preferred} 为空）
	 * @throws NotDefinedByPolicyException 本政策没有在孵企业条件
	 */
	public Verdict evaluateTenant(TenantFacts facts) {
		if (this.definition.tenantCriteria() == null) {
			throw new NotDefinedByPolicyException(id(), "在孵企业条件");
		}
		Frame frame = RuleEnvironment.TENANT.bind(facts.values(), this.tenantConstants)
			.withRegionNames(this.regionNames);
		CriterionResult[] results = new CriterionResult[this.tenantCriteria.size()];
		for (int i = 0; i < results.length; i++) {
			results[i] = this.tenantCriteria.get(i).evaluate(frame);
		}
		List<CriterionResult> criteria = List.of(results);
		return new Verdict(id(), version(), Verdict.outcomeOf(criteria), criteria, List.of());
	}

	public Verdict evaluateTenant(JsonNode facts) {
		return evaluateTenant(TenantFacts.from(facts));
	}

	/**
	 * 本政策的在孵企业退出规则。
	 * @return 退出规则
	 * @throws NotDefinedByPolicyException 本政策没有规定退出阈值（不套用别的政策的默认值）
	 */
	public ExitRule exitRule() {
		if (this.definition.exit() == null) {
			throw new NotDefinedByPolicyException(id(), "在孵企业退出阈值");
		}
		return this.definition.exit();
	}

	/**
	 * 在孵企业的退出状态。
	 * @param history 纳税记录
	 * @return 退出状态
	 * @throws NotDefinedByPolicyException 本政策没有规定退出阈值
	 */
	public ExitStatus exitStatus(TaxHistory history) {
		return exitRule().evaluate(history);
	}

	public ExitStatus exitStatus(JsonNode history) {
		ExitRule rule = exitRule();
		return rule.evaluate(TaxHistory.from(history));
	}

	/**
	 * 运行政策包自带的示例。政策包只有在全部示例通过后才能启用。
	 * @return 不符之处；全部通过时为空
	 */
	public List<ExampleFailure> runExamples() {
		List<ExampleFailure> failures = new ArrayList<>();
		for (Example example : this.definition.examples()) {
			runExample(example, failures);
		}
		return failures;
	}

	private void runExample(Example example, List<ExampleFailure> failures) {
		Verdict verdict;
		List<String> ids;
		try {
			if (example.subject() == PackDefinition.Subject.TENANT) {
				verdict = evaluateTenant(example.facts());
				ids = this.tenantCriteria.stream().map(CompiledCriterion::id).toList();
			}
			else {
				verdict = evaluateSpace(example.facts());
				ids = this.spaceCriteria.stream().map(CompiledCriterion::id).toList();
			}
		}
		catch (RuntimeException ex) {
			failures.add(new ExampleFailure(example.name(), null, String.valueOf(example.outcome()), null,
					"示例无法求值：" + ex.getMessage()));
			return;
		}
		if (verdict.outcome() != example.outcome()) {
			failures.add(new ExampleFailure(example.name(), null, String.valueOf(example.outcome()),
					verdict.outcome().name(), "总体结论不符：期望 " + example.outcome() + "，实际 " + verdict.outcome()));
		}
		example.results().forEach((id, expected) -> {
			int index = ids.indexOf(id);
			if (index < 0) {
				failures.add(new ExampleFailure(example.name(), id, String.valueOf(expected), null, "没有这个条件：" + id));
				return;
			}
			CriterionResult actual = verdict.criteria().get(index);
			if (actual.result() != expected) {
				failures.add(new ExampleFailure(example.name(), id, String.valueOf(expected), actual.result().name(),
						"第 " + actual.article() + " 条「" + actual.title() + "」期望 " + expected + "，实际 " + actual.result()
								+ ((actual.detail() != null) ? "（" + actual.detail() + "）" : "")));
			}
		});
	}

	@Override
	public String toString() {
		return id() + "@" + version();
	}

	/**
	 * 政策包摘要。
	 *
	 * @param id 标识
	 * @param title 标题
	 * @param jurisdiction 地区代码
	 * @param version 版本
	 * @param effectiveFrom 生效日期
	 */
	public record Summary(String id, String title, String jurisdiction, String version, LocalDate effectiveFrom) {
	}

	/**
	 * 条件一览中的一项。
	 *
	 * @param article 条款号
	 * @param title 名称
	 * @param kind 性质
	 */
	public record CriterionSummary(String article, String title, CriterionKind kind) {
	}

}
