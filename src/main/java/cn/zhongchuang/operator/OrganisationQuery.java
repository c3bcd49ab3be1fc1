package cn.zhongchuang.operator;

import cn.zhongchuang.platform.ListSpec;

/**
 * The filter bar of the government's organisation list; sorting, paging and the date
 * range (成立日期) are the shared list parameters.
 */
record OrganisationQuery(String keyword, String region, LeadEntity leadEntity) {

	static final ListSpec LIST = ListSpec.builder()
		.sort("region", "region_code", "name")
		.sort("name", "name")
		.sort("creditCode", "credit_code")
		.sort("legal", "legal_representative")
		.sort("established", "established_on")
		.sort("lead", "lead_entity")
		.dates("established_on")
		.build();

}
