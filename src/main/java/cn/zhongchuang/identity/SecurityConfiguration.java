package cn.zhongchuang.identity;

import java.time.Clock;
import java.util.List;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.Refusals;
import cn.zhongchuang.platform.IdempotencyFilter;
import cn.zhongchuang.platform.PublicPaths;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web's security rules in one place: form sign-in with CSRF, generic failure message,
 * role-guarded areas, problem+json for the API instead of redirects, and the headers of
 * the security baseline (CSP, nosniff, frame-ancestors, HSTS, referrer policy).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

	static final List<String> ALWAYS_PUBLIC = List.of("/login", "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**");

	/**
	 * The OpenAPI description and Swagger UI: public unless
	 * {@code zhongchuang.security.api-docs-public} is false (the prod profile), then for
	 * administrators only.
	 */
	static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, and able to read other {id}-prefixed hashes if a migration
		// ever brings them.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<PublicPaths> publicPaths,
			IdentityProperties properties, Clock clock, Refusals refusals, RateLimitProperties rateLimits,
			ProxyManager<String> rateLimitBuckets,
			@Value("${zhongchuang.security.api-docs-public:true}") boolean apiDocsPublic,
			@Value("${zhongchuang.api.max-json-body:64KB}") org.springframework.util.unit.DataSize maxApiBody,
			JdbcClient jdbc, @Qualifier("sessionClock") ObjectProvider<Clock> sessionClock) throws Exception {
		List<PublicPaths> contributed = publicPaths.orderedStream().toList();
		String[] open = contributed.stream().flatMap((p) -> p.patterns().stream()).toArray(String[]::new);
		String[] stateless = contributed.stream()
			.filter(PublicPaths::stateless)
			.flatMap((p) -> p.patterns().stream())
			.toArray(String[]::new);
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		ProblemResponses problems = new ProblemResponses();

		http.authorizeHttpRequests((auth) -> {
			auth.requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll();
			if (apiDocsPublic) {
				auth.requestMatchers(API_DOCS).permitAll();
			}
			else {
				auth.requestMatchers(API_DOCS).hasRole("ADMIN");
			}
			if (open.length > 0) {
				auth.requestMatchers(open).permitAll();
			}
			// 三员分立: account administration is shared with the security administrator, who
			// alone manages the privileged accounts (UserAdministration checks which)
			auth.requestMatchers("/admin/users", "/admin/users/**").hasAnyRole("ADMIN", "SECURITY_ADMIN");
			auth.requestMatchers("/admin/**", "/api/v1/admin/**", "/actuator/**").hasRole("ADMIN");
			auth.requestMatchers("/audit/**", "/api/v1/audit-events/**").hasRole("AUDITOR");
			auth.anyRequest().authenticated();
		});
		http.formLogin((form) -> form.loginPage("/login")
			.defaultSuccessUrl("/", false)
			.failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error"))
			.permitAll());
		http.logout(
				(logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("ZCSESSION"));
		http.csrf((csrf) -> {
			// the token in a cookie, not the session: an anonymous page with a form
			// (sign-in,
			// objection) creates no session row (security.md, sessions)
			CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
			tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
			csrf.csrfTokenRepository(tokens);
			csrf.csrfTokenRequestHandler(new LenientCsrfTokenHandler());
			if (stateless.length > 0) {
				csrf.ignoringRequestMatchers(stateless);
			}
		});
		// 429 before anything else is done, with the security headers already written
		http.addFilterAfter(new RateLimitFilter(rateLimitBuckets, rateLimits), HeaderWriterFilter.class);
		// parameters with NUL / invalid UTF-8 and oversized JSON bodies: 400 / 413, never
		// 500
		http.addFilterAfter(new InputGuardFilter(maxApiBody.toBytes()), RateLimitFilter.class);
		// absolute lifetime and idle timeout, background polls not counted as activity
		// on the wall clock (as the session store's own timeout), not the application's
		// business clock; a bean "sessionClock" replaces it (tests)
		http.addFilterAfter(
				new SessionLifetimeFilter(sessionClock.getIfAvailable(Clock::systemUTC), properties.session()),
				SecurityContextHolderFilter.class);
		// Idempotency-Key on POST /api/**: once the caller is known and allowed
		http.addFilterAfter(new IdempotencyFilter(jdbc, clock), AuthorizationFilter.class);
		// between the password and the TOTP code nothing but the code page is reachable
		http.addFilterBefore(new SecondFactorFilter(), AuthorizationFilter.class);
		AccessDeniedHandler pages = new AccessDeniedHandlerImpl();
		AccessDeniedHandler denied = (request, response, refusal) -> {
			// every refusal is audited (issue 13 finding 11), CSRF and origin refusals
			// included
			refusals.record(new AuditEntry("ACCESS_DENIED", "request", abbreviate(request.getRequestURI()),
					AuditEntry.Result.DENIED, request.getMethod() + " " + abbreviate(request.getRequestURI()) + "："
							+ ProblemResponses.reason(refusal),
					regionOfCurrentUser(), null, null));
			(api.matches(request) ? problems : pages).handle(request, response, refusal);
		};
		http.exceptionHandling(
				(ex) -> ex.defaultAuthenticationEntryPointFor(problems, api).accessDeniedHandler(denied));
		// a state change from another site (Origin / Referer) is refused before the CSRF
		// check
		RequestMatcher statelessPaths = (stateless.length > 0)
				? new org.springframework.security.web.util.matcher.OrRequestMatcher(java.util.Arrays.stream(stateless)
					.map((p) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p))
					.toList())
				: (request) -> false;
		http.addFilterBefore(new SameOriginFilter(denied, statelessPaths), CsrfFilter.class);
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
			.frameOptions((frame) -> frame.sameOrigin())
			.referrerPolicy((ref) -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
		return http.build();
	}

	private static String abbreviate(String path) {
		return (path.length() > 200) ? path.substring(0, 200) + "…" : path;
	}

	private static String regionOfCurrentUser() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) ? user.regionCode() : null;
	}

	/** 401 and 403 for the API as problem+json, never a redirect to the sign-in page. */
	static final class ProblemResponses implements org.springframework.security.web.AuthenticationEntryPoint,
			org.springframework.security.web.access.AccessDeniedHandler {

		@Override
		public void commence(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response,
				org.springframework.security.core.AuthenticationException ex) throws java.io.IOException {
			write(response, HttpStatus.UNAUTHORIZED, "未登录或会话已过期", request.getRequestURI());
		}

		@Override
		public void handle(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response,
				org.springframework.security.access.AccessDeniedException ex) throws java.io.IOException {
			write(response, HttpStatus.FORBIDDEN, reason(ex), request.getRequestURI());
		}

		/**
		 * The refusal in Chinese: CSRF, a reason the application gave (三员分立), or the
		 * role.
		 */
		static String reason(org.springframework.security.access.AccessDeniedException ex) {
			if (ex instanceof org.springframework.security.web.csrf.CsrfException) {
				return "缺少或无效的 CSRF 令牌";
			}
			String message = ex.getMessage();
			if (message != null && message.codePoints()
				.anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
				return message;
			}
			return "没有权限执行此操作";
		}

		private static void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail,
				String instance) throws java.io.IOException {
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
						+ status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
						+ instance.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
		}

	}

}
