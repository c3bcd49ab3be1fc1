package cn.zhongchuang.sanction;

import java.time.LocalDate;

/**
 * A ban on applying: the operator's credit code, the first and the last day (inclusive),
 * why, the recognition it came from and the pack article it rests on.
 */
public record Ban(String creditCode, String operatorName, LocalDate startsOn, LocalDate endsOn, String reason,
		String recognitionNumber, String policyId, String basis) {

	/** Chinese text for a refusal: names the end date. */
	public String message() {
		return "该运营机构（统一社会信用代码 " + this.creditCode + "）因认定 " + this.recognitionNumber + " 存在欺诈行为被禁止申请，禁止期至 "
				+ this.endsOn.getYear() + "年" + this.endsOn.getMonthValue() + "月" + this.endsOn.getDayOfMonth()
				+ "日，期间不得提出任何级别的认定申请";
	}

}
