package cn.zhongchuang.identity;

import java.util.List;

import cn.zhongchuang.platform.PublicPaths;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
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
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**");

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, and able to read other {id}-prefixed hashes if a migration
		// ever brings them.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<PublicPaths> publicPaths)
			throws Exception {
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
			if (open.length > 0) {
				auth.requestMatchers(open).permitAll();
			}
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
			if (stateless.length > 0) {
				csrf.ignoringRequestMatchers(stateless);
			}
		});
		// between the password and the TOTP code nothing but the code page is reachable
		http.addFilterBefore(new SecondFactorFilter(), AuthorizationFilter.class);
		// a page refused answers the Chinese 403 page (through /error), the API
		// problem+json
		http.exceptionHandling((ex) -> ex.defaultAuthenticationEntryPointFor(problems, api)
			.defaultAccessDeniedHandlerFor(problems, api)
			.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
			.frameOptions((frame) -> frame.sameOrigin())
			.referrerPolicy((ref) -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
		return http.build();
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
			String detail = (ex instanceof org.springframework.security.web.csrf.CsrfException) ? "缺少或无效的 CSRF 令牌"
					: "没有权限执行此操作";
			write(response, HttpStatus.FORBIDDEN, detail, request.getRequestURI());
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
