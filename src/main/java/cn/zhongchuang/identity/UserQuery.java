package cn.zhongchuang.identity;

import cn.zhongchuang.platform.ListSpec;
import cn.zhongchuang.platform.Role;

/**
 * The filter bar of the user list; sorting, paging and dates are the shared list
 * parameters.
 */
record UserQuery(String keyword, Role role, String region, Boolean enabled) {

	static final ListSpec LIST = ListSpec.builder()
		.sort("username", "lower(username)")
		.sort("name", "display_name")
		.sort("role", "role")
		.sort("region", "region_code")
		.sort("organization", "organization")
		.sort("login", "last_login_at")
		.sort("created", "created_at")
		.instants("created_at")
		.build();

}
