package cn.zhongchuang.expert;

import cn.zhongchuang.platform.ListSpec;

/** The filter bar of the pool list; sorting and paging are the shared list parameters. */
record ExpertQuery(String keyword, String field, Boolean active) {

	/** In the pool first, then by name. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("active", "active DESC", "name")
		.sort("name", "name")
		.sort("employer", "employer")
		.sort("title", "title")
		.sort("region", "region_code")
		.build();

}
