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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UserAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminCreatesAUserWhoMustChangeTheTemporaryPasswordAndItIsAudited() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		String username = "newclerk" + System.nanoTime() % 100000;

		String body = this.mvc
			.perform(post("/api/v1/users").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"%s","displayName":"新办事员","role":"COUNTY_REVIEWER","regionCode":"620102"}
						""".formatted(username)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.user.role").value("COUNTY_REVIEWER"))
			.andExpect(jsonPath("$.user.regionName").value("甘肃省 兰州市 城关区"))
			.andExpect(jsonPath("$.user.mustChangePassword").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String temporary = body.replaceAll(".*\"temporaryPassword\":\"([^\"]+)\".*", "$1");

		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'USER_CREATE' AND actor = :a")
			.param("a", admin.username())
			.query(Long.class)
			.single()).isEqualTo(1);
		// The session lives in PostgreSQL (Spring Session): carry its cookie like a
		// browser does.
		var sessionCookie = this.mvc.perform(formLogin().user(username).password(temporary))
			.andExpect(authenticated())
			.andReturn()
			.getResponse()
			.getCookies()[0];
		this.mvc.perform(get("/").cookie(sessionCookie)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/api/v1/me").cookie(sessionCookie)).andExpect(status().isForbidden());
	}

	@Test
	void invalidFieldsAreNamedInProblemJson() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");

		this.mvc.perform(post("/api/v1/users").with(user(admin.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"1bad\",\"displayName\":\"\",\"role\":\"OPERATOR\",\"regionCode\":\"999999\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'username')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'regionCode')]").exists());
		this.mvc
			.perform(post("/api/v1/users").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"okname\",\"displayName\":\"x\",\"role\":\"KING\",\"regionCode\":\"110105\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		this.mvc
			.perform(post("/api/v1/users").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{broken"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void staleVersionIsAConflictAndChangesNothing() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		var clerk = this.accounts.create(Role.OPERATOR, "110105");
		String update = """
				{"version":0,"displayName":"改名一","role":"OPERATOR","regionCode":"110105"}""";

		this.mvc
			.perform(put("/api/v1/users/" + clerk.id()).with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(update))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put("/api/v1/users/" + clerk.id()).with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(update.replace("改名一", "改名二")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		assertThat(this.jdbc.sql("SELECT display_name FROM user_account WHERE id = :id")
			.param("id", clerk.id())
			.query(String.class)
			.single()).isEqualTo("改名一");
	}

	@Test
	void disablingAndResettingAreAuditedAndTakeEffect() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "620100");
		var clerk = this.accounts.create(Role.COUNTY_REVIEWER, "620102");

		this.mvc
			.perform(post("/admin/users/" + clerk.id() + "/disable").param("version", "0")
				.with(user(admin.principal()))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + clerk.id()));
		this.mvc.perform(formLogin().user(clerk.username()).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc
			.perform(post("/admin/users/" + clerk.id() + "/reset-password").param("version", "1")
				.with(user(admin.principal()))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + clerk.id() + "/temporary-password"))
			.andExpect(flash().attributeExists("temporaryPassword"));

		assertThat(this.jdbc
			.sql("SELECT action FROM audit_event WHERE object_type = 'user' AND object_id = :id ORDER BY id")
			.param("id", String.valueOf(clerk.id()))
			.query(String.class)
			.list()).containsSubsequence("USER_DISABLE", "LOGIN", "USER_RESET_PASSWORD");
	}

	@Test
	void userPageFormShowsErrorsNextToTheFieldsInChinese() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");

		this.mvc
			.perform(post("/admin/users").param("username", "")
				.param("displayName", "")
				.param("role", "CITY_BUREAU")
				.param("regionCode", "110105")
				.with(user(admin.principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请填写姓名")))
			.andExpect(content().string(containsString("登录名须以字母开头")));
	}

	@Test
	void stateChangingRequestsWithoutCsrfTokenAreRefused() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");

		this.mvc.perform(post("/api/v1/users").with(user(admin.principal()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"username\":\"nocsrf1\",\"displayName\":\"x\",\"role\":\"OPERATOR\",\"regionCode\":\"110105\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/admin/users").param("username", "nocsrf2").with(user(admin.principal())))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_account WHERE username LIKE 'nocsrf%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void nonAdministratorsCannotManageUsers() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100");
		var auditor = this.accounts.create(Role.AUDITOR, "000000");

		this.mvc.perform(get("/api/v1/users").with(user(bureau.principal()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users").with(user(auditor.principal()))).andExpect(status().isForbidden());
	}

}
