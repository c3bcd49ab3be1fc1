package cn.zhongchuang.identity;

import java.util.Optional;

import cn.zhongchuang.platform.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only lookup of accounts for other modules (e.g. linking a pool expert to an
 * {@link Role#EXPERT} account). Reveals no password data; the caller checks region scope.
 */
@Service
public class UserDirectory {

	private final UserAccounts accounts;

	UserDirectory(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	public Optional<Entry> findByUsername(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return this.accounts.findByUsername(username.strip()).map(UserDirectory::entry);
	}

	@Transactional(readOnly = true)
	public Optional<Entry> findById(long id) {
		return this.accounts.findById(id).map(UserDirectory::entry);
	}

	private static Entry entry(UserAccount a) {
		return new Entry(a.id(), a.username(), a.displayName(), a.role(), a.regionCode(), a.enabled());
	}

	/** An account as other modules may see it. */
	public record Entry(long id, String username, String displayName, Role role, String regionCode, boolean enabled) {
	}

}
