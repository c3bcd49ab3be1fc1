package cn.zhongchuang.tenant;

import cn.zhongchuang.platform.ListSpec;

/**
 * The filter bar of the abnormal and clearance lists; sorting, paging and the date range
 * (最近扫描) are the shared list parameters.
 */
record FindingQuery(String status, String keyword, Boolean open) {

	/**
	 * Opens as before: undecided first, then the longest without tax contribution, then
	 * the longest without filing.
	 */
	static final ListSpec LIST = ListSpec.builder()
		.sort("priority", "(e.decision IS NOT NULL)", "e.months_without_tax DESC", "e.months_without_filing DESC")
		.sort("name", "t.name")
		.sort("status", "e.status", "t.name")
		.sort("monthsWithoutFiling", "e.months_without_filing")
		.sort("monthsWithoutTax", "e.months_without_tax")
		.sort("asOf", "e.as_of")
		.sort("decision", "e.decision")
		.tieBreak("e.id")
		.dates("e.as_of")
		.build();

}
