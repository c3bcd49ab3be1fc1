package cn.zhongchuang.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Issue 13 finding 3: parallel sign-in attempts on one account are each counted and
 * audited with their true outcome, and none answers 500.
 */
@IntegrationTest
class SignInRaceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fortyParallelWrongGuessesAreAllCountedAuditedAndLockTheAccount() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");

		List<Integer> statuses = parallel(40, (i) -> attempt(user.username(), "wrong" + i));

		assertThat(statuses).hasSize(40).allMatch((s) -> s == 302);
		assertThat(this.jdbc.sql("SELECT locked_until > now() FROM user_account WHERE id = :id")
			.param("id", user.id())
			.query(Boolean.class)
			.single()).isTrue();
		long counted = this.jdbc.sql("SELECT failed_attempts FROM user_account WHERE id = :id")
			.param("id", user.id())
			.query(Long.class)
			.single();
		long refusedAsLocked = loginRows(user.username(), "FAILURE", "账户已锁定");
		// every attempt whose password was checked is counted; the rest met the lock
		assertThat(counted + refusedAsLocked).isEqualTo(40);
		assertThat(counted).isGreaterThanOrEqualTo(5);
		assertThat(loginRows(user.username(), "FAILURE", null)).isEqualTo(40);
		assertThat(loginRows(user.username(), "SUCCESS", null)).isZero();
	}

	@Test
	void aRightPasswordAmongParallelGuessesIsAuditedAsWhatItWas() throws Exception {
		var user = this.accounts.create(Role.OPERATOR, "110105");

		List<Integer> statuses = parallel(12,
				(i) -> attempt(user.username(), (i == 6) ? TestAccounts.PASSWORD : "wrong" + i));

		assertThat(statuses).allMatch((s) -> s == 302);
		assertThat(loginRows(user.username(), null, null)).isEqualTo(12);
		long successes = loginRows(user.username(), "SUCCESS", null);
		assertThat(successes).isBetween(0L, 1L);
		assertThat(loginRows(user.username(), "FAILURE", null)).isEqualTo(12 - successes);
	}

	private int attempt(String username, String password) {
		try {
			return this.mvc.perform(formLogin().user(username).password(password))
				.andReturn()
				.getResponse()
				.getStatus();
		}
		catch (Exception ex) {
			// an exception escaping the filter chain is what the container answers 500 to
			return 500;
		}
	}

	private static List<Integer> parallel(int n, java.util.function.IntFunction<Integer> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			List<Future<Integer>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit((Callable<Integer>) () -> task.apply(index)));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : futures) {
				statuses.add(f.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}

	private long loginRows(String actor, String result, String detail) {
		return this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE actor = :a AND action = 'LOGIN'
				  AND (CAST(:r AS text) IS NULL OR result = :r) AND (CAST(:d AS text) IS NULL OR detail = :d)
				""").param("a", actor).param("r", result).param("d", detail).query(Long.class).single();
	}

}
