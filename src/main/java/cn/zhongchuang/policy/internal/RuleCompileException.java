package cn.zhongchuang.policy.internal;

/**
 * 规则无法编译（语法、类型或未定义的事实）。由加载政策包的代码补上位置和条款号后报告。
 */
public final class RuleCompileException extends RuntimeException {

	public RuleCompileException(String message) {
		super(message);
	}

}
