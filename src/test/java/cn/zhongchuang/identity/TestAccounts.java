package cn.zhongchuang.identity;

import java.util.concurrent.atomic.AtomicInteger;

import cn.zhongchuang.platform.Role;
import jakarta.servlet.http.Cookie;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * Creates accounts for tests through the real repository, each with a fresh login name.
 */
@Component
public class TestAccounts {

	public static final String PASSWORD = "Test#Pass2026";

	private static final AtomicInteger counter = new AtomicInteger();

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	TestAccounts(UserAccounts accounts, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.encoder = encoder;
	}

	public Account create(Role role, String region) {
		String username = "t" + role.name().toLowerCase().replace("_", "") + counter.incrementAndGet() + "x"
				+ System.nanoTime() % 100000;
		UserAccount saved = this.accounts.save(UserAccount.create(username, "测试 " + username,
				this.encoder.encode(PASSWORD), role, region, "测试单位", "13800138000", false, java.time.Instant.now()));
		return new Account(saved.id(), username, saved.toPrincipal(java.time.Instant.now(), java.time.Duration.ZERO));
	}

	/**
	 * Signs in through the real login form with the test password and returns the session
	 * cookie, for tests that follow what the session holds between requests.
	 */
	public static Cookie signIn(MockMvc mvc, String username) throws Exception {
		Cookie[] cookies = mvc.perform(formLogin().user(username).password(PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getResponse()
			.getCookies();
		return java.util.Arrays.stream(cookies)
			.filter((c) -> c.getName().endsWith("SESSION"))
			.findFirst()
			.orElseThrow();
	}

	public record Account(long id, String username, AuthenticatedUser principal) {
	}

}
