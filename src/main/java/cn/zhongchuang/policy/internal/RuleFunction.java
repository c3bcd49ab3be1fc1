package cn.zhongchuang.policy.internal;

import java.util.List;

import dev.cel.common.types.CelType;

/**
 * 规则可调用的一个自定义函数：在 CEL 环境中声明，由 Java 实现。同一个实现既绑定给 CEL 运行时， 也供快速求值器直接调用，两条路径的结果因此一致。
 *
 * @param name 函数名
 * @param overloadId CEL 重载 id
 * @param result 返回类型
 * @param parameters 参数类型
 * @param argClasses 运行时参数的 Java 类型（CEL 据此分派，快速求值器据此检查）
 * @param doc 说明
 * @param implementation 实现
 */
public record RuleFunction(String name, String overloadId, CelType result, List<CelType> parameters,
		List<Class<?>> argClasses, String doc, Implementation implementation) {

	/** 实现。出错时抛出 {@link RuleError}。 */
	@FunctionalInterface
	public interface Implementation {

		Object apply(Object[] args);

	}

	public RuleFunction {
		argClasses = List.copyOf(argClasses);
		parameters = List.copyOf(parameters);
	}

	/** 参数是否都是声明的 Java 类型（与 CEL-Java 按参数类型分派的结果一致）。 */
	boolean accepts(Object[] args) {
		if (args.length != this.argClasses.size()) {
			return false;
		}
		for (int i = 0; i < args.length; i++) {
			if (!this.argClasses.get(i).isInstance(args[i])) {
				return false;
			}
		}
		return true;
	}

}
