package cn.zhongchuang.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.policy.internal.FactSchema.Field;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.values.NullValue;

/**
 * 把已通过 CEL 类型检查的语法树规划成一棵 Java 闭包树（{@link FastNode}），供每秒十万次以上的资格 判断使用。
 * <p>
 * 为什么不直接用 CEL-Java 运行时：它每调用一次运算符约需 0.3–0.5 µs（按运行时类型逐个匹配重载），
 * 一个政策包有三十多次比较，达不到每核每秒十万次的目标。这里只覆盖政策规则用得到的子集（字面量、 变量、字段选择与
 * has()、逻辑与比较运算、算术、in、下标、size、字符串前后缀、int/double 转换、 列表字面量、宏展开后的推导式、本引擎的自定义函数），语义照
 * CEL-Java（见 {@link CelSemantics}）。 子集之外的表达式返回 {@code null}，由调用方退回 CEL-Java
 * 运行时，所以规则作者可以使用完整的 CEL。
 */
final class FastPlanner {

	private final RuleEnvironment environment;

	private int locals;

	private FastPlanner(RuleEnvironment environment) {
		this.environment = environment;
	}

	/**
	 * 规划一个表达式。
	 * @return 规划结果；表达式超出所支持的子集时为 {@code null}
	 */
	static Plan plan(CelAbstractSyntaxTree ast, RuleEnvironment environment) {
		FastPlanner planner = new FastPlanner(environment);
		try {
			FastNode root = planner.node(ast.getExpr(), Scope.EMPTY);
			return (planner.locals <= Frame.MAX_LOCALS) ? new Plan(root, planner.locals) : null;
		}
		catch (Unsupported ex) {
			return null;
		}
	}

	/**
	 * 规划结果。
	 *
	 * @param root 根节点
	 * @param locals 推导式所需的局部变量槽数
	 */
	record Plan(FastNode root, int locals) {
	}

	/** 超出支持的子集。 */
	private static final class Unsupported extends Exception {

		Unsupported() {
			super(null, null, false, false);
		}

	}

	/** 推导式的局部变量作用域（不可变链表）；schema 是遍历事实列表时元素的结构。 */
	private record Scope(String name, int slot, String label, Field schema, Scope outer, int depth) {

		static final Scope EMPTY = new Scope(null, -1, null, null, null, 0);

		Scope push(String name, String label, Field schema) {
			return new Scope(name, this.depth, label, schema, this, this.depth + 1);
		}

		Scope find(String name) {
			for (Scope scope = this; scope != EMPTY; scope = scope.outer) {
				if (scope.name.equals(name)) {
					return scope;
				}
			}
			return null;
		}

	}

	private FastNode node(CelExpr expr, Scope scope) throws Unsupported {
		return switch (expr.getKind()) {
			case CONSTANT -> constant(expr.constant());
			case IDENT -> ident(expr.ident().name(), scope);
			case SELECT -> select(expr, scope);
			case CALL -> call(expr.call(), scope);
			case LIST -> list(expr, scope);
			case COMPREHENSION -> comprehension(expr.comprehension(), scope);
			default -> throw new Unsupported();
		};
	}

	private FastNode constant(CelConstant constant) throws Unsupported {
		Object value = switch (constant.getKind()) {
			case NULL_VALUE -> NullValue.NULL_VALUE;
			case BOOLEAN_VALUE -> constant.booleanValue();
			case INT64_VALUE -> constant.int64Value();
			case DOUBLE_VALUE -> constant.doubleValue();
			case STRING_VALUE -> constant.stringValue();
			default -> throw new Unsupported();
		};
		return (frame) -> value;
	}

	private FastNode ident(String name, Scope scope) throws Unsupported {
		Scope local = scope.find(name);
		if (local != null) {
			int slot = local.slot();
			return (frame) -> {
				Object value = frame.locals[slot];
				if (value instanceof ErrorValue error) {
					throw error.error;
				}
				return value;
			};
		}
		int slot = this.environment.slot(name);
		if (slot < 0) {
			throw new Unsupported();
		}
		return (frame) -> {
			Object value = frame.vars[slot];
			if (value == null) {
				throw RuleError.missing(name);
			}
			return value;
		};
	}

