package cn.zhongchuang.policy.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;

/**
 * 一个编译好的 CEL 表达式：CEL-Java 程序，加上（表达式在支持的子集内时）等价的快速求值树。 求值优先走快速求值树；CEL-Java
 * 程序用于子集之外的表达式，也是测试中的对照基准。
 */
public final class CompiledExpression {

	private static final Pattern MISSING_KEY = Pattern.compile("key '([^']*)' is not present");

	private static final Pattern NO_SUCH_ATTRIBUTE = Pattern.compile("No such attribute\\(s\\): ([\\w.]+)");

	private final String source;

	private final RuleEnvironment environment;

	private final CelRuntime.Program program;

	private final FastPlanner.Plan plan;

	private final List<String> referencedPaths;

	CompiledExpression(String source, RuleEnvironment environment, CelRuntime.Program program, FastPlanner.Plan plan,
			List<String> referencedPaths) {
		this.source = source;
		this.environment = environment;
		this.program = program;
		this.plan = plan;
		this.referencedPaths = List.copyOf(referencedPaths);
	}

	public String source() {
		return this.source;
	}

	/** 表达式读取的事实路径（含上级对象，如 space 与 space.totalAreaM2；含 has() 检查的字段）。 */
	public List<String> referencedPaths() {
		return this.referencedPaths;
	}

	/** 是否由快速求值树求值（否则由 CEL-Java 运行时求值）。 */
	public boolean isFast() {
		return this.plan != null;
	}

	/**
	 * 求值。
	 * @param frame {@link RuleEnvironment#bind} 排好的变量
	 * @return 结果（Boolean、Long、Double、String、List……）
	 * @throws RuleError 缺少事实或规则无法求值
	 */
	public Object evaluate(Frame frame) {
		try {
			if (this.plan != null) {
				return this.plan.root().eval(frame);
			}
			return evaluateWithCel(frame);
		}
		catch (RuleError ex) {
			throw refined(ex);
		}
	}

	/**
	 * 缺少的是整个对象（没有 {@code operator}）时，改为指明表达式读取的其下第一个事实（{@code operator.bannedUntil}）：
	 * 详情写它的中文名称，而不是对象的路径。
	 */
	private RuleError refined(RuleError error) {
		String missing = error.missingFact();
		if (missing != null) {
			for (String path : this.referencedPaths) {
				if (path.startsWith(missing + ".")) {
					return RuleError.missing(path);
				}
			}
		}
		return error;
	}

	/** 求布尔值；结果不是布尔值时报错。 */
	public boolean test(Frame frame) {
		return FastPlanner.asBoolean(evaluate(frame));
	}

	/**
	 * 用 CEL-Java 运行时求值，错误转换为 {@link RuleError}。
	 * @param frame 变量
	 * @return 结果
	 */
	public Object evaluateWithCel(Frame frame) {
		Object[] vars = frame.vars;
		Object result;
		try {
			result = this.program.eval((name) -> {
				int slot = this.environment.slot(name);
				return (slot >= 0) ? Optional.ofNullable(vars[slot]) : Optional.empty();
			});
		}
		catch (CelEvaluationException ex) {
			throw translate(ex, vars);
		}
		if (result instanceof CelUnknownSet) {
			// CEL-Java 对缺少的顶层变量不抛异常，而是返回"未知"：同样是缺少事实
			throw RuleError.missing(absentVariable(vars));
		}
		return result;
	}

	private String absentVariable(Object[] vars) {
		for (String path : this.referencedPaths) {
			String variable = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
			int slot = this.environment.slot(variable);
			if (slot >= 0 && vars[slot] == null) {
				return variable;
			}
		}
		return "（未知）";
	}

	private RuleError translate(CelEvaluationException ex, Object[] vars) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RuleError error) {
				return error;
			}
		}
		if (ex.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND) {
			String message = String.valueOf(ex.getMessage());
			Matcher key = MISSING_KEY.matcher(message);
			if (key.find()) {
				return RuleError.missing(pathEndingWith(key.group(1), vars));
			}
			Matcher attribute = NO_SUCH_ATTRIBUTE.matcher(message);
			if (attribute.find()) {
				return RuleError.missing(attribute.group(1));
			}
		}
		return RuleError.invalid("规则无法求值：" + ex.getMessage());
	}

	/** 以该字段结尾、且本次确实缺少的引用路径（tenants.count 与 mentors.count 同名时据此区分）。 */
	private String pathEndingWith(String field, Object[] vars) {
		String candidate = null;
		for (String path : this.referencedPaths) {
			if (path.endsWith("." + field)) {
				candidate = (candidate != null) ? candidate : path;
				if (!isPresent(path, vars)) {
					return path;
				}
			}
		}
		return (candidate != null) ? candidate : field;
	}

	private boolean isPresent(String path, Object[] vars) {
		try {
			return this.environment.factPath(path).isPresentIn(new Frame(vars));
		}
		catch (RuleCompileException ex) {
			return true;
		}
	}

}
