package cn.zhongchuang.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.zhongchuang.policy.InvalidFactsException;
import cn.zhongchuang.policy.InvalidPolicyPackException;
import cn.zhongchuang.policy.InvalidPolicyPackException.Problem;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PackDefinition.Criterion;
import cn.zhongchuang.policy.PackDefinition.Example;
import cn.zhongchuang.policy.PackDefinition.Preferred;
import cn.zhongchuang.policy.internal.RuleEnvironment.FactPath;

/**
 * 把政策包中的规则一次性编译好（加载时，而不是每次判断时），并检查示例的事实格式。编译错误指明 位置和条款号，如
 * {@code criteria[1].rule（第 5.2 条）}。
 */
public final class PackCompiler {

	private final List<Problem> problems = new ArrayList<>();

	private PackCompiler() {
	}

	/**
	 * 编译结果。
	 *
	 * @param space 空间条件
	 * @param preferred 优先项
	 * @param tenant 在孵企业条件
	 */
	public record Compiled(List<CompiledCriterion> space, List<CompiledPreferred> preferred,
			List<CompiledCriterion> tenant) {
	}

	/**
	 * 编译。
	 * @param definition 已通过结构检查的政策包
	 * @return 编译结果
	 * @throws InvalidPolicyPackException 任何规则、模板或示例事实有误时，列出全部问题
	 */
	public static Compiled compile(PackDefinition definition) {
		PackCompiler compiler = new PackCompiler();
		List<CompiledCriterion> space = compiler.criteria(definition.criteria(), "criteria", RuleEnvironment.SPACE);
		List<CompiledPreferred> preferred = new ArrayList<>();
		for (int i = 0; i < definition.preferred().size(); i++) {
			CompiledPreferred item = compiler.preferred(definition.preferred().get(i), "preferred[" + i + "]");
			if (item != null) {
				preferred.add(item);
			}
		}
		List<CompiledCriterion> tenant = (definition.tenantCriteria() != null) ? compiler.criteria(
				definition.tenantCriteria().criteria(), "tenantCriteria.criteria", RuleEnvironment.TENANT) : List.of();
		compiler.checkExamples(definition);
		if (!compiler.problems.isEmpty()) {
			throw new InvalidPolicyPackException(compiler.problems);
		}
		return new Compiled(List.copyOf(space), List.copyOf(preferred), List.copyOf(tenant));
	}

	private List<CompiledCriterion> criteria(List<Criterion> criteria, String path, RuleEnvironment environment) {
		List<CompiledCriterion> compiled = new ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			Criterion criterion = criteria.get(i);
			String at = path + "[" + i + "]";
			String article = "（第 " + criterion.article() + " 条）";
			FactPath[] requires = requires(criterion.requires(), at + ".requires" + article, environment);
			CompiledExpression applies = expression(criterion.applies(), true, at + ".applies" + article, environment);
			CompiledExpression rule = expression(criterion.rule(), true, at + ".rule" + article, environment);
			DetailTemplate detail = template(criterion.detail(), at + ".detail" + article, environment);
			compiled.add(new CompiledCriterion(criterion.id(), criterion.article(), criterion.title(), criterion.kind(),
					requires, applies, criterion.notApplicable(), rule, criterion.otherwise(), detail));
		}
		return compiled;
	}

	private CompiledPreferred preferred(Preferred preferred, String path) {
		String article = "（第 " + preferred.article() + " 条）";
		FactPath[] requires = requires(preferred.requires(), path + ".requires" + article, RuleEnvironment.SPACE);
		CompiledExpression rule = expression(preferred.rule(), true, path + ".rule" + article, RuleEnvironment.SPACE);
		DetailTemplate detail = template(preferred.detail(), path + ".detail" + article, RuleEnvironment.SPACE);
		return (rule != null) ? new CompiledPreferred(preferred.article(), preferred.title(), requires, rule, detail)
				: null;
	}

	private FactPath[] requires(List<String> paths, String at, RuleEnvironment environment) {
		List<FactPath> compiled = new ArrayList<>();
		for (String path : paths) {
			FactPath factPath = attempt(at, () -> environment.factPath(path));
			if (factPath != null) {
				compiled.add(factPath);
			}
		}
		return compiled.toArray(FactPath[]::new);
	}

	private CompiledExpression expression(String source, boolean booleanResult, String at,
			RuleEnvironment environment) {
		return (source != null) ? attempt(at, () -> environment.compile(source, booleanResult)) : null;
	}

	private DetailTemplate template(String source, String at, RuleEnvironment environment) {
		return (source != null) ? attempt(at, () -> DetailTemplate.compile(source, environment)) : null;
	}

	private <T> T attempt(String at, Supplier<T> step) {
		try {
			return step.get();
		}
		catch (RuleCompileException ex) {
			this.problems.add(new Problem(at, ex.getMessage()));
			return null;
		}
	}

	/** 示例的事实格式在加载时检查：格式错误的示例会让"示例全部通过"失去意义。 */
	private void checkExamples(PackDefinition definition) {
		List<Example> examples = definition.examples();
		for (int i = 0; i < examples.size(); i++) {
			Example example = examples.get(i);
			String at = "examples[" + i + "].facts.";
			if (example.facts() == null || !example.facts().isObject()) {
				continue;
			}
			boolean tenant = example.subject() == PackDefinition.Subject.TENANT;
			if (tenant && definition.tenantCriteria() == null) {
				this.problems.add(new Problem("examples[" + i + "].subject", "本政策包没有在孵企业条件，不能有在孵企业示例"));
			}
			try {
				FactsReader.read(example.facts(), tenant ? FactSchema.TENANT : FactSchema.SPACE, at);
			}
			catch (InvalidFactsException ex) {
				ex.errors().forEach((error) -> this.problems.add(new Problem(error.field(), error.message())));
			}
		}
	}

}
