package cn.zhongchuang.policy.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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

	/** 政策包的空间条件环境（契约加上新增的事实）。 */
	private final RuleEnvironment space;

	/** 声明了的事实路径。 */
	private final Set<String> declared = new HashSet<>();

	/** 声明为列表的路径：其元素字段不必逐一声明。 */
	private final Set<String> lists = new HashSet<>();

	private final UnaryOperator<String> labels;

	private PackCompiler(PackDefinition definition) {
		this.space = RuleEnvironment.space(FactSchema.extend(FactSchema.SPACE, definition.facts()));
		for (PackDefinition.Fact fact : definition.facts()) {
			this.declared.add(fact.path());
			if (fact.type() == PackDefinition.FactType.LIST) {
				this.lists.add(fact.path());
			}
		}
		this.labels = definition::labelOf;
	}

	/**
	 * 编译结果。
	 *
	 * @param space 空间条件
	 * @param preferred 优先项
	 * @param tenant 在孵企业条件
	 * @param environment 空间条件的环境（其 {@link RuleEnvironment#factSchema()} 即本政策包的空间事实结构）
	 */
	public record Compiled(List<CompiledCriterion> space, List<CompiledPreferred> preferred,
			List<CompiledCriterion> tenant, RuleEnvironment environment) {
	}

	/**
	 * 编译。
	 * @param definition 已通过结构检查的政策包
	 * @return 编译结果
	 * @throws InvalidPolicyPackException 任何规则、模板或示例事实有误时，列出全部问题
	 */
	public static Compiled compile(PackDefinition definition) {
		PackCompiler compiler = new PackCompiler(definition);
		List<CompiledCriterion> space = compiler.criteria(definition.criteria(), "criteria", compiler.space);
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
		return new Compiled(List.copyOf(space), List.copyOf(preferred), List.copyOf(tenant), compiler.space);
	}

	private List<CompiledCriterion> criteria(List<Criterion> criteria, String path, RuleEnvironment environment) {
		List<CompiledCriterion> compiled = new ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			Criterion criterion = criteria.get(i);
			String at = path + "[" + i + "]";
			String article = "（第 " + criterion.article() + " 条）";
			String named = "（第 " + criterion.article() + " 条「" + criterion.title() + "」）";
			FactPath[] requires = requires(criterion.requires(), at + ".requires" + article, environment);
			CompiledExpression applies = expression(criterion.applies(), true, at + ".applies" + article, environment);
			CompiledExpression rule = expression(criterion.rule(), true, at + ".rule" + article, environment);
			DetailTemplate detail = template(criterion.detail(), at + ".detail" + article, environment);
			boolean space = environment == this.space;
			if (space) {
				checkDeclared(java.util.Arrays.stream(requires).map(FactPath::path).toList(), at + ".requires" + named);
				checkDeclared(applies, at + ".applies" + named);
				checkDeclared(rule, at + ".rule" + named);
				checkDeclared(detail, at + ".detail" + named);
			}
			compiled.add(new CompiledCriterion(criterion.id(), criterion.article(), criterion.title(), criterion.kind(),
					requires, applies, criterion.notApplicable(), rule, criterion.otherwise(), detail,
					space ? labels(rule, applies) : null));
		}
		return compiled;
	}

	private CompiledPreferred preferred(Preferred preferred, String path) {
		String article = "（第 " + preferred.article() + " 条）";
		String named = "（第 " + preferred.article() + " 条「" + preferred.title() + "」）";
		FactPath[] requires = requires(preferred.requires(), path + ".requires" + article, this.space);
		CompiledExpression rule = expression(preferred.rule(), true, path + ".rule" + article, this.space);
		DetailTemplate detail = template(preferred.detail(), path + ".detail" + article, this.space);
		checkDeclared(java.util.Arrays.stream(requires).map(FactPath::path).toList(), path + ".requires" + named);
		checkDeclared(rule, path + ".rule" + named);
		checkDeclared(detail, path + ".detail" + named);
		return (rule != null) ? new CompiledPreferred(preferred.article(), preferred.title(), requires, rule, detail,
				labels(rule, null)) : null;
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

	/**
	 * 一项条件的缺少事实说明所用的名称：requires
	 * 写的是整个对象（{@code requires: [operator]}）时，取规则读取的其下第一个已声明事实的名称。
	 */
	private UnaryOperator<String> labels(CompiledExpression rule, CompiledExpression applies) {
		List<String> read = new ArrayList<>();
		for (CompiledExpression expression : new CompiledExpression[] { rule, applies }) {
			if (expression != null) {
				read.addAll(expression.referencedPaths());
			}
		}
		return (path) -> {
			if (!this.declared.contains(path)) {
				for (String candidate : read) {
					if (candidate.startsWith(path + ".") && this.declared.contains(candidate)) {
						return this.labels.apply(candidate);
					}
				}
			}
			return this.labels.apply(path);
		};
	}

	private void checkDeclared(CompiledExpression expression, String at) {
		if (expression != null) {
			checkDeclared(expression.referencedPaths(), at);
		}
	}

	private void checkDeclared(DetailTemplate template, String at) {
		if (template != null) {
			template.expressions().forEach((expression) -> checkDeclared(expression.referencedPaths(), at));
		}
	}

	/**
	 * 规则、requires 和详情只能读取政策包声明了的事实（facts-format.md）；声明了的对象的上级（{@code space}）、
	 * 列表元素的字段（{@code funds} 中的 {@code f.kind}）、判断日 {@code asOf} 与政策包常量不必声明。
	 */
	private void checkDeclared(List<String> paths, String at) {
		for (String path : paths) {
			String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
			if (path.equals("asOf") || this.space.isConstant(top) || this.declared.contains(path)
					|| this.declared.stream().anyMatch((p) -> p.startsWith(path + "."))
					|| this.lists.stream().anyMatch((p) -> path.startsWith(p + "."))
					|| paths.stream().anyMatch((p) -> p.startsWith(path + "."))) {
				// 上级对象（space）随其下读取的字段一起检查
				continue;
			}
			Problem problem = new Problem(at, "读取了未声明的事实 " + path + "，请在 facts 中声明它的类型、中文名称和来源");
			if (!this.problems.contains(problem)) {
				this.problems.add(problem);
			}
		}
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
				FactsReader.read(example.facts(), tenant ? FactSchema.TENANT : this.space.factSchema(), at);
			}
			catch (InvalidFactsException ex) {
				ex.errors().forEach((error) -> this.problems.add(new Problem(error.field(), error.message())));
			}
		}
	}

}
