package cn.zhongchuang.operator;

/**
 * 牵头单位 of the space (policy-api.md {@code operator.leadEntity}); labels under
 * {@code operator.leadEntity.<NAME>}.
 */
enum LeadEntity {

	LEADING_ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, INNOVATIVE_ENTERPRISE,
	/** An existing space paired with one of the first three. */
	PAIRED_WITH_LEAD, NONE

}
