package cn.zhongchuang.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.platform.EncryptedColumn;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PersonalDataCipher;
import cn.zhongchuang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Accounts in PostgreSQL, with plain SQL and an optimistic version check on every update.
 */
@Repository
class UserAccounts {

	private final JdbcClient jdbc;

	// the phone is stored SM4-encrypted (security.md, data)
	private final PersonalDataCipher cipher;

	UserAccounts(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Bean
	static EncryptedColumn userAccountPhone() {
		return new EncryptedColumn("user_account", "phone");
	}

	Optional<UserAccount> findById(long id) {
		return this.jdbc.sql("SELECT * FROM user_account WHERE id = :id").param("id", id).query(this::map).optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return this.jdbc.sql("SELECT * FROM user_account WHERE lower(username) = lower(:u)")
			.param("u", username)
			.query(this::map)
			.optional();
	}

	boolean existsByUsername(String username) {
		return findByUsername(username).isPresent();
	}

	long countByRole(Role role) {
		return this.jdbc.sql("SELECT count(*) FROM user_account WHERE role = :r")
			.param("r", role.name())
			.query(Long.class)
			.single();
	}

	/** Inserts a new account or updates an existing one; returns the stored state. */
	UserAccount save(UserAccount a) {
		if (a.id() == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("""
						INSERT INTO user_account (username, display_name, password_hash, role, region_code, organization, phone,
						  enabled, failed_attempts, locked_until, password_changed_at, must_change_password, last_login_at, created_at)
						VALUES (:username, :displayName, :hash, :role, :region, :org, :phone, :enabled, :failed, :lockedUntil,
						  :pwdChanged, :mustChange, :lastLogin, :created)
						""")
				.params(params(a))
				.update(keys, "id");
			return findById(keys.getKey().longValue()).orElseThrow();
		}
		int rows = this.jdbc.sql("""
				UPDATE user_account SET display_name = :displayName, password_hash = :hash, role = :role,
				  region_code = :region, organization = :org, phone = :phone, enabled = :enabled,
				  failed_attempts = :failed, locked_until = :lockedUntil, password_changed_at = :pwdChanged,
				  must_change_password = :mustChange, last_login_at = :lastLogin, version = version + 1
				WHERE id = :id AND version = :version
				""").params(params(a)).param("id", a.id()).param("version", a.version()).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("user_account " + a.id() + " was changed by someone else");
		}
		return findById(a.id()).orElseThrow();
	}

	/**
	 * Counts a failed sign-in in one statement, so that parallel guesses are each counted
	 * (no lost update, no optimistic-lock failure): a lock that has run out starts a new
	 * count; reaching {@code maxFailures} locks until {@code lockUntil}; a lock in force
	 * stays as it is.
	 * @return the count and lock after this failure, and whether this failure locked the
	 * account; empty for an unknown id
	 */
	Optional<Failure> recordFailure(long id, Instant now, int maxFailures, Instant lockUntil) {
		return this.jdbc.sql("""
				WITH before AS (SELECT id, failed_attempts, locked_until FROM user_account WHERE id = :id FOR UPDATE),
				counted AS (
				  SELECT id, locked_until,
				         CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
				              ELSE failed_attempts + 1 END AS attempts
				  FROM before)
				UPDATE user_account u SET failed_attempts = c.attempts,
				  locked_until = CASE WHEN c.locked_until > :now THEN c.locked_until
				                      WHEN c.attempts >= :max THEN :lockUntil ELSE NULL END,
				  version = u.version + 1
				FROM counted c WHERE u.id = c.id
				RETURNING u.failed_attempts, u.locked_until,
				  (c.locked_until IS NULL OR c.locked_until <= :now) AND c.attempts >= :max AS locked_now
				""")
			.param("id", id)
			.param("now", ts(now))
			.param("max", maxFailures)
			.param("lockUntil", ts(lockUntil))
			.query((rs, n) -> new Failure(rs.getInt("failed_attempts"), instant(rs, "locked_until"),
					rs.getBoolean("locked_now")))
			.optional();
	}

	/**
	 * A sign-in that succeeded (password, and the code where one is needed): the count
	 * starts again. One statement, no version check: it must not fail because a parallel
	 * guess counted a failure a moment before.
	 */
	void recordSuccess(long id, Instant now) {
		this.jdbc.sql("""
				UPDATE user_account SET failed_attempts = 0, locked_until = NULL, last_login_at = :now,
				  version = version + 1
				WHERE id = :id
				""").param("id", id).param("now", ts(now)).update();
	}

	/** The lockout state after a failed sign-in. */
	record Failure(int attempts, Instant lockedUntil, boolean lockedNow) {
	}

	/** 用户管理: the accounts within the scope that the filters leave, sortable. */
	ListQuery<UserAccount> list(UserQuery q, List<String> regionScope) {
		return ListQuery.of(this.jdbc, UserQuery.LIST, "SELECT * FROM user_account", this::map)
			.where("region_code = ANY(:scope)", "scope", regionScope.toArray(String[]::new))
			.keyword(q.keyword(), "(username ILIKE :kw OR display_name ILIKE :kw OR organization ILIKE :kw)")
			.filter((q.role() != null) ? q.role().name() : null, "role = :role", "role")
			.filter(q.region(), "region_code = :region", "region")
			.filter(q.enabled(), "enabled = :enabled", "enabled");
	}

	private Map<String, Object> params(UserAccount a) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("username", a.username());
		p.put("displayName", a.displayName());
		p.put("hash", a.passwordHash());
		p.put("role", a.role().name());
		p.put("region", a.regionCode());
		p.put("org", a.organization());
		p.put("phone", this.cipher.encrypt(a.phone()));
		p.put("enabled", a.enabled());
		p.put("failed", a.failedAttempts());
		p.put("lockedUntil", ts(a.lockedUntil()));
		p.put("pwdChanged", ts(a.passwordChangedAt()));
		p.put("mustChange", a.mustChangePassword());
		p.put("lastLogin", ts(a.lastLoginAt()));
		p.put("created", ts(a.createdAt()));
		return p;
	}

	private static OffsetDateTime ts(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

	UserAccount map(ResultSet rs, int n) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("region_code"),
				rs.getString("organization"), this.cipher.decrypt(rs.getString("phone")), rs.getBoolean("enabled"),
				rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "password_changed_at"),
				rs.getBoolean("must_change_password"), instant(rs, "last_login_at"), instant(rs, "created_at"),
				rs.getInt("version"));
	}

}
