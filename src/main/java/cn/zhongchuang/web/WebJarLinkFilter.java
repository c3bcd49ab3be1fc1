package cn.zhongchuang.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Boot's {@link ResourceUrlEncodingFilter} (it rewrites {@code /webjars/bootstrap/…} in a
 * page to the versioned path), asked only about links into {@code /webjars/}. Asked about
 * every link, as Boot's filter is, it looks each page link ({@code /registry/…},
 * {@code /notices/…}) up as a static file in every jar of the class path and, finding
 * none, remembers nothing: on a public list page that was a quarter of the time.
 */
class WebJarLinkFilter extends ResourceUrlEncodingFilter {

	static final String WEBJARS = "/webjars/";

	@Override
	public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response,
			FilterChain filterChain) throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse)) {
			filterChain.doFilter(request, response);
			return;
		}
		String webjars = http.getContextPath() + WEBJARS;
		super.doFilter(request, response,
				(req, res) -> filterChain.doFilter(req, new WebJarsOnly((HttpServletResponseWrapper) res, webjars)));
	}

	/** Hands only webjar links to the resource chain, every other link past it. */
	private static final class WebJarsOnly extends HttpServletResponseWrapper {

		private final HttpServletResponseWrapper resources;

		private final String webjars;

		WebJarsOnly(HttpServletResponseWrapper resources, String webjars) {
			super(resources);
			this.resources = resources;
			this.webjars = webjars;
		}

		@Override
		public String encodeURL(String url) {
			if (url.startsWith(this.webjars)) {
				return this.resources.encodeURL(url);
			}
			return ((HttpServletResponse) this.resources.getResponse()).encodeURL(url);
		}

	}

}
