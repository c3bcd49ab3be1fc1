package cn.zhongchuang.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of 等保 2.0 that deployments tune: failures before lockout, lockout
 * time, maximum password age (0 disables forced rotation, as ASVS prefers).
 */
@ConfigurationProperties("zhongchuang.security")
record IdentityProperties(int maxFailedLogins, Duration lockoutDuration, Duration passwordMaxAge) {

	IdentityProperties {
		if (maxFailedLogins < 1 || maxFailedLogins > 5) {
			throw new IllegalArgumentException("zhongchuang.security.max-failed-logins must be between 1 and 5");
		}
	}

}
