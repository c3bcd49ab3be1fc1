package cn.zhongchuang.platform;

/**
 * The signed-in user as every module sees it: who, in which role, scoped to which region.
 * The identity module provides the implementation; controllers receive it with
 * {@code @AuthenticationPrincipal CurrentUser user}.
 */
public interface CurrentUser {

	long id();

	String username();

	String displayName();

	Role role();

	/**
	 * The GB/T 2260 code of the user's data scope: the region itself and everything below
	 * it.
	 */
	String regionCode();

	default boolean hasRole(Role role) {
		return role() == role;
	}

}