	private FastNode select(CelExpr expr, Scope scope) throws Unsupported {
		CelExpr.CelSelect select = expr.select();
		FastNode operand = node(select.operand(), scope);
		String field = select.field();
		if (select.testOnly()) {
			return (frame) -> {
				Object target = operand.eval(frame);
				if (target instanceof Map<?, ?> map) {
					return map.containsKey(field);
				}
				throw RuleError.invalid("has() 只能用于对象字段：" + field);
			};
		}
		String path = label(select.operand(), scope) + "." + field;
		Field schema = schemaOf(select.operand(), scope);
		int position = (schema != null) ? schema.position(field) : -1;
		if (position >= 0) {
			// 事实结构已知：加载时算好下标，求值时直接取数组元素
			return (frame) -> {
				Object target = operand.eval(frame);
				Object value = (target instanceof FactObject object && object.schema() == schema)
						? object.valueAt(position) : field(target, field);
				if (value == null) {
					throw RuleError.missing(path);
				}
				return value;
			};
		}
		return (frame) -> {
			Object value = field(operand.eval(frame), field);
			if (value == null) {
				throw RuleError.missing(path);
			}
			return value;
		};
	}

	private static Object field(Object target, String field) {
		if (target instanceof Map<?, ?> map) {
			return map.get(field);
		}
		throw RuleError.invalid(CelSemantics.typeName(target) + " 没有字段 " + field);
	}

	/** 表达式的事实结构（变量、字段选择、遍历事实列表的元素）；不是事实时为 {@code null}。 */
	private Field schemaOf(CelExpr expr, Scope scope) {
		return switch (expr.getKind()) {
			case IDENT -> {
				Scope local = scope.find(expr.ident().name());
				if (local != null) {
					yield local.schema();
				}
				int slot = this.environment.slot(expr.ident().name());
				yield (slot >= 0) ? this.environment.schema(slot) : null;
			}
			case SELECT -> {
				Field operand = expr.select().testOnly() ? null : schemaOf(expr.select().operand(), scope);
				yield (operand != null) ? operand.child(expr.select().field()) : null;
			}
			default -> null;
		};
	}

	/** 报错时所用的事实路径：space.leaseEnd、funds[].role。 */
	private String label(CelExpr expr, Scope scope) {
		return switch (expr.getKind()) {
			case IDENT -> {
				Scope local = scope.find(expr.ident().name());
				yield (local != null) ? local.label() : expr.ident().name();
			}
			case SELECT -> label(expr.select().operand(), scope) + "." + expr.select().field();
			// funds.filter(…).map(f, f.amountCny)：元素仍来自 funds
			case COMPREHENSION -> label(expr.comprehension().iterRange(), scope);
			default -> "（表达式）";
		};
	}

	private FastNode list(CelExpr expr, Scope scope) throws Unsupported {
		if (!expr.list().optionalIndices().isEmpty()) {
			throw new Unsupported();
		}
		FastNode[] elements = nodes(expr.list().elements(), scope);
		return (frame) -> {
			Object[] values = new Object[elements.length];
			for (int i = 0; i < elements.length; i++) {
				values[i] = elements[i].eval(frame);
			}
			return List.of(values);
		};
	}

