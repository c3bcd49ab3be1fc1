package cn.zhongchuang.identity;

import java.time.Instant;

import cn.zhongchuang.platform.Role;

/** An account as shown to an administrator: never the password hash. */
record UserView(long id, String username, String displayName, Role role, String regionCode, String regionName,
		String organization, String phone, boolean enabled, boolean locked, boolean mustChangePassword,
		Instant lastLoginAt, Instant createdAt, int version) {

	static UserView of(UserAccount a, String regionName, Instant now) {
		return new UserView(a.id(), a.username(), a.displayName(), a.role(), a.regionCode(), regionName,
				a.organization(), maskPhone(a.phone()), a.enabled(), a.isLocked(now), a.mustChangePassword(),
				a.lastLoginAt(), a.createdAt(), a.version());
	}

	/** Phone numbers are personal data: shown as 138****5678 in lists and the API. */
	static String maskPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone;
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
