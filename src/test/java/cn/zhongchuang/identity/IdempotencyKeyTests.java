package cn.zhongchuang.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 13 finding 10: {@code Idempotency-Key} on the POST APIs. The same key and body
 * get the first answer again and nothing is created twice; another body is 422;
 * concurrent requests with one key create one record and answer 201 or 409. Kept in
 * PostgreSQL ({@code idempotency_key}).
 */
@IntegrationTest
class IdempotencyKeyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSameKeyAndBodyReplayTheFirstAnswerAndAnotherBodyIs422() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		String username = "idem" + System.nanoTime() % 1000000;
		String key = "key-" + username;

		MockHttpServletResponse first = create(admin, key, username, "县区办事员");
		MockHttpServletResponse second = create(admin, key, username, "县区办事员");
		MockHttpServletResponse other = create(admin, key, username, "另一个名字");

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(second.getStatus()).isEqualTo(201);
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(second.getHeader("Idempotency-Replayed")).isEqualTo("true");
		assertThat(other.getStatus()).isEqualTo(422);
		assertThat(other.getContentType()).startsWith("application/problem+json");
		assertThat(other.getContentAsString()).contains("Idempotency-Key");
		assertThat(users(username)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT state FROM idempotency_key WHERE key = :k")
			.param("k", key)
			.query(String.class)
			.single()).isEqualTo("DONE");
	}

	@Test
	void concurrentRequestsWithOneKeyCreateOneRecord() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		String username = "idemc" + System.nanoTime() % 1000000;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return create(admin, "key-" + username, username, "并发");
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<MockHttpServletResponse> answer : answers) {
				statuses.add(answer.get().getStatus());
			}
			assertThat(statuses).allMatch((s) -> s == 201 || s == 409).contains(201);
		}
		finally {
			pool.shutdown();
		}
		assertThat(users(username)).isEqualTo(1);
	}

	@Test
	void withoutAKeyNothingChanges() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		String username = "idemn" + System.nanoTime() % 1000000;
		assertThat(create(admin, null, username, "无键").getStatus()).isEqualTo(201);
		assertThat(create(admin, null, username, "无键").getStatus()).isEqualTo(400);
	}

	private MockHttpServletResponse create(TestAccounts.Account admin, String key, String username, String name)
			throws Exception {
		var request = post("/api/v1/users").with(user(admin.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"%s","role":"COUNTY_REVIEWER","regionCode":"620102"}
					""".formatted(username, name));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private long users(String username) {
		return this.jdbc.sql("SELECT count(*) FROM user_account WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
