package cn.zhongchuang.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate limits of {@link RateLimitProperties} in the security chain (after the
 * header writer, so a 429 carries the security headers): sign-in per login name and per
 * address, objections on public notices per address, the API per address. Over a limit:
 * 429 with {@code Retry-After} in seconds, problem+json for the API and a short Chinese
 * page otherwise. If the database cannot be asked the request goes through (the lockout
 * still protects the accounts) and the failure is logged.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private static final Pattern OBJECTION = Pattern.compile("/notices/[^/]+/objections/?");

	private final ProxyManager<String> buckets;

	private final RateLimitProperties limits;

	RateLimitFilter(ProxyManager<String> buckets, RateLimitProperties limits) {
		this.buckets = buckets;
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.limits.enabled()) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String address = request.getRemoteAddr();
		boolean post = "POST".equals(request.getMethod());
		List<Check> checks = new ArrayList<>(2);
		if (post && (path.equals("/login") || path.equals(SecondFactorFilter.VERIFY_PATH))) {
			checks.add(new Check("signin-ip:" + address, this.limits.signInPerAddress()));
			String username = request.getParameter("username");
			if (username != null && !username.isBlank()) {
				checks.add(new Check("signin-user:" + digest(username.strip().toLowerCase(Locale.ROOT)),
						this.limits.signInPerAccount()));
			}
		}
		else if (post && OBJECTION.matcher(path).matches()) {
			checks.add(new Check("objection-ip:" + address, this.limits.objectionPerAddress()));
		}
		else if (path.startsWith("/api/")) {
			checks.add(new Check("api-ip:" + address, this.limits.publicApiPerAddress()));
		}
		for (Check check : checks) {
			long retryAfter = consume(check);
			if (retryAfter > 0) {
				refuse(path, retryAfter, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * @return 0 if a token was taken, otherwise the seconds until one is available
	 */
	private long consume(Check check) {
		try {
			BucketConfiguration configuration = BucketConfiguration.builder()
				.addLimit((limit) -> limit.capacity(check.limit().capacity())
					.refillGreedy(check.limit().capacity(), check.limit().period()))
				.build();
			ConsumptionProbe probe = this.buckets.builder()
				.build(check.key(), () -> configuration)
				.tryConsumeAndReturnRemaining(1);
			if (probe.isConsumed()) {
				return 0;
			}
			return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		}
		catch (RuntimeException ex) {
			log.warn("Rate limit {} not checked: {}", check.key(), ex.toString());
			return 0;
		}
	}

	private static void refuse(String path, long retryAfter, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", String.valueOf(retryAfter));
		response.setCharacterEncoding("UTF-8");
		if (path.startsWith("/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"请求过于频繁\",\"status\":429,\"detail\":\"请求过于频繁，请 "
						+ retryAfter + " 秒后再试\",\"retryAfter\":" + retryAfter + "}");
			return;
		}
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>请求过于频繁 · 众创</title>"
					+ "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main class=\"container py-5\">"
					+ "<h1>请求过于频繁</h1><p>为保护系统和账户安全，来自您的请求暂时被限制。请 " + retryAfter
					+ " 秒后再试。</p><p><a href=\"/\">返回首页</a></p></main></body></html>");
	}

	private static String digest(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Check(String key, RateLimitProperties.Limit limit) {
	}

}
