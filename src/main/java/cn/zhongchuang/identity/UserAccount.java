package cn.zhongchuang.identity;

import java.time.Duration;
import java.time.Instant;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.Role;

/**
 * An account. Its state changes only through the methods below, each of which checks that
 * the change makes sense now; the repository persists the result with an optimistic
 * version check.
 */
class UserAccount {

	private final Long id;

	private final String username;

	private String displayName;

	private String passwordHash;

	private Role role;

	private String regionCode;

	private String organization;

	private String phone;

	private boolean enabled;

	private int failedAttempts;

	private Instant lockedUntil;

	private Instant passwordChangedAt;

	private boolean mustChangePassword;

	private Instant lastLoginAt;

	private final Instant createdAt;

	private final int version;

	UserAccount(Long id, String username, String displayName, String passwordHash, Role role, String regionCode,
			String organization, String phone, boolean enabled, int failedAttempts, Instant lockedUntil,
			Instant passwordChangedAt, boolean mustChangePassword, Instant lastLoginAt, Instant createdAt,
			int version) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.regionCode = regionCode;
		this.organization = organization;
		this.phone = phone;
		this.enabled = enabled;
		this.failedAttempts = failedAttempts;
		this.lockedUntil = lockedUntil;
		this.passwordChangedAt = passwordChangedAt;
		this.mustChangePassword = mustChangePassword;
		this.lastLoginAt = lastLoginAt;
		this.createdAt = createdAt;
		this.version = version;
	}

	static UserAccount create(String username, String displayName, String passwordHash, Role role, String regionCode,
			String organization, String phone, boolean mustChangePassword, Instant now) {
		return new UserAccount(null, username, displayName, passwordHash, role, regionCode, organization, phone, true,
				0, null, now, mustChangePassword, null, now, 0);
	}

	void updateProfile(String displayName, Role role, String regionCode, String organization, String phone) {
		this.displayName = displayName;
		this.role = role;
		this.regionCode = regionCode;
		this.organization = organization;
		this.phone = phone;
	}

	void disable() {
		if (!this.enabled) {
			throw new ConflictException("账户已是停用状态");
		}
		this.enabled = false;
	}

	void enable() {
		if (this.enabled) {
			throw new ConflictException("账户已是启用状态");
		}
		this.enabled = true;
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	/**
	 * An administrator's reset: a temporary password the user must replace at the next
	 * sign-in.
	 */
	void resetPassword(String temporaryHash, Instant now) {
		this.passwordHash = temporaryHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = true;
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = false;
	}

	// failures and successes at sign-in are counted by UserAccounts.recordFailure /
	// recordSuccess in one statement each, so that parallel attempts never lose a count

	void unlock() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	boolean passwordExpired(Instant now, Duration maxAge) {
		return !maxAge.isZero() && this.passwordChangedAt.plus(maxAge).isBefore(now);
	}

	AuthenticatedUser toPrincipal(Instant now, Duration passwordMaxAge) {
		return new AuthenticatedUser(this.id, this.username, this.displayName, this.role, this.regionCode,
				this.passwordHash, this.enabled, isLocked(now),
				this.mustChangePassword || passwordExpired(now, passwordMaxAge));
	}

	Long id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String displayName() {
		return this.displayName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	String regionCode() {
		return this.regionCode;
	}

	String organization() {
		return this.organization;
	}

	String phone() {
		return this.phone;
	}

	boolean enabled() {
		return this.enabled;
	}

	int failedAttempts() {
		return this.failedAttempts;
	}

	Instant lockedUntil() {
		return this.lockedUntil;
	}

	Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

	boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	Instant lastLoginAt() {
		return this.lastLoginAt;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	int version() {
		return this.version;
	}

}
