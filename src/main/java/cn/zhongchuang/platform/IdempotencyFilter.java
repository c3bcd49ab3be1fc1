package cn.zhongchuang.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST requests to the API (issue 13 finding 10; IETF
 * draft-ietf-httpapi-idempotency-key-header): the first request with a key runs and its
 * answer is kept in {@code idempotency_key}; the same key with the same method, path and
 * body gets that answer again ({@code Idempotency-Replayed: true}); with another body
 * 422; while the first is still running 409. A 5xx answer is not kept, so the client may
 * retry. Keys are per caller and expire after {@link #LIFETIME}. Multipart uploads are
 * not covered (their bodies are not buffered). The security chain puts this filter after
 * authorization, so the caller is known.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

	public static final String HEADER = "Idempotency-Key";

	static final Duration LIFETIME = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	public IdempotencyFilter(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || !path.startsWith("/api/") || request.getHeader(HEADER) == null
				|| (type != null && type.toLowerCase().startsWith("multipart/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > 255) {
			problem(response, 400, "输入有误", "Idempotency-Key 须为 1–255 个字符");
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		Principal principal = request.getUserPrincipal();
		String owner = (principal != null) ? "user:" + principal.getName() : "addr:" + request.getRemoteAddr();
		String hash = hash(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
		Instant now = this.clock.instant();
		if (!claim(owner, key, hash, now)) {
			Optional<Stored> stored = find(owner, key);
			if (stored.isEmpty()) {
				problem(response, 409, "请求正在处理", "相同 Idempotency-Key 的请求正在处理，请稍后重试");
				return;
			}
			Stored s = stored.get();
			if (!s.requestHash().equals(hash)) {
				problem(response, 422, "Idempotency-Key 已被使用", "该 Idempotency-Key 已用于另一内容的请求，请换一个新的键");
				return;
			}
			if (!"DONE".equals(s.state())) {
				problem(response, 409, "请求正在处理", "相同 Idempotency-Key 的请求正在处理，请稍后重试");
				return;
			}
			response.setStatus(s.status());
			if (s.contentType() != null) {
				response.setContentType(s.contentType());
			}
			response.setHeader("Idempotency-Replayed", "true");
			response.getOutputStream().write((s.body() != null) ? s.body() : new byte[0]);
			return;
		}
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(new BufferedRequest(request, body), captured);
			if (captured.getStatus() < 500) {
				this.jdbc.sql("""
						UPDATE idempotency_key SET state = 'DONE', status = :status, content_type = :type, body = :body
						WHERE owner = :owner AND key = :key
						""")
					.param("status", captured.getStatus())
					.param("type", captured.getContentType())
					.param("body", captured.getContentAsByteArray())
					.param("owner", owner)
					.param("key", key)
					.update();
				kept = true;
			}
		}
		finally {
			if (!kept) {
				this.jdbc.sql("DELETE FROM idempotency_key WHERE owner = :owner AND key = :key")
					.param("owner", owner)
					.param("key", key)
					.update();
			}
			captured.copyBodyToResponse();
		}
	}

	/** Takes the key for this request; false if it is taken (and not expired). */
	private boolean claim(String owner, String key, String hash, Instant now) {
		this.jdbc.sql("DELETE FROM idempotency_key WHERE owner = :owner AND key = :key AND expires_at < :now")
			.param("owner", owner)
			.param("key", key)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		return this.jdbc.sql("""
				INSERT INTO idempotency_key (owner, key, request_hash, state, created_at, expires_at)
				VALUES (:owner, :key, :hash, 'IN_PROGRESS', :now, :expires)
				ON CONFLICT (owner, key) DO NOTHING
				""")
			.param("owner", owner)
			.param("key", key)
			.param("hash", hash)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("expires", now.plus(LIFETIME).atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	private Optional<Stored> find(String owner, String key) {
		return this.jdbc.sql(
				"SELECT request_hash, state, status, content_type, body FROM idempotency_key WHERE owner = :owner AND key = :key")
			.param("owner", owner)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getString("state"), rs.getInt("status"),
					rs.getString("content_type"), rs.getBytes("body")))
			.optional();
	}

	private static String hash(String method, String uri, String query, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((method + " " + uri + "?" + ((query != null) ? query : "") + "\n")
				.getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\",\"errors\":[{\"field\":\"" + HEADER + "\",\"message\":\"" + detail + "\"}]}");
	}

	private record Stored(String requestHash, String state, int status, String contentType, byte[] body) {
	}

	/** The request with its body read once and served again to the application. */
	private static final class BufferedRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(
					new java.io.InputStreamReader(getInputStream(), (getCharacterEncoding() != null)
							? java.nio.charset.Charset.forName(getCharacterEncoding()) : StandardCharsets.UTF_8));
		}

	}

}
