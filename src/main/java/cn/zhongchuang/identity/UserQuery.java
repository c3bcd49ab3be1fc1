package cn.zhongchuang.identity;

import java.util.Map;

import cn.zhongchuang.platform.Role;

/** The filter bar of the user list. Sorting by a whitelisted column only. */
record UserQuery(String keyword, Role role, String region, Boolean enabled, String sort, Integer page, Integer size) {

	private static final Map<String, String> SORTS = Map.of("username", "lower(username)", "name", "display_name",
			"role", "role, lower(username)", "region", "region_code, lower(username)", "created", "created_at DESC",
			"login", "last_login_at DESC NULLS LAST");

	String orderBy() {
		return SORTS.getOrDefault((this.sort != null) ? this.sort : "", "lower(username)") + ", id";
	}

}
