package cn.zhongchuang.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.platform.PersonalDataCipher;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The TOTP second factor by MockMvc with the session in PostgreSQL: enrolment on 账户安全,
 * the second step of the sign-in, replay and lockout, turning it off, the administrator's
 * reset. Here the factor is optional (the test default);
 * {@link SecondFactorRequiredTests} covers the required mode.
 */
@IntegrationTest
class SecondFactorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	Clock clock;

	@Autowired
	TestClock testClock;

	@Test
	void enrolsThenSignsInWithTheCodeAfterThePasswordAndNothingElseIsReachableBefore() throws Exception {
		var user = this.accounts.create(Role.CITY_BUREAU, "620100");
		Cookie session = signIn(user.username());
		// not enrolled, not required: the password is enough
		this.mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

		String secret = enrol(session);
		// stored under the SM4 cipher, never as the secret itself
		String stored = storedSecret(user.id());
		assertThat(stored).startsWith(PersonalDataCipher.PREFIX).doesNotContain(secret);
		assertThat(this.cipher.decrypt(stored)).isEqualTo(secret);
		assertThat(audits(user.username(), "TOTP_ENROL", "SUCCESS")).isEqualTo(1);

		Cookie second = signIn(user.username());
		this.mvc.perform(get("/").cookie(second)).andExpect(redirectedUrl("/login/totp"));
		this.mvc.perform(get("/account/password").cookie(second)).andExpect(redirectedUrl("/login/totp"));
		this.mvc.perform(get("/tenants").cookie(second)).andExpect(redirectedUrl("/login/totp"));
		this.mvc.perform(get("/api/v1/me").cookie(second)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/login/totp").cookie(second)).andExpect(status().isOk());

		this.mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", wrongCode(secret)))
			.andExpect(status().isUnprocessableContent());
		assertThat(failedAttempts(user.id())).isEqualTo(1);
		assertThat(audits(user.username(), "TOTP_VERIFY", "FAILURE")).isEqualTo(1);
		this.mvc.perform(get("/").cookie(second)).andExpect(redirectedUrl("/login/totp"));

		// the code of the next step (the current one was used up by the enrolment); the
		// user goes on to the page asked for before the code
		String code = Totp.code(secret, now().plusSeconds(30));
		this.mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/tenants"));
		this.mvc.perform(get("/").cookie(second)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/me").cookie(second)).andExpect(status().isOk());
		assertThat(failedAttempts(user.id())).isZero();
		assertThat(audits(user.username(), "TOTP_VERIFY", "SUCCESS")).isEqualTo(1);

		// the same code once more, in a new sign-in: refused as a replay
		Cookie third = signIn(user.username());
		this.mvc.perform(post("/login/totp").cookie(third).with(csrf()).param("code", code))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/").cookie(third)).andExpect(redirectedUrl("/login/totp"));
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE actor = :a AND action = 'TOTP_VERIFY' AND detail = '动态验证码已使用过'")
			.param("a", user.username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aSecondTabCannotReplaceAnEnrolledFactor() throws Exception {
		var user = this.accounts.create(Role.PROVINCE, "210000");
		Cookie tab = signIn(user.username());
		String otherSecret = (String) this.mvc.perform(get("/account/security").cookie(tab))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("secret");
		String secret = enrol(signIn(user.username()));

		this.mvc.perform(
				post("/account/security/enrol").cookie(tab).with(csrf()).param("code", Totp.code(otherSecret, now())))
			.andExpect(redirectedUrl("/account/security"));
		assertThat(this.cipher.decrypt(storedSecret(user.id()))).isEqualTo(secret);
		assertThat(audits(user.username(), "TOTP_ENROL", "FAILURE")).isEqualTo(2);
	}

	@Test
	void wrongCodesCountTowardsTheLockoutAndAFreshPasswordDoesNotResetTheCount() throws Exception {
		var user = this.accounts.create(Role.EXPERT, "620100");
		String secret = enrol(signIn(user.username()));

		Cookie session = signIn(user.username());
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", wrongCode(secret)))
				.andExpect(status().isUnprocessableContent());
		}
		// signing in again with the right password leaves the three failures counted
		session = signIn(user.username());
		assertThat(failedAttempts(user.id())).isEqualTo(3);
		this.mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", wrongCode(secret)))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", wrongCode(secret)))
			.andExpect(redirectedUrl("/login?error"));

		assertThat(this.jdbc.sql("SELECT locked_until > now() FROM user_account WHERE id = :id")
			.param("id", user.id())
			.query(Boolean.class)
			.single()).isTrue();
		// signed out, and locked even against the right password
		this.mvc.perform(get("/").cookie(session)).andExpect(unauthenticated());
		this.mvc.perform(formLogin().user(user.username()).password(TestAccounts.PASSWORD))
			.andExpect(unauthenticated());
	}

	@Test
	void aUserTurnsTheSecondFactorOffWithACurrentCode() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");
		String secret = enrol(signIn(user.username()));
		Cookie session = signIn(user.username());
		this.mvc
			.perform(post("/login/totp").cookie(session)
				.with(csrf())
				.param("code", Totp.code(secret, now().plusSeconds(30))))
			.andExpect(redirectedUrl("/"));

		this.mvc
			.perform(post("/account/security/disable").cookie(session).with(csrf()).param("code", wrongCode(secret)))
			.andExpect(status().isUnprocessableContent());
		assertThat(enrolled(user.id())).isTrue();
		// the step used at sign-in is spent: a minute later the code of the moment
		// turns it off
		this.testClock.advance(Duration.ofSeconds(60));
		try {
			this.mvc
				.perform(post("/account/security/disable").cookie(session)
					.with(csrf())
					.param("code", Totp.code(secret, now())))
				.andExpect(redirectedUrl("/account/security"));
		}
		finally {
			this.testClock.reset();
		}
		assertThat(enrolled(user.id())).isFalse();
		assertThat(audits(user.username(), "TOTP_DISABLE", "SUCCESS")).isEqualTo(1);

		Cookie after = signIn(user.username());
		this.mvc.perform(get("/").cookie(after)).andExpect(status().isOk());
	}

	@Test
	void anAdministratorResetsTheSecondFactorOfAUserInTheirRegionOnly() throws Exception {
		var user = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		String secret = enrol(signIn(user.username()));
		// signed in with the password, the code still to come when the reset happens
		Cookie pending = signIn(user.username());
		var otherRegionAdmin = this.accounts.create(Role.ADMIN, "110000");
		var admin = this.accounts.create(Role.ADMIN, "620000");

		this.mvc
			.perform(post("/admin/users/" + user.id() + "/reset-totp").with(user(otherRegionAdmin.principal()))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(enrolled(user.id())).isTrue();

		this.mvc.perform(get("/admin/users/" + user.id()).with(user(admin.principal())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("reset-totp")));
		this.mvc.perform(post("/admin/users/" + user.id() + "/reset-totp").with(user(admin.principal())).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + user.id()));
		assertThat(enrolled(user.id())).isFalse();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND action = 'TOTP_RESET' AND object_id = :id")
			.param("a", admin.username())
			.param("id", String.valueOf(user.id()))
			.query(Long.class)
			.single()).isEqualTo(1);

		// the pending sign-in ends: it starts again without the factor
		this.mvc
			.perform(post("/login/totp").cookie(pending)
				.with(csrf())
				.param("code", Totp.code(secret, now().plusSeconds(30))))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/").cookie(pending)).andExpect(unauthenticated());
		// the password alone signs in again (not required in this configuration)
		this.mvc.perform(get("/").cookie(signIn(user.username()))).andExpect(status().isOk());
	}

	private Cookie signIn(String username) throws Exception {
		return TestAccounts.signIn(this.mvc, username);
	}

	/** Enrols on 账户安全 with the secret the page shows; returns the secret. */
	private String enrol(Cookie session) throws Exception {
		MvcResult page = this.mvc.perform(get("/account/security").cookie(session))
			.andExpect(status().isOk())
			.andReturn();
		String secret = (String) page.getModelAndView().getModel().get("secret");
		assertThat(page.getResponse().getContentAsString()).contains(Totp.grouped(secret)).contains("otpauth://totp/");
		this.mvc.perform(post("/account/security/enrol").cookie(session).with(csrf()).param("code", wrongCode(secret)))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(
				post("/account/security/enrol").cookie(session).with(csrf()).param("code", Totp.code(secret, now())))
			.andExpect(redirectedUrl("/account/security"));
		return secret;
	}

	/** A six-digit code that is not valid for any step of the window now. */
	private String wrongCode(String secret) {
		Instant now = now();
		for (int candidate = 123456;; candidate = (candidate + 7919) % 1_000_000) {
			String code = "%06d".formatted(candidate);
			if (!code.equals(Totp.code(secret, now.minusSeconds(30))) && !code.equals(Totp.code(secret, now))
					&& !code.equals(Totp.code(secret, now.plusSeconds(30)))
					&& !code.equals(Totp.code(secret, now.plusSeconds(60)))) {
				return code;
			}
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	private boolean enrolled(long id) {
		return this.jdbc.sql("SELECT count(*) FROM user_totp WHERE user_id = :id")
			.param("id", id)
			.query(Long.class)
			.single() == 1;
	}

	private int failedAttempts(long id) {
		return this.jdbc.sql("SELECT failed_attempts FROM user_account WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private long audits(String actor, String action, String result) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND action = :action AND result = :r")
			.param("a", actor)
			.param("action", action)
			.param("r", result)
			.query(Long.class)
			.single();
	}

	private String storedSecret(long userId) {
		return this.jdbc.sql("SELECT secret FROM user_totp WHERE user_id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

}
