package cn.zhongchuang.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A state-changing request (POST, PUT, PATCH, DELETE) whose {@code Origin} — or, without
 * one, whose {@code Referer} — names another site, or the opaque origin {@code null}, is
 * refused with 403 before the CSRF check (a second line behind the token, OWASP ASVS
 * 3.5). A request with neither header (a client that is not a browser) still needs its
 * CSRF token. The application's own origin is the request's scheme, host and port, as the
 * forwarded headers of a trusted proxy set them
 * ({@code server.forward-headers-strategy}).
 */
final class SameOriginFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final AccessDeniedHandler denied;

	private final RequestMatcher exempt;

	SameOriginFilter(AccessDeniedHandler denied, RequestMatcher exempt) {
		this.denied = denied;
		this.exempt = exempt;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE.contains(request.getMethod()) || this.exempt.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		String origin = request.getHeader("Origin");
		String source = (origin != null) ? origin.strip() : originOf(request.getHeader("Referer"));
		if (source == null || source.equalsIgnoreCase(own(request))) {
			chain.doFilter(request, response);
			return;
		}
		String shown = (source.length() > 100) ? source.substring(0, 100) + "…" : source;
		this.denied.handle(request, response, new AccessDeniedException("请求来源不符（" + shown + "），已拒绝跨站提交"));
	}

	/** scheme://host[:port] of a Referer; "null" for one that cannot be read. */
	private static String originOf(String referer) {
		if (referer == null || referer.isBlank()) {
			return null;
		}
		try {
			URI uri = URI.create(referer.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return "null";
			}
			return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return "null";
		}
	}

	private static String own(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

}
