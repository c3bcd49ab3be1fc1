package cn.zhongchuang.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Between the password and the second factor a session reaches nothing but the code page
 * (or, when the role requires a second factor not yet enrolled, the enrolment page), sign
 * out and static files: pages redirect there, the API answers 401, htmx requests get an
 * empty 204. Part of the security filter chain, so it covers every path, the actuator
 * included. The page the user was going to is kept in the session for afterwards.
 */
final class SecondFactorFilter extends OncePerRequestFilter {

	static final String VERIFY_PATH = "/login/totp";

	static final String ENROL_PATH = "/account/security";

	/** Session attribute: the local path to go to once the second factor is given. */
	static final String TARGET = SecondFactorFilter.class.getName() + ".target";

	private static final List<String> OPEN = List.of("/logout", "/error", "/favicon.ico");

	private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser user) || !user.secondFactorPending()) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String home = (user.secondFactor() == AuthenticatedUser.SecondFactor.VERIFY) ? VERIFY_PATH : ENROL_PATH;
		if (path.equals(home) || path.startsWith(home + "/") || OPEN.contains(path)
				|| OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
			chain.doFilter(request, response);
			return;
		}
		if (path.startsWith("/api/")) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"须先完成动态验证码验证\",\"instance\":\""
						+ path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
			return;
		}
		if (request.getHeader("HX-Request") != null) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return;
		}
		if ("GET".equals(request.getMethod()) && isLocal(path) && !path.equals("/") && !path.startsWith("/login")) {
			String query = request.getQueryString();
			request.getSession().setAttribute(TARGET, (query != null) ? path + "?" + query : path);
		}
		response.sendRedirect(request.getContextPath() + home);
	}

	/** A path of this application, never one a browser would read as another host. */
	static boolean isLocal(String path) {
		return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
	}

}
