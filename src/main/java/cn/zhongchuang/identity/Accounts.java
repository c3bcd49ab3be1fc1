package cn.zhongchuang.identity;

import java.util.List;
import java.util.Optional;

import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small read-only query on accounts for other modules (notifications): who holds a role
 * for a region, and who a login name is. Changes nothing.
 */
@Service
public class Accounts {

	private final JdbcClient jdbc;

	private final Regions regions;

	Accounts(JdbcClient jdbc, Regions regions) {
		this.jdbc = jdbc;
		this.regions = regions;
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
		return this.jdbc.sql("SELECT id FROM user_account WHERE lower(username) = lower(:u)")
			.param("u", username)
			.query(Long.class)
			.optional();
	}

}
