package cn.zhongchuang.policy;

/**
 * 所请求的判断不是本政策规定的内容，例如兰州办法没有在孵企业条件，也没有"连续六个月未申报纳税" 之类的退出阈值。引擎不套用别的政策的默认值，Web 层可映射为 422（或
 * 404）。
 */
public class NotDefinedByPolicyException extends RuntimeException {

	private final String policy;

	private final String subject;

	public NotDefinedByPolicyException(String policy, String subject) {
		super("政策包 " + policy + " 未规定" + subject);
		this.policy = policy;
		this.subject = subject;
	}

	public String policy() {
		return this.policy;
	}

	/** 未规定的内容，如「在孵企业条件」「在孵企业退出阈值」。 */
	public String subject() {
		return this.subject;
	}

}
