package cn.zhongchuang.operator;

import java.util.Map;

/**
 * The filter bar of the government's organisation list; sorting by whitelisted columns
 * only.
 */
record OrganisationQuery(String keyword, String region, LeadEntity leadEntity, String sort, Integer page,
		Integer size) {

	private static final Map<String, String> SORTS = Map.of("name", "name", "region", "region_code, name",
			"established", "established_on", "created", "created_at DESC");

	String orderBy() {
		return SORTS.getOrDefault((this.sort != null) ? this.sort : "", "region_code, name") + ", id";
	}

}
