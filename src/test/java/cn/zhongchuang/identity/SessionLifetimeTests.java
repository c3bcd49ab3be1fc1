package cn.zhongchuang.identity;

import java.time.Duration;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 finding 2: a session ends when the account is disabled, its role or region
 * changes or its password is reset; it has an absolute lifetime; the badge poll does not
 * keep it alive.
 */
@IntegrationTest
class SessionLifetimeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void disablingAnAccountEndsItsLiveSessions() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");
		Cookie session = TestAccounts.signIn(this.mvc, user.username());
		assertSignedIn(session);

		adminPost("/admin/users/" + user.id() + "/disable", user.id());

		assertSignedOut(session);
		assertThat(sessionsOf(user.username())).isZero();
	}

	@Test
	void resettingThePasswordEndsTheSessions() throws Exception {
		var user = this.accounts.create(Role.CITY_BUREAU, "620100");
		Cookie session = TestAccounts.signIn(this.mvc, user.username());

		adminPost("/admin/users/" + user.id() + "/reset-password", user.id());

		assertSignedOut(session);
	}

	@Test
	void changingTheRoleEndsTheSessionsAndAnUnchangedProfileDoesNot() throws Exception {
		var user = this.accounts.create(Role.CITY_BUREAU, "620100");
		Cookie session = TestAccounts.signIn(this.mvc, user.username());
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);

		this.mvc
			.perform(post("/admin/users/" + user.id()).with(user(admin.principal()))
				.with(csrf())
				.param("version", String.valueOf(version(user.id())))
				.param("displayName", "新名字")
				.param("role", "CITY_BUREAU")
				.param("regionCode", "620100"))
			.andExpect(status().is3xxRedirection());
		assertSignedIn(session);

		this.mvc
			.perform(post("/admin/users/" + user.id()).with(user(admin.principal()))
				.with(csrf())
				.param("version", String.valueOf(version(user.id())))
				.param("displayName", "新名字")
				.param("role", "PROVINCE")
				.param("regionCode", "620000"))
			.andExpect(status().is3xxRedirection());
		assertSignedOut(session);
	}

	@Test
	void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");
		Cookie session = TestAccounts.signIn(this.mvc, user.username());
		assertSignedIn(session);
		// active every 25 minutes for just under 12 hours: still signed in
		for (int i = 0; i < 28; i++) {
			this.clock.advance(Duration.ofMinutes(25));
			assertSignedIn(session);
		}
		this.clock.advance(Duration.ofMinutes(25));
		assertSignedOut(session);
	}

	@Test
	void theBadgePollIsNotActivity() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");
		Cookie active = TestAccounts.signIn(this.mvc, user.username());
		Cookie polling = TestAccounts.signIn(this.mvc, user.username());
		assertSignedIn(active);
		assertSignedIn(polling);

		this.clock.advance(Duration.ofMinutes(20));
		assertSignedIn(active);
		this.mvc.perform(get("/notifications/badge").cookie(polling).header("HX-Request", "true"))
			.andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(15));

		assertSignedIn(active);
		assertSignedOut(polling);
	}

	private void adminPost(String path, long userId) throws Exception {
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		this.mvc.perform(
				post(path).with(user(admin.principal())).with(csrf()).param("version", String.valueOf(version(userId))))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isLessThan(400));
	}

	private int version(long id) {
		return this.jdbc.sql("SELECT version FROM user_account WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private long sessionsOf(String username) {
		return this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private void assertSignedIn(Cookie session) throws Exception {
		this.mvc.perform(get("/notifications").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
	}

	private void assertSignedOut(Cookie session) throws Exception {
		this.mvc.perform(get("/notifications").cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

}
