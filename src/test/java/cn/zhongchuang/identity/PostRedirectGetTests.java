package cn.zhongchuang.identity;

import jakarta.servlet.http.Cookie;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * POST-redirect-GET on the user pages: creating an account or resetting a password
 * answers a redirect; the temporary password shows once on the page after it, and a
 * reload of that page neither repeats the action nor shows the password again; a GET on
 * the POST path goes back to the page instead of 405.
 */
@IntegrationTest
class PostRedirectGetTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void creatingAnAccountRedirectsAndAReloadCreatesNothingMore() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		// a real session (the flash attribute lives in it between the POST and the GET)
		Cookie session = TestAccounts.signIn(this.mvc, admin.username());
		String username = "prg" + (System.nanoTime() % 1_000_000);
		MvcResult created = this.mvc
			.perform(post("/admin/users").param("username", username)
				.param("displayName", "重定向测试")
				.param("role", "CITY_BUREAU")
				.param("regionCode", "620100")
				.cookie(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = this.jdbc.sql("SELECT id FROM user_account WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		String page = "/admin/users/" + id + "/temporary-password";
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo(page);
		String password = (String) created.getFlashMap().get("temporaryPassword");
		assertThat(password).isNotBlank();

		// the page after the redirect shows the password
		this.mvc.perform(get(page).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(password))))
			.andExpect(content().string(containsString(username)));
		// a reload: no password, back to the account, and still one account
		this.mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/admin/users/" + id));
		this.mvc.perform(get("/admin/users/" + id).cookie(session))
			.andExpect(status().isOk())
			.andExpect(
					content().string(not(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(password)))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_account WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single()).isEqualTo(1);
		// the form's path itself, reloaded as a GET, is the list (no 405)
		this.mvc.perform(get("/admin/users/" + id + "/reset-password").with(user(admin.principal())))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void resettingAPasswordRedirectsAndAReloadDoesNotResetAgain() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		var clerk = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		this.mvc
			.perform(post("/admin/users/" + clerk.id() + "/reset-password").param("version", "0")
				.with(user(admin.principal()))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + clerk.id() + "/temporary-password"));
		this.mvc.perform(get("/admin/users/" + clerk.id() + "/temporary-password").with(user(admin.principal())))
			.andExpect(redirectedUrl("/admin/users/" + clerk.id()));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event
				WHERE action = 'USER_RESET_PASSWORD' AND object_type = 'user' AND object_id = :id
				""").param("id", String.valueOf(clerk.id())).query(Long.class).single()).isEqualTo(1);
	}

}
