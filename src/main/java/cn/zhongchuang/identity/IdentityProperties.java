package cn.zhongchuang.identity;

import java.time.Duration;
import java.util.Set;

import cn.zhongchuang.platform.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings of 等保 2.0 that deployments tune: failures before lockout, lockout
 * time, maximum password age (0 disables forced rotation, as ASVS prefers), and whether
 * the roles that review, decide or administer must sign in with a TOTP second factor.
 */
@ConfigurationProperties("zhongchuang.security")
record IdentityProperties(int maxFailedLogins, Duration lockoutDuration, Duration passwordMaxAge,
		@DefaultValue Totp totp, @DefaultValue Session session) {

	IdentityProperties {
		if (maxFailedLogins < 1 || maxFailedLogins > 5) {
			throw new IllegalArgumentException("zhongchuang.security.max-failed-logins must be between 1 and 5");
		}
	}

	/**
	 * The second factor: required (zhongchuang.security.totp.required, on in production)
	 * for the roles listed; anyone may enrol voluntarily.
	 */
	record Totp(@DefaultValue("false") boolean required, @DefaultValue( {
			"EXPERT", "COUNTY_REVIEWER", "CITY_BUREAU", "PROVINCE", "NATIONAL", "AUDITOR", "ADMIN",
			"SECURITY_ADMIN" }) Set<Role> roles, @DefaultValue("众创") String issuer){

		boolean requiredFor(Role role) {
			return this.required && this.roles.contains(role);
		}

	}

	/**
	 * How long a signed-in session lives: {@code absolute-lifetime} from sign-in whatever
	 * the activity (default 12 h), {@code idle-timeout} without a request the user made
	 * (default 30 min; background polls such as the unread badge do not count).
	 */
	record Session(@DefaultValue("12h") Duration absoluteLifetime, @DefaultValue("30m") Duration idleTimeout) {

	}

}
