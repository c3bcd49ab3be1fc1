package cn.zhongchuang.policy.internal;

/**
 * 规则求值时的错误：缺少某个事实（{@link #missingFact()} 给出路径），或规则本身无法求值 （类型不符、除以零等）。
 * <p>
 * 不记录调用栈：缺少事实是自助检查的常态（用户手上有什么就填什么），每次都填栈会拖慢求值。
 */
public final class RuleError extends RuntimeException {

	private final String missingFact;

	private RuleError(String message, String missingFact) {
		super(message, null, false, false);
		this.missingFact = missingFact;
	}

	public static RuleError missing(String path) {
		return new RuleError("缺少事实：" + path, path);
	}

	public static RuleError invalid(String message) {
		return new RuleError(message, null);
	}

	/** 缺少的事实路径，如 {@code space.leaseEnd}；不是缺少事实时为 {@code null}。 */
	public String missingFact() {
		return this.missingFact;
	}

}
