package cn.zhongchuang.platform;

import java.util.List;

/**
 * URL patterns a module serves to anyone without signing in (public registry, notices,
 * self-check). Declared as a bean by the module that owns them, so the security rules
 * stay next to the pages they open up.
 *
 * @param patterns Ant-style path patterns
 * @param stateless whether the patterns take machine-to-machine POSTs that need no CSRF
 * token (only for endpoints that change no state)
 */
public record PublicPaths(List<String> patterns, boolean stateless) {

	public static PublicPaths pages(String... patterns) {
		return new PublicPaths(List.of(patterns), false);
	}

	public static PublicPaths statelessApi(String... patterns) {
		return new PublicPaths(List.of(patterns), true);
	}

}
