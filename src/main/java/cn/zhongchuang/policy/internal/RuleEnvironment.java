package cn.zhongchuang.policy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.policy.internal.FactSchema.Field;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;

/**
 * 规则的 CEL 环境：可用的变量（事实的顶层字段与政策包常量）和自定义函数。
 * <p>
 * 空间规则的变量即空间事实的顶层字段：{@code asOf}（判断日期，yyyy-MM-dd，缺省为今天）、
 * {@code specialization}、{@code virtual}、{@code operator}、{@code space}、{@code tenants}、
 * {@code staff}、{@code mentors}、{@code funds}、{@code seedFundOrFinancingService}、
 * {@code activities}、{@code services}、{@code investments}，加上政策包的 {@code jurisdiction}。
 * 在孵企业规则的变量是 {@code tenant}（整份企业事实）、{@code asOf}、{@code jurisdiction} 和
 * {@code keyIndustries}（政策包列出的重点产业）。
 * <p>
 * 每次求值把变量按槽位放进数组，规则按槽位取值，不再逐次构造 Map。
 */
public final class RuleEnvironment {

	/** 变量值的来源。 */
	enum Source {

		/** 事实 Map 中同名的顶层字段。 */
		FACT,

		/** 整份事实 Map。 */
		FACTS,

		/** 政策包常量。 */
		CONSTANT

	}

	/**
	 * 一个变量。
	 *
	 * @param name 名称
	 * @param type CEL 类型
	 * @param schema 对应的事实结构（常量为 {@code null}）
	 * @param source 来源
	 */
	record Variable(String name, CelType type, Field schema, Source source) {
	}

