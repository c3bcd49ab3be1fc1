package cn.zhongchuang.identity;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void correctPasswordSignsInAndIsAudited() throws Exception {
		var user = this.accounts.create(Role.CITY_BUREAU, "620100");

		this.mvc.perform(formLogin().user(user.username()).password(TestAccounts.PASSWORD))
			.andExpect(authenticated().withUsername(user.username()))
			.andExpect(redirectedUrl("/"));

		assertThat(auditRows(user.username(), "SUCCESS")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT ip FROM audit_event WHERE actor = :a AND action = 'LOGIN'")
			.param("a", user.username())
			.query(String.class)
			.single()).isEqualTo("127.0.0.1");
	}

	@Test
	void wrongPasswordFailsWithTheGenericMessageAndIsAudited() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");

		this.mvc.perform(formLogin().user(user.username()).password("wrong"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin().user("nobody-" + user.username()).password("wrong"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));

		assertThat(auditRows(user.username(), "FAILURE")).isEqualTo(1);
		assertThat(auditRows("nobody-" + user.username(), "FAILURE")).isEqualTo(1);
	}

	@Test
	void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(formLogin().user(user.username()).password("wrong" + i)).andExpect(unauthenticated());
		}
		// Four failures do not lock: the right password still works, and resets the
		// count.
		this.mvc.perform(formLogin().user(user.username()).password(TestAccounts.PASSWORD)).andExpect(authenticated());
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin().user(user.username()).password("wrong" + i)).andExpect(unauthenticated());
		}

		this.mvc.perform(formLogin().user(user.username()).password(TestAccounts.PASSWORD))
			.andExpect(unauthenticated())
			// The same answer as a wrong password: nothing tells an attacker that the
			// account exists.
			.andExpect(redirectedUrl("/login?error"));
		assertThat(this.jdbc.sql("SELECT locked_until > now() FROM user_account WHERE id = :id")
			.param("id", user.id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND detail = '账户已锁定'")
			.param("a", user.username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void signInWithoutCsrfTokenIsRefused() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");

		this.mvc.perform(post("/login").param("username", user.username()).param("password", TestAccounts.PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void disabledAccountCannotSignIn() throws Exception {
		var user = this.accounts.create(Role.EXPERT, "620100");
		this.jdbc.sql("UPDATE user_account SET enabled = false WHERE id = :id").param("id", user.id()).update();

		this.mvc.perform(formLogin().user(user.username()).password(TestAccounts.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	private long auditRows(String actor, String result) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND action = 'LOGIN' AND result = :r")
			.param("a", actor)
			.param("r", result)
			.query(Long.class)
			.single();
	}

}
