package cn.zhongchuang.web;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.policy.PolicyCatalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public registry, certificate verification, the list of notices and the registry
 * API, answered for visitors without a session from pages this node rendered before, as
 * long as nothing they show has changed anywhere: each page is kept under the value of
 * the database's change counter ({@code public_change}, bumped at commit by every
 * transaction writing a title, a notice or a policy pack, on any node) read for the
 * request, the business day, the language, the policy packs this node has in force and
 * the exact request (path, parameters, htmx or not). Runs after the security filters
 * (headers, rate limits, authorization apply as to any request); a page is kept only when
 * it set no cookie. Signed-in users always get a fresh page.
 */
class PublicPageCache extends OncePerRequestFilter {

	static final List<String> EXACT = List.of("/registry", "/verify", "/notices", "/api/v1/registry");

	static final List<String> BELOW = List.of("/registry/", "/verify/");

	/** At most this many pages kept per node, each at most {@link #MAX_BYTES}. */
	static final int MAX_PAGES = 2000;

	static final int MAX_BYTES = 512 * 1024;

	private final JdbcClient jdbc;

	private final PolicyCatalog packs;

	private final LocaleResolver locales;

	private final Clock clock;

	private final Map<Key, Page> pages = new ConcurrentHashMap<>();

	PublicPageCache(JdbcClient jdbc, PolicyCatalog packs, LocaleResolver locales, Clock clock) {
		this.jdbc = jdbc;
		this.packs = packs;
		this.locales = locales;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getParameter("lang") != null || signedIn(request)) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(EXACT.contains(path) || BELOW.stream()
			.anyMatch((p) -> path.startsWith(p) && path.length() > p.length() && path.indexOf('/', p.length()) < 0));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long change = this.jdbc.sql("SELECT n FROM public_change WHERE id = 1").query(Long.class).single();
		Locale locale = this.locales.resolveLocale(request);
		Key key = new Key(request.getRequestURI(), parameters(request), request.getHeader("HX-Request") != null,
				request.getHeader("Accept"), locale.toLanguageTag(), ChinaTime.today(this.clock).toString(), change,
				this.packs.all().stream().map((p) -> p.id() + "@" + p.version()).toList());
		Page page = this.pages.get(key);
		if (page != null) {
			response.setStatus(HttpServletResponse.SC_OK);
			response.setLocale(page.locale());
			response.setContentType(page.contentType());
			response.setContentLength(page.body().length);
			response.getOutputStream().write(page.body());
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, wrapper);
			byte[] body = wrapper.getContentAsByteArray();
			if (wrapper.getStatus() == HttpServletResponse.SC_OK && wrapper.getContentType() != null
					&& !wrapper.containsHeader("Set-Cookie") && body.length <= MAX_BYTES) {
				if (this.pages.size() >= MAX_PAGES) {
					this.pages.clear();
				}
				this.pages.put(key, new Page(body, wrapper.getContentType(), wrapper.getLocale()));
			}
		}
		finally {
			wrapper.copyBodyToResponse();
		}
	}

	/** The parameters in a fixed order (the query string is not always there). */
	private static String parameters(HttpServletRequest request) {
		StringBuilder out = new StringBuilder();
		new java.util.TreeMap<>(request.getParameterMap())
			.forEach((name, values) -> out.append(name).append('=').append(List.of(values)).append('&'));
		return out.toString();
	}

	private static boolean signedIn(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie c : cookies) {
			if ("ZCSESSION".equals(c.getName())) {
				return true;
			}
		}
		return false;
	}

	private record Key(String path, String query, boolean htmx, String accept, String locale, String day, long change,
			List<String> packs) {
	}

	private record Page(byte[] body, String contentType, Locale locale) {
	}

}