	private static final CelType FACTS_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);

	/** 众创空间条件的环境。 */
	public static final RuleEnvironment SPACE = new RuleEnvironment(spaceVariables(FactSchema.SPACE), FactSchema.SPACE);

	/** 在孵企业条件的环境。 */
	public static final RuleEnvironment TENANT = new RuleEnvironment(
			List.of(new Variable("tenant", FACTS_MAP, FactSchema.TENANT, Source.FACTS),
					new Variable("asOf", SimpleType.STRING, FactSchema.TENANT.child("asOf"), Source.FACT),
					new Variable("jurisdiction", SimpleType.STRING, null, Source.CONSTANT),
					new Variable("keyIndustries", ListType.create(SimpleType.STRING), null, Source.CONSTANT)),
			FactSchema.TENANT);

	private final List<Variable> variables;

	private final Map<String, Integer> slots = new HashMap<>();

	/** 本环境读取的事实结构。 */
	private final Field root;

	private final Cel cel;

	private RuleEnvironment(List<Variable> variables, Field root) {
		this.variables = List.copyOf(variables);
		this.root = root;
		CelBuilder builder = CelFactory.standardCelBuilder()
			.setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS);
		for (int i = 0; i < variables.size(); i++) {
			Variable variable = variables.get(i);
			this.slots.put(variable.name(), i);
			builder.addVar(variable.name(), variable.type());
		}
		for (RuleFunction function : RuleFunctions.ALL) {
			builder.addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration(function.name(), CelOverloadDecl
				.newGlobalOverload(function.overloadId(), function.result(), function.parameters())));
			builder.addFunctionBindings(CelFunctionBinding.from(function.overloadId(), function.argClasses(),
					(args) -> function.implementation().apply(args)));
		}
		this.cel = builder.build();
	}

	/**
	 * 一个政策包的空间条件环境：契约之外新增了事实的政策包有自己的环境（新增的顶层对象成为变量）， 其余共用 {@link #SPACE}。
	 * @param schema 政策包的空间事实结构（{@link FactSchema#extend}）
	 * @return 环境
	 */
	public static RuleEnvironment space(Field schema) {
		return (schema == FactSchema.SPACE) ? SPACE : new RuleEnvironment(spaceVariables(schema), schema);
	}

	/** 本环境读取的事实结构：空间事实或在孵企业事实。 */
	public Field factSchema() {
		return this.root;
	}

	private static List<Variable> spaceVariables(Field schema) {
		List<Variable> variables = new ArrayList<>();
		for (Field field : schema.fields().values()) {
			variables.add(new Variable(field.name(), celType(field), field, Source.FACT));
		}
		variables.add(new Variable("jurisdiction", SimpleType.STRING, null, Source.CONSTANT));
		return variables;
	}

	private static CelType celType(Field field) {
		return switch (field.kind()) {
			case BOOL -> SimpleType.BOOL;
			case INT -> SimpleType.INT;
			case DECIMAL -> SimpleType.DOUBLE;
			case OBJECT -> FACTS_MAP;
			case LIST -> ListType.create(FACTS_MAP);
			default -> SimpleType.STRING;
		};
	}

	/**
	 * 编译一个表达式：解析、类型检查、生成 CEL 程序和快速求值树。只在加载政策包时调用。
	 * @param source CEL 源码
	 * @param booleanResult 是否要求结果为布尔值
	 * @return 编译结果
	 * @throws RuleCompileException 语法或类型错误
	 */
	public CompiledExpression compile(String source, boolean booleanResult) {
		CelValidationResult result = this.cel.compile(source);
		if (result.hasError()) {
			throw new RuleCompileException(result.getErrorString());
		}
		try {
			CelAbstractSyntaxTree ast = result.getAst();
			CelType type = ast.getResultType();
			if (booleanResult && type.kind() != CelKind.BOOL && type.kind() != CelKind.DYN) {
				throw new RuleCompileException("结果应为布尔值，实际为 " + type.name());
			}
			CelRuntime.Program program = this.cel.createProgram(ast);
			return new CompiledExpression(source, this, program, FastPlanner.plan(ast, this),
					ReferencedPaths.of(ast, this));
		}
		catch (CelValidationException | CelEvaluationException ex) {
			throw new RuleCompileException(ex.getMessage());
		}
	}

	/** 变量的槽位；不是本环境的变量时为 -1。 */
	int slot(String name) {
		Integer slot = this.slots.get(name);
		return (slot != null) ? slot : -1;
	}

	/** 是否政策包常量（jurisdiction、keyIndustries），而不是事实。 */
	boolean isConstant(String name) {
		int slot = slot(name);
		return slot >= 0 && this.variables.get(slot).source() == Source.CONSTANT;
	}

	/** 变量的结构（常量为 {@code null}）。 */
	Field schema(int slot) {
		return this.variables.get(slot).schema();
	}

	/**
	 * 把事实和政策包常量按槽位排好，供本次判断的所有规则共用。
	 * @param facts 事实
	 * @param constants 政策包常量
	 * @return 本次判断的变量；缺少的事实为 {@code null}
	 */
	public Frame bind(Map<String, Object> facts, Map<String, Object> constants) {
		Object[] values = new Object[this.variables.size()];
		for (int i = 0; i < values.length; i++) {
			Variable variable = this.variables.get(i);
			values[i] = switch (variable.source()) {
				case FACT -> facts.get(variable.name());
				case FACTS -> facts;
				case CONSTANT -> constants.get(variable.name());
			};
		}
		return new Frame(values);
	}

	/**
	 * 把 {@code requires} 中的事实路径编译为可快速检查的形式。
	 * @param path 如 {@code space.totalAreaM2}
	 * @return 编译结果
	 * @throws RuleCompileException 路径不是本环境的事实
	 */
	public FactPath factPath(String path) {
		String[] segments = path.split("\\.", -1);
		int slot = slot(segments[0]);
		if (slot < 0 || this.variables.get(slot).schema() == null) {
			throw new RuleCompileException("未定义的事实：" + path);
		}
		Field field = this.variables.get(slot).schema();
		FactPath.Step[] steps = new FactPath.Step[segments.length - 1];
		for (int i = 1; i < segments.length; i++) {
			Field child = field.child(segments[i]);
			if (child == null) {
				throw new RuleCompileException("未定义的事实：" + path);
			}
			steps[i - 1] = new FactPath.Step(segments[i], field, field.position(segments[i]));
			field = child;
		}
		return new FactPath(path, slot, steps);
	}

	/**
	 * 一个已编译的事实路径。
	 *
	 * @param path 路径文本
	 * @param slot 顶层变量槽位
	 * @param steps 其后逐级的字段
	 */
	public record FactPath(String path, int slot, Step[] steps) {

		/** 本次判断是否提供了这个事实。 */
		public boolean isPresentIn(Frame frame) {
			Object value = frame.vars[this.slot];
			for (Step step : this.steps) {
				if (value instanceof FactObject object && object.schema() == step.parent()) {
					value = object.valueAt(step.position());
				}
				else if (value instanceof Map<?, ?> map) {
					value = map.get(step.field());
				}
				else {
					return false;
				}
			}
			return value != null && !(value instanceof String text && FactsReader.isBlank(text));
		}

		/**
		 * 路径中的一级。
		 *
		 * @param field 字段名
		 * @param parent 所在对象的结构
		 * @param position 在该结构中的下标
		 */
		record Step(String field, Field parent, int position) {
		}

	}

}
