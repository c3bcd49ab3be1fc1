package cn.zhongchuang.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The HTTP benchmarks of scale.md on the application running in the benchmark's JVM:
 * <ul>
 * <li>the public pages and their JSON API under {@code wrk} at 64 connections beside a
 * static file served by the same server (req/s, p50, p99, ratio to the static file);</li>
 * <li>bureau list and detail pages signed in as a province user, one connection after the
 * other (p50, p95).</li>
 * </ul>
 */
final class HttpBenchmarks {

	static final int CONNECTIONS = 64;

	static final int SECONDS = 12;

	static final int WARM_SECONDS = 4;

	static final String PROVINCE_USER = "bench-province";

	static final String PROVINCE_PASSWORD = "Bench#Province-2026";

	static final int BUREAU_WARM = 20;

	static final int BUREAU_RUNS = 100;

	private final DataSource dataSource;

	private final String base;

	private final HttpClient http = HttpClient.newHttpClient();

	HttpBenchmarks(DataSource dataSource, int port) {
		this.dataSource = dataSource;
		this.base = "http://localhost:" + port;
	}

	/**
	 * Each public page under wrk after a static file, or why not measured (wrk missing).
	 */
	Map<String, Object> publicPages() throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("connections", CONNECTIONS);
		out.put("seconds", SECONDS);
		if (!wrkAvailable()) {
			out.put("skipped", "wrk is not installed (apt-get install -y wrk)");
			return out;
		}
		String number = single("SELECT number FROM recognition WHERE status = 'ACTIVE' ORDER BY id LIMIT 1");
		String code = single("SELECT verification_code FROM recognition WHERE status = 'ACTIVE' ORDER BY id LIMIT 1");
		// a word of a name that several institutions share
		String name = single("SELECT institution_name FROM recognition ORDER BY id LIMIT 1");
		String word = name.substring(0, Math.min(2, name.length()));
		List<String[]> pages = List.of(new String[] { "static file (/css/app.css)", "/css/app.css" },
				new String[] { "/registry", "/registry" },
				new String[] { "/registry?q=… (search)",
						"/registry?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8) },
				new String[] { "/registry/{number} (detail)", "/registry/" + path(number) },
				new String[] { "/notices", "/notices" }, new String[] { "/verify", "/verify" },
				new String[] { "/verify/{code}", "/verify/" + path(code) },
				new String[] { "/api/v1/registry", "/api/v1/registry" });
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String[] page : pages) {
			String url = this.base + page[1];
			HttpResponse<String> once = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("page", page[0]);
			r.put("path", page[1]);
			r.put("status", once.statusCode());
			r.put("bytes", once.body().getBytes(StandardCharsets.UTF_8).length);
			// an anonymous read must not open a session (security.md, sessions)
			r.put("sessionCookie",
					once.headers()
						.allValues("Set-Cookie")
						.stream()
						.anyMatch((c) -> c.startsWith("ZCSESSION") || c.startsWith("SESSION")));
			try {
				wrk(url, WARM_SECONDS);
				r.putAll(wrk(url, SECONDS));
			}
			catch (IllegalStateException ex) {
				r.put("error", ex.getMessage());
				rows.add(r);
				continue;
			}
			if (!page[1].equals(pages.get(0)[1])) {
				// the comparator again right after the page: on a machine shared with
				// other
				// work the rate drifts within minutes, so each page has its own
				r.put("staticRequestsPerSecond", wrk(this.base + pages.get(0)[1], SECONDS).get("requestsPerSecond"));
			}
			rows.add(r);
			System.out.println("wrk " + page[1] + ": " + r);
		}
		out.put("pages", rows);
		out.put("loadAverage", loadAverage());
		return out;
	}

	static String loadAverage() {
		try {
			String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** A path segment percent-encoded (numbers hold 〔2026〕 and Chinese). */
	private static String path(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The bureau pages of a province user of the province with the most institutions. */
	Map<String, Object> bureauPages(PasswordEncoder encoder) throws Exception {
		String province = single("SELECT left(region_code, 2) || '0000' FROM institution"
				+ " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
		ensureProvinceUser(encoder, province);
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		signIn(client);
		String institution = single("SELECT id::text FROM institution WHERE left(region_code, 2) = '"
				+ province.substring(0, 2) + "' ORDER BY id LIMIT 1");
		String tenant = single(
				"SELECT id::text FROM tenant WHERE institution_id = " + institution + " ORDER BY id LIMIT 1");
		List<String[]> pages = List.of(new String[] { "申请 (/applications)", "/applications" },
				new String[] { "认定名录 (/bureau/recognitions)", "/bureau/recognitions" },
				new String[] { "载体 (/institutions)", "/institutions" }, new String[] { "入驻企业 (/tenants)", "/tenants" },
				new String[] { "载体详情 (/institutions/{id})", "/institutions/" + institution },
				new String[] { "企业详情 (/tenants/{id})", "/tenants/" + tenant });
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String[] page : pages) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + page[1])).build();
			int status = 0;
			int bytes = 0;
			for (int i = 0; i < BUREAU_WARM; i++) {
				client.send(request, HttpResponse.BodyHandlers.ofString());
			}
			double[] t = new double[BUREAU_RUNS];
			for (int i = 0; i < BUREAU_RUNS; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				t[i] = (System.nanoTime() - start) / 1e6;
				status = response.statusCode();
				bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
			}
			Arrays.sort(t);
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("page", page[0]);
			r.put("path", page[1]);
			r.put("status", status);
			r.put("bytes", bytes);
			r.put("p50Millis", t[BUREAU_RUNS / 2]);
			r.put("p95Millis", t[(int) Math.ceil(BUREAU_RUNS * 0.95) - 1]);
			rows.add(r);
			System.out.println("bureau " + page[1] + ": " + r);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("region", province);
		out.put("runs", BUREAU_RUNS);
		out.put("pages", rows);
		out.put("loadAverage", loadAverage());
		return out;
	}

	/** A province user of the benchmark's own, its password set anew on every run. */
	private void ensureProvinceUser(PasswordEncoder encoder, String province) throws SQLException {
		String hash = encoder.encode(PROVINCE_PASSWORD);
		try (Connection c = this.dataSource.getConnection()) {
			int updated;
			try (PreparedStatement s = c.prepareStatement("UPDATE user_account SET password_hash = ?, region_code = ?,"
					+ " enabled = true, failed_attempts = 0, locked_until = NULL, must_change_password = false,"
					+ " password_changed_at = now() WHERE username = ?")) {
				s.setString(1, hash);
				s.setString(2, province);
				s.setString(3, PROVINCE_USER);
				updated = s.executeUpdate();
			}
			if (updated == 0) {
				try (PreparedStatement s = c.prepareStatement("INSERT INTO user_account (username, display_name,"
						+ " password_hash, role, region_code, organization, password_changed_at, created_at)"
						+ " VALUES (?, '基准测试省厅', ?, 'PROVINCE', ?, '基准测试', now(), now())")) {
					s.setString(1, PROVINCE_USER);
					s.setString(2, hash);
					s.setString(3, province);
					s.executeUpdate();
				}
			}
		}
	}

	/** Through the real sign-in form: the page's CSRF token, then the form. */
	private void signIn(HttpClient client) throws IOException, InterruptedException {
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(this.base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page");
		}
		String form = "username=" + PROVINCE_USER + "&password="
				+ URLEncoder.encode(PROVINCE_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", this.base)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = r.headers().firstValue("Location").orElse("");
		if (r.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + location);
		}
	}

	private String single(String sql) throws SQLException {
		try (Connection c = this.dataSource.getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	static boolean wrkAvailable() {
		try {
			Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			p.waitFor();
			return true;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private static final Pattern ERRORS = Pattern.compile("Socket errors:.*");

	/** wrk at 64 connections, 2 threads: req/s, p50 and p99 in ms, non-2xx responses. */
	static Map<String, Object> wrk(String url, int seconds) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency", url)
			.redirectErrorStream(true)
			.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor();
		Map<String, Object> r = new LinkedHashMap<>();
		Matcher rate = RATE.matcher(out);
		if (!rate.find()) {
			throw new IllegalStateException("wrk gave no rate: " + out);
		}
		r.put("requestsPerSecond", Double.parseDouble(rate.group(1)));
		Matcher m = PERCENTILE.matcher(out);
		while (m.find()) {
			double v = Double.parseDouble(m.group(2));
			double millis = switch (m.group(3)) {
				case "us" -> v / 1000;
				case "s" -> v * 1000;
				default -> v;
			};
			r.put("p" + m.group(1) + "Millis", millis);
		}
		Matcher bad = NON_2XX.matcher(out);
		r.put("non2xx", bad.find() ? Long.parseLong(bad.group(1)) : 0L);
		Matcher errors = ERRORS.matcher(out);
		if (errors.find()) {
			r.put("socketErrors", errors.group());
		}
		return r;
	}

}
