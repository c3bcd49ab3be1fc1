package cn.zhongchuang.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The two limits of a signed-in session (security.md, sessions): an absolute lifetime
 * from sign-in, and an idle timeout counted from the last request the user made. The
 * store's own timeout is refreshed by every request, background polls included; this
 * filter keeps the time of the last real activity in the session and leaves it alone for
 * the polls listed in {@link #BACKGROUND}, so an open tab that only polls the unread
 * badge still times out. An expired session is invalidated and the request goes on as
 * anonymous: pages redirect to the sign-in page, the API answers 401.
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = SessionLifetimeFilter.class.getName() + ".signedInAt";

	static final String ACTIVE_AT = SessionLifetimeFilter.class.getName() + ".activeAt";

	/** Requests the page makes by itself, on a timer: not activity. */
	static final Set<String> BACKGROUND = Set.of("/notifications/badge", "/api/v1/notifications/unread-count");

	// the last activity is written at most this often (one session write less per click)
	private static final Duration WRITE_GRANULARITY = Duration.ofSeconds(10);

	private final Clock clock;

	private final IdentityProperties.Session limits;

	SessionLifetimeFilter(Clock clock, IdentityProperties.Session limits) {
		this.clock = clock;
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (session == null || auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser)) {
			chain.doFilter(request, response);
			return;
		}
		Instant now = this.clock.instant();
		Instant signedIn = (Instant) session.getAttribute(SIGNED_IN_AT);
		Instant active = (Instant) session.getAttribute(ACTIVE_AT);
		if (signedIn == null) {
			signedIn = now;
			session.setAttribute(SIGNED_IN_AT, now);
		}
		if (active == null) {
			active = now;
			session.setAttribute(ACTIVE_AT, now);
		}
		if (now.isAfter(signedIn.plus(this.limits.absoluteLifetime()))
				|| now.isAfter(active.plus(this.limits.idleTimeout()))) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!BACKGROUND.contains(path) && now.isAfter(active.plus(WRITE_GRANULARITY))) {
			session.setAttribute(ACTIVE_AT, now);
		}
		chain.doFilter(request, response);
	}

}
