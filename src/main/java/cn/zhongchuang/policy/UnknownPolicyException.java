package cn.zhongchuang.policy;

/**
 * 没有这个 id 的政策包（Web 层映射为 404）。
 */
public class UnknownPolicyException extends RuntimeException {

	private final String policy;

	public UnknownPolicyException(String policy) {
		super("未找到政策包：" + policy);
		this.policy = policy;
	}

	public String policy() {
		return this.policy;
	}

}
