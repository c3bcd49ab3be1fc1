package cn.zhongchuang.policy;

/**
 * 条件的性质：由规则自动判断、由评审人员判断，或只是"优先"加分项。
 */
public enum CriterionKind {

	/** 规则可依据事实自动判断。 */
	AUTOMATIC,

	/** 需要评审人员判断，结论为 MANUAL。 */
	MANUAL,

	/** 优先项：不影响资格，只在结论的 {@code preferred} 中说明是否满足。 */
	PREFERRED

}
