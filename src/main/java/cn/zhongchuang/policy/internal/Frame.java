package cn.zhongchuang.policy.internal;

/**
 * 一次判断的变量：按环境槽位排列的顶层变量，加上推导式的局部变量。同一次判断的所有规则共用一个， 不为每条规则另建。不可跨线程共享。
 */
public final class Frame {

	/** 推导式嵌套所需局部变量的上限（每层 2 个）；超过的表达式改由 CEL-Java 运行时求值。 */
	static final int MAX_LOCALS = 8;

	final Object[] vars;

	final Object[] locals = new Object[MAX_LOCALS];

	/** 详情中行政区划代码的名称（未给出时原样写代码）。 */
	java.util.function.UnaryOperator<String> regionNames = java.util.function.UnaryOperator.identity();

	Frame(Object[] vars) {
		this.vars = vars;
	}

	/**
	 * 详情模板写行政区划时用的名称。
	 * @param names 代码到名称；不认识的代码应原样返回
	 * @return 本帧
	 */
	public Frame withRegionNames(java.util.function.UnaryOperator<String> names) {
		this.regionNames = names;
		return this;
	}

}
