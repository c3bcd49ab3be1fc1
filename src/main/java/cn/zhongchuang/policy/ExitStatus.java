package cn.zhongchuang.policy;

/**
 * 在孵企业的退出状态（policy-api.md「Tenant exit status」答复）。
 *
 * @param status 状态
 * @param monthsWithoutFiling 自最近一个完整月往前数，连续未申报纳税的完整月数
 * @param monthsWithoutTax 同上，连续没有税收贡献（未申报或缴 0 元）的完整月数
 */
public record ExitStatus(Status status, int monthsWithoutFiling, int monthsWithoutTax) {

	/** 状态。 */
	public enum Status {

		/** 正常在孵。 */
		ACTIVE,

		/** 连续未申报达到阈值：纳入异常名录。 */
		ABNORMAL,

		/** 连续无税收贡献达到阈值：予以清退（优先于异常）。 */
		CLEARANCE_DUE

	}

}
