package cn.zhongchuang.identity;

import java.util.concurrent.atomic.AtomicInteger;

import cn.zhongchuang.platform.Role;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

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

	public record Account(long id, String username, AuthenticatedUser principal) {
	}

}
