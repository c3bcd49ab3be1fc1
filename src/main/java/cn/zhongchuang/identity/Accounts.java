package cn.zhongchuang.identity;

import java.util.List;
import java.util.Optional;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries on accounts for other modules: who holds a role for a region
 * (notifications), who a login name or id is (linking experts, demo data). Reveals no
 * password data and changes nothing; callers check region scope themselves.
 */
@Service
public class Accounts {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final UserAccounts accounts;

	Accounts(JdbcClient jdbc, Regions regions, UserAccounts accounts) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.accounts = accounts;
	}

	/**
	 * The enabled accounts with {@code role} whose data scope covers {@code regionCode}:
	 * accounts of that region or of any region above it (a county task in 620102 reaches
	 * the reviewers of 620102, 620100, 620000 and 全国, never those of 620103).
	 * @return account ids in ascending order; empty for an unknown region
	 */
	@Transactional(readOnly = true)
	public List<Long> idsWithRoleCovering(Role role, String regionCode) {
		List<String> covering = this.regions.path(regionCode).stream().map(Region::code).toList();
		if (covering.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT id FROM user_account WHERE role = :role AND enabled AND region_code = ANY(:codes) ORDER BY id")
			.param("role", role.name())
			.param("codes", covering.toArray(String[]::new))
			.query(Long.class)
			.list();
	}

	/** The id of the account with this login name (case-insensitive), if any. */
	@Transactional(readOnly = true)
	public Optional<Long> idOf(String username) {
		return find(username).map(Entry::id);
	}

	/** The account with this login name (case-insensitive), if any. */
	@Transactional(readOnly = true)
	public Optional<Entry> find(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return this.accounts.findByUsername(username.strip()).map(Accounts::entry);
	}

	@Transactional(readOnly = true)
	public Optional<Entry> find(long id) {
		return this.accounts.findById(id).map(Accounts::entry);
	}

	private static Entry entry(UserAccount a) {
		return new Entry(a.id(), a.username(), a.displayName(), a.role(), a.regionCode(), a.enabled());
	}

	/**
	 * An account as other modules may see it; usable as the acting user of system tasks.
	 */
	public record Entry(long id, String username, String displayName, Role role, String regionCode,
			boolean enabled) implements CurrentUser {
	}

}