	private FastNode comprehension(CelComprehension comprehension, Scope scope) throws Unsupported {
		if (!comprehension.iterVar2().isEmpty()) {
			throw new Unsupported();
		}
		FastNode range = node(comprehension.iterRange(), scope);
		FastNode init = node(comprehension.accuInit(), scope);
		Scope withAccumulator = scope.push(comprehension.accuVar(), comprehension.accuVar(), null);
		Field rangeSchema = schemaOf(comprehension.iterRange(), scope);
		Scope inner = withAccumulator.push(comprehension.iterVar(), label(comprehension.iterRange(), scope) + "[]",
				(rangeSchema != null && rangeSchema.kind() == FactSchema.Kind.LIST) ? rangeSchema.element() : null);
		FastNode condition = node(comprehension.loopCondition(), inner);
		FastNode step = node(comprehension.loopStep(), inner);
		FastNode result = node(comprehension.result(), withAccumulator);
		int accumulator = withAccumulator.slot();
		int iteration = inner.slot();
		this.locals = Math.max(this.locals, inner.depth());
		return (frame) -> {
			Object items = range.eval(frame);
			Iterable<?> elements;
			if (items instanceof List<?> list) {
				elements = list;
			}
			else if (items instanceof Map<?, ?> map) {
				elements = map.keySet();
			}
			else {
				throw RuleError.invalid("推导式只能遍历列表或对象：" + CelSemantics.typeName(items));
			}
			frame.locals[accumulator] = init.eval(frame);
			for (Object element : elements) {
				frame.locals[iteration] = element;
				if (!asBoolean(condition.eval(frame))) {
					break;
				}
				// CEL 把错误当作值累积：[0, 1].exists(x, 10/x > 1) 为 true
				frame.locals[accumulator] = capture(step, frame);
			}
			return result.eval(frame);
		};
	}

	private FastNode call(CelCall call, Scope scope) throws Unsupported {
		String function = call.function();
		FastNode target = call.target().isPresent() ? node(call.target().get(), scope) : null;
		FastNode[] args = nodes(call.args(), scope);
		if (target != null) {
			return member(function, target, args);
		}
		return switch (function) {
			case "_&&_" -> and(args);
			case "_||_" -> or(args);
			case "!_" -> (frame) -> !asBoolean(args[0].eval(frame));
			case "@not_strictly_false" -> (frame) -> {
				try {
					return !Boolean.FALSE.equals(args[0].eval(frame));
				}
				catch (RuleError ex) {
					return true;
				}
			};
			case "_?_:_" -> (frame) -> asBoolean(args[0].eval(frame)) ? args[1].eval(frame) : args[2].eval(frame);
			case "_==_" -> (frame) -> CelSemantics.equal(args[0].eval(frame), args[1].eval(frame));
			case "_!=_" -> (frame) -> !CelSemantics.equal(args[0].eval(frame), args[1].eval(frame));
			case "_<_" -> (frame) -> CelSemantics.compare(args[0].eval(frame), args[1].eval(frame), "<") < 0;
			case "_<=_" -> (frame) -> CelSemantics.compare(args[0].eval(frame), args[1].eval(frame), "<=") <= 0;
			case "_>_" -> (frame) -> CelSemantics.compare(args[0].eval(frame), args[1].eval(frame), ">") > 0;
			case "_>=_" -> (frame) -> CelSemantics.compare(args[0].eval(frame), args[1].eval(frame), ">=") >= 0;
			case "_+_" -> (frame) -> CelSemantics.add(args[0].eval(frame), args[1].eval(frame));
			case "_-_" -> (frame) -> CelSemantics.subtract(args[0].eval(frame), args[1].eval(frame));
			case "_*_" -> (frame) -> CelSemantics.multiply(args[0].eval(frame), args[1].eval(frame));
			case "_/_" -> (frame) -> CelSemantics.divide(args[0].eval(frame), args[1].eval(frame));
			case "_%_" -> (frame) -> CelSemantics.modulo(args[0].eval(frame), args[1].eval(frame));
			case "-_" -> (frame) -> CelSemantics.negate(args[0].eval(frame));
			case "@in" -> (frame) -> {
				Object element = args[0].eval(frame);
				return CelSemantics.contains(args[1].eval(frame), element);
			};
			case "_[_]" -> (frame) -> {
				Object container = args[0].eval(frame);
				return CelSemantics.index(container, args[1].eval(frame));
			};
			case "size" -> (frame) -> CelSemantics.size(args[0].eval(frame));
			case "int" -> (frame) -> CelSemantics.toInt(args[0].eval(frame));
			case "double" -> (frame) -> CelSemantics.toDouble(args[0].eval(frame));
			default -> custom(function, args);
		};
	}

