package cn.zhongchuang.identity;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** user_account.phone is SM4-encrypted in the table and shown masked. */
@IntegrationTest
class PhoneAtRestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTableHoldsCiphertextWhileTheApiShowsTheMaskedNumber() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		String username = "phoneclerk" + System.nanoTime() % 100000;
		this.mvc
			.perform(post("/api/v1/users").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"%s","displayName":"电话办事员","role":"COUNTY_REVIEWER","regionCode":"620102",
						 "phone":"13812345678"}
						""".formatted(username)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.user.phone").value("138****5678"));

		long id = this.jdbc.sql("SELECT id FROM user_account WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		String stored = this.jdbc.sql("SELECT phone FROM user_account WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("sm4g1:").doesNotContain("13812345678").doesNotContain("5678");

		this.mvc.perform(get("/api/v1/users/" + id).with(user(admin.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").value("138****5678"))
			.andExpect(content().string(not(containsString("sm4g1:"))));
	}

}
