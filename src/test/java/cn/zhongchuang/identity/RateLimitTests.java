package cn.zhongchuang.identity;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 finding 4: rate limits on sign-in (per account and per address), the public
 * objection form and the API, counted in PostgreSQL; 429 with Retry-After. Anonymous
 * reads create no session. Low limits here; each test uses its own client address.
 */
@IntegrationTest
@TestPropertySource(locations = "classpath:hardened.properties")
class RateLimitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	RealCsrf csrf;

	@org.junit.jupiter.api.BeforeEach
	void realCsrfToken() throws Exception {
		this.csrf = RealCsrf.fromSignInPage(this.mvc);
	}

	@Test
	void signInIsLimitedPerAccountWhateverTheAddress() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(login(user.username(), "wrong", "10.1.0." + i)).andExpect(status().is3xxRedirection());
		}
		this.mvc.perform(login(user.username(), TestAccounts.PASSWORD, "10.1.0.9"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("请求过于频繁")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM rate_limit_bucket WHERE id LIKE 'signin-user:%'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void signInIsLimitedPerAddressWhateverTheAccount() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(login("nobody" + i, "wrong", "10.2.0.1")).andExpect(status().is3xxRedirection());
		}
		this.mvc.perform(login("nobody9", "wrong", "10.2.0.1"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")));
		// another address is not held back
		this.mvc.perform(login("nobody9", "wrong", "10.2.0.2")).andExpect(status().is3xxRedirection());
	}

	@Test
	void thePublicObjectionFormIsLimitedPerAddress() throws Exception {
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post("/notices/999999/objections").with(this.csrf)
					.with(from("10.3.0.1"))
					.param("name", "张三")
					.param("content", "异议"))
				.andExpect((r) -> assertThat(r.getResponse().getStatus()).isNotEqualTo(429));
		}
		this.mvc
			.perform(post("/notices/999999/objections").with(this.csrf)
				.with(from("10.3.0.1"))
				.param("name", "张三")
				.param("content", "异议"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("秒后再试")));
	}

	@Test
	void thePublicApiIsLimitedPerAddressWithProblemJson() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/api/v1/registry").with(from("10.4.0.1"))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/v1/registry").with(from("10.4.0.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429));
	}

	@Test
	void anonymousReadsCreateNoSession() throws Exception {
		for (String path : new String[] { "/login", "/registry", "/notices", "/self-check", "/api/v1/registry",
				"/api/v1/notices" }) {
			long before = sessions();
			var request = get(path).with(from("10.5.0.1"));
			var response = this.mvc.perform(path.startsWith("/api/") ? request : request.accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(sessions())
				.as(() -> path + " wrote a session with "
						+ this.jdbc.sql("SELECT string_agg(attribute_name, ', ') FROM spring_session_attributes")
							.query(String.class)
							.single())
				.isEqualTo(before);
			assertThat(response.getCookies()).as(path).noneMatch((c) -> c.getName().endsWith("SESSION"));
		}
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String username,
			String password, String address) {
		return post("/login").with(this.csrf)
			.with(from(address))
			.param("username", username)
			.param("password", password);
	}

	private long sessions() {
		return this.jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
