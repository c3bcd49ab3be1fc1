package cn.zhongchuang.tenant;

import java.time.LocalDate;

/** One line of the abnormal or clearance list. */
record FindingRow(long id, long tenantId, String tenantName, String creditCode, String operatorName, String regionCode,
		String status, LocalDate firstFoundOn, LocalDate asOf, int monthsWithoutFiling, int monthsWithoutTax,
		String decision, String reason, LocalDate clearedOn, int version) {
}
