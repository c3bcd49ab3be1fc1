package cn.zhongchuang.sanction;

import java.time.LocalDate;

/**
 * A ban on applying: the operator's credit code, the first and the last day (inclusive),
 * why, the recognition it came from (null when the fraud was found while reviewing an
 * application), the pack article it rests on, and what the finding was made against (认定
 * 编号, or 认定申请「名称」).
 */
public record Ban(String creditCode, String operatorName, LocalDate startsOn, LocalDate endsOn, String reason,
		String recognitionNumber, String policyId, String basis, String subject) {

	/** Chinese text for a refusal: names the end date. */
	public String message() {
		return "该运营机构（统一社会信用代码 " + this.creditCode + "）因" + this.subject + " 存在欺诈行为被禁止申请，禁止期至 " + this.endsOn.getYear()
				+ "年" + this.endsOn.getMonthValue() + "月" + this.endsOn.getDayOfMonth() + "日，期间不得提出任何级别的认定申请";
	}

}
