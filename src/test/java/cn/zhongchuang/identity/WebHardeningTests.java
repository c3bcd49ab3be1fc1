package cn.zhongchuang.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 findings 6 and 7: Origin/Referer check, malformed CSRF tokens, HSTS, API docs
 * for administrators only (prod rule), no class names in 400s, anonymous inputs that
 * answered 500, the JSON body limit, parallel requests on one session. Shares the context
 * of {@link RateLimitTests} (each test its own client address).
 */
@IntegrationTest
@TestPropertySource(locations = "classpath:hardened.properties")
class WebHardeningTests {

	private static final String JAVA_NAME = "(java|jakarta|org|com)\\.[a-z]+\\.";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	RealCsrf csrf;

	@org.junit.jupiter.api.BeforeEach
	void realCsrfToken() throws Exception {
		this.csrf = RealCsrf.fromSignInPage(this.mvc);
	}

	@Test
	void aStateChangeFromAnotherSiteIsRefusedAndAudited() throws Exception {
		this.mvc.perform(login("10.6.0.1").header("Origin", "http://evil.example")).andExpect(status().isForbidden());
		this.mvc.perform(login("10.6.0.2").header("Origin", "null")).andExpect(status().isForbidden());
		this.mvc.perform(login("10.6.0.3").header("Referer", "https://evil.example/page"))
			.andExpect(status().isForbidden());
		// the application's own origin, and a client that sends neither header
		this.mvc.perform(login("10.6.0.4").header("Origin", "http://localhost")).andExpect(status().is3xxRedirection());
		this.mvc.perform(login("10.6.0.5")).andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND result = 'DENIED'
				  AND ip IN ('10.6.0.1', '10.6.0.2', '10.6.0.3') AND detail LIKE '%来源不符%'
				""").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void theSignInPageSetsItsCsrfTokenInACookieAndSigningInWithItWorks() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");
		var page = this.mvc.perform(get("/login").with(from("10.6.1.5"))).andReturn().getResponse();
		Cookie token = RealCsrf.cookie(page);
		String hidden = page.getContentAsString().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
		assertThat(hidden).doesNotContain("<");
		// an anonymous page: the token is in the cookie, no session was made for it
		assertThat(page.getCookies()).noneMatch((c) -> c.getName().endsWith("SESSION"));

		this.mvc
			.perform(post("/login").with(from("10.6.1.5"))
				.cookie(token)
				.param("_csrf", hidden)
				.param("username", user.username())
				.param("password", TestAccounts.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"));
	}

	@Test
	void malformedCsrfTokensAnswer403Not500() throws Exception {
		Cookie token = this.csrf.cookie();
		String[] malformed = { "%%%", "a", "\u00ff\u00fe", "====", "x".repeat(5000), "" };
		for (int i = 0; i < malformed.length; i++) {
			String bad = malformed[i];
			// each attempt its own address and name: the sign-in rate limits stay out of
			// the way
			this.mvc
				.perform(post("/login").with(from("10.7.0." + i))
					.cookie(token)
					.param("_csrf", bad)
					.param("username", "malformed-p" + i)
					.param("password", "x"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/login").with(from("10.7.1." + i))
					.cookie(token)
					.header("X-CSRF-TOKEN", bad.isEmpty() ? " " : bad.substring(0, Math.min(bad.length(), 100)))
					.param("username", "malformed-h" + i)
					.param("password", "x"))
				.andExpect(status().isForbidden());
		}
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND ip LIKE '10.7.%' AND detail LIKE '%CSRF%'")
			.query(Long.class)
			.single()).isEqualTo(12);
	}

	@Test
	void hstsIsSentOnSecureRequestsAndForwardedHeadersAreHonoured() throws Exception {
		this.mvc.perform(get("/login").secure(true).with(from("10.6.2.1")))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
		this.mvc.perform(get("/login").with(from("10.6.2.1")))
			.andExpect(header().doesNotExist("Strict-Transport-Security"));
		// behind the TLS proxy Tomcat's RemoteIpValve turns X-Forwarded-Proto into a
		// secure request
		assertThat(this.environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
	}

	@Test
	void apiDocsAreForAdministratorsOnlyInProduction() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(from("10.6.3.1")))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isIn(302, 401, 403));
		this.mvc.perform(get("/swagger-ui.html").with(from("10.6.3.1")))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isIn(302, 401, 403));
		var operator = this.accounts.create(Role.OPERATOR, "110105");
		this.mvc.perform(get("/v3/api-docs").with(user(operator.principal())).with(from("10.6.3.2")))
			.andExpect(status().isForbidden());
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		this.mvc.perform(get("/v3/api-docs").with(user(admin.principal())).with(from("10.6.3.3")))
			.andExpect(status().isOk());
	}

	@Test
	void badInputNamesNoJavaClass() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		this.mvc.perform(get("/api/v1/users").param("page", "abc").with(user(admin.principal())).with(from("10.6.4.1")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(org.hamcrest.Matchers.matchesPattern("(?s).*" + JAVA_NAME + ".*"))));
		this.mvc.perform(get("/api/v1/registry").param("page", "abc").with(from("10.6.4.2")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(org.hamcrest.Matchers.matchesPattern("(?s).*" + JAVA_NAME + ".*"))));
	}

	@Test
	void anonymousInputsThatAnswered500AnswerInTheFourHundreds() throws Exception {
		for (String path : new String[] { "/registry", "/api/v1/registry" }) {
			for (String q : new String[] { "a\u0000b", "\uFFFD\uFFFD", "x\u0001" }) {
				this.mvc.perform(get(path).param("q", q).with(from("10.6.5." + path.length())))
					.andExpect(status().isBadRequest())
					.andExpect(content().string(containsString("无效字符")));
			}
		}
		this.mvc.perform(get("/api/v1/registry").param("page", "2147483647").with(from("10.6.5.20")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/registry").param("page", "2147483647").with(from("10.6.5.21")))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/reference/working-days").param("from", "+999999999-12-31")
				.param("add", "1000")
				.with(from("10.6.5.22")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		this.mvc
			.perform(get("/api/v1/reference/working-days").param("from", "2026-01-05")
				.param("add", "2147483647")
				.with(from("10.6.5.23")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aPublicJsonBodyAbove64KbIs413() throws Exception {
		String big = "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}";
		this.mvc
			.perform(post("/api/v1/policies/chaoyang/space-eligibility").contentType(MediaType.APPLICATION_JSON)
				.content(big)
				.with(from("10.6.6.1")))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void parallelRequestsOnOneSessionAllSucceed() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");
		var signedIn = this.mvc
			.perform(post("/login").with(this.csrf)
				.with(from("10.6.7.1"))
				.param("username", user.username())
				.param("password", TestAccounts.PASSWORD))
			.andReturn()
			.getResponse();
		Cookie session = java.util.Arrays.stream(signedIn.getCookies())
			.filter((c) -> c.getName().endsWith("SESSION"))
			.findFirst()
			.orElseThrow();
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				answers.add(pool.submit(() -> {
					try {
						return this.mvc.perform(get("/notifications").cookie(session).accept(MediaType.TEXT_HTML))
							.andReturn()
							.getResponse()
							.getStatus();
					}
					catch (Exception ex) {
						return 500;
					}
				}));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private MockHttpServletRequestBuilder login(String address) {
		return post("/login").with(this.csrf)
			.with(from(address))
			.param("username", "nobody-" + address)
			.param("password", "wrong");
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
