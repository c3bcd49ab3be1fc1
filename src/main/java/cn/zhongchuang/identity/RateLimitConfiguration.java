package cn.zhongchuang.identity;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The buckets of the rate limits in table {@code rate_limit_bucket} (Bucket4j,
 * PostgreSQL, {@code SELECT … FOR UPDATE}), shared by every node; buckets full again are
 * removed every five minutes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource dataSource) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	@Bean
	ExpiredBuckets expiredRateLimitBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		return new ExpiredBuckets(buckets, jdbc);
	}

	/**
	 * Removes buckets that have refilled (each node may run it: SKIP LOCKED) and expired
	 * idempotency keys.
	 */
	static final class ExpiredBuckets {

		private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

		private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

		ExpiredBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets,
				org.springframework.jdbc.core.simple.JdbcClient jdbc) {
			this.buckets = buckets;
			this.jdbc = jdbc;
		}

		@Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
		void removeExpired() {
			while (this.buckets.removeExpired(1000) == 1000) {
				// the next batch
			}
			this.jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < now()").update();
		}

	}

}
