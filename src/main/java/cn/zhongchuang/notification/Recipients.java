package cn.zhongchuang.notification;

import java.util.Objects;
import java.util.Set;

import cn.zhongchuang.platform.Role;

/**
 * Who receives a notification: one account, a set of accounts, or every enabled account
 * with a role whose region covers the object's region (the region itself or any region
 * above it; {@code cn.zhongchuang.identity.Accounts#idsWithRoleCovering}).
 */
public sealed interface Recipients {

	static Recipients user(long userId) {
		return new Users(Set.of(userId));
	}

	static Recipients users(Set<Long> userIds) {
		return new Users(Set.copyOf(userIds));
	}

	/**
	 * Accounts with {@code role} responsible for {@code regionCode}: of that region or
	 * above.
	 */
	static Recipients roleCovering(Role role, String regionCode) {
		return new RoleCovering(Objects.requireNonNull(role), Objects.requireNonNull(regionCode));
	}

	/** Explicit account ids. */
	record Users(Set<Long> ids) implements Recipients {
	}

	/** Accounts with the role whose data scope contains the region. */
	record RoleCovering(Role role, String regionCode) implements Recipients {
	}

}