	private FastNode member(String function, FastNode target, FastNode[] args) throws Unsupported {
		if (function.equals("size") && args.length == 0) {
			return (frame) -> CelSemantics.size(target.eval(frame));
		}
		if (args.length != 1) {
			throw new Unsupported();
		}
		FastNode arg = args[0];
		return switch (function) {
			case "startsWith" ->
				(frame) -> string(target.eval(frame), function).startsWith(string(arg.eval(frame), function));
			case "endsWith" ->
				(frame) -> string(target.eval(frame), function).endsWith(string(arg.eval(frame), function));
			case "contains" ->
				(frame) -> string(target.eval(frame), function).contains(string(arg.eval(frame), function));
			default -> throw new Unsupported();
		};
	}

	private FastNode custom(String name, FastNode[] args) throws Unsupported {
		RuleFunction function = RuleFunctions.named(name);
		if (function == null || function.argClasses().size() != args.length) {
			throw new Unsupported();
		}
		return (frame) -> {
			Object[] values = new Object[args.length];
			for (int i = 0; i < args.length; i++) {
				values[i] = args[i].eval(frame);
			}
			if (!function.accepts(values)) {
				throw RuleError.invalid("函数 " + name + " 的参数类型不符");
			}
			return function.implementation().apply(values);
		};
	}

	/** CEL 的 && 对错误可交换：只要有一侧为 false 结果就是 false。 */
	private static FastNode and(FastNode[] args) {
		FastNode left = args[0];
		FastNode right = args[1];
		return (frame) -> {
			RuleError leftError = null;
			try {
				if (!asBoolean(left.eval(frame))) {
					return false;
				}
			}
			catch (RuleError ex) {
				leftError = ex;
			}
			if (!rightOperand(right, frame, leftError)) {
				return false;
			}
			if (leftError != null) {
				throw leftError;
			}
			return true;
		};
	}

	/** CEL 的 || 对错误可交换：只要有一侧为 true 结果就是 true。 */
	private static FastNode or(FastNode[] args) {
		FastNode left = args[0];
		FastNode right = args[1];
		return (frame) -> {
			RuleError leftError = null;
			try {
				if (asBoolean(left.eval(frame))) {
					return true;
				}
			}
			catch (RuleError ex) {
				leftError = ex;
			}
			if (rightOperand(right, frame, leftError)) {
				return true;
			}
			if (leftError != null) {
				throw leftError;
			}
			return false;
		};
	}

	/** 右操作数；两侧都出错时报告左侧的错误，与 CEL-Java 相同。 */
	private static boolean rightOperand(FastNode right, Frame frame, RuleError leftError) {
		try {
			return asBoolean(right.eval(frame));
		}
		catch (RuleError ex) {
			throw (leftError != null) ? leftError : ex;
		}
	}

	private FastNode[] nodes(List<CelExpr> exprs, Scope scope) throws Unsupported {
		List<FastNode> nodes = new ArrayList<>(exprs.size());
		for (CelExpr expr : exprs) {
			nodes.add(node(expr, scope));
		}
		return nodes.toArray(FastNode[]::new);
	}

	private static Object capture(FastNode node, Frame frame) {
		try {
			return node.eval(frame);
		}
		catch (RuleError ex) {
			return new ErrorValue(ex);
		}
	}

	static boolean asBoolean(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw RuleError.invalid("应为布尔值，实际为" + CelSemantics.typeName(value));
	}

	private static String string(Object value, String function) {
		if (value instanceof String text) {
			return text;
		}
		throw CelSemantics.noOverload(function, value, null);
	}

	/** 推导式累加器中作为值保存的错误。 */
	private record ErrorValue(RuleError error) {
	}

}
