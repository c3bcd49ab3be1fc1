package cn.zhongchuang.identity;

import jakarta.servlet.http.Cookie;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With zhongchuang.security.totp.required=true (the production setting) a bureau user who
 * has not enrolled is sent to enrolment right after the password and reaches nothing else
 * until done; an operator is not. Its own application context.
 */
@IntegrationTest
@TestPropertySource(properties = "zhongchuang.security.totp.required=true")
class SecondFactorRequiredTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBureauUserMustEnrolBeforeAnythingElseAndThenCannotTurnItOff() throws Exception {
		var user = this.accounts.create(Role.CITY_BUREAU, "620100");
		Cookie session = signIn(user.username());

		this.mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/security"));
		this.mvc.perform(get("/applications").cookie(session)).andExpect(redirectedUrl("/account/security"));
		this.mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/login/totp").cookie(session)).andExpect(redirectedUrl("/account/security"));
		MvcResult page = this.mvc.perform(get("/account/security").cookie(session))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("totp-forced");
		String secret = (String) page.getModelAndView().getModel().get("secret");

		this.mvc
			.perform(post("/account/security/enrol").cookie(session)
				.with(csrf())
				.param("code", Totp.code(secret, java.time.Instant.now())))
			// on to the page asked for first
			.andExpect(redirectedUrl("/applications"));
		this.mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

		// required for the role: turning it off is refused and audited
		this.mvc
			.perform(post("/account/security/disable").cookie(session)
				.with(csrf())
				.param("code", Totp.code(secret, java.time.Instant.now().plusSeconds(30))))
			.andExpect(redirectedUrl("/account/security"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_totp WHERE user_id = :id")
			.param("id", user.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND action = 'TOTP_DISABLE' AND result = 'DENIED'")
			.param("a", user.username())
			.query(Long.class)
			.single()).isEqualTo(1);

		// the next sign-in asks for the code
		this.mvc.perform(get("/").cookie(signIn(user.username()))).andExpect(redirectedUrl("/login/totp"));
	}

	@Test
	void anOperatorIsNotForcedToEnrol() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "110105");
		this.mvc.perform(get("/").cookie(signIn(operator.username()))).andExpect(status().isOk());
	}

	private Cookie signIn(String username) throws Exception {
		return TestAccounts.signIn(this.mvc, username);
	}

}
