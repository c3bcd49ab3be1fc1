package cn.zhongchuang.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits (security.md, abuse): each a number of requests per period, refilled
 * gradually, counted in PostgreSQL so that every node shares them. Over the limit the
 * answer is 429 with {@code Retry-After}.
 *
 * @param enabled off only for a benchmark run
 * @param signInPerAccount sign-in attempts (password or code) for one login name
 * @param signInPerAddress sign-in attempts from one address, whatever the login name
 * @param objectionPerAddress objections lodged on public notices from one address
 * @param publicApiPerAddress requests to {@code /api/**} from one address
 */
@ConfigurationProperties("zhongchuang.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit signInPerAccount, Limit signInPerAddress,
		Limit objectionPerAddress, Limit publicApiPerAddress) {

	RateLimitProperties {
		signInPerAccount = (signInPerAccount != null) ? signInPerAccount : new Limit(10, Duration.ofMinutes(5));
		signInPerAddress = (signInPerAddress != null) ? signInPerAddress : new Limit(30, Duration.ofMinutes(1));
		objectionPerAddress = (objectionPerAddress != null) ? objectionPerAddress : new Limit(5, Duration.ofHours(1));
		publicApiPerAddress = (publicApiPerAddress != null) ? publicApiPerAddress
				: new Limit(300, Duration.ofMinutes(1));
	}

	/** {@code capacity} requests per {@code period}. */
	record Limit(long capacity, Duration period) {

		Limit {
			if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
				throw new IllegalArgumentException("a rate limit needs a capacity ≥ 1 and a positive period");
			}
		}

	}

}
