package cn.zhongchuang.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two database roles (等保 2.0: the application's account has the least privilege it
 * needs). An owner migrates: Flyway connects as {@code spring.flyway.user} (embedded: the
 * cluster's {@code postgres}). The application connects as {@code spring.datasource.*}
 * (embedded: {@code zhongchuang_app}): after every migration the owner grants it SELECT,
 * INSERT, UPDATE and DELETE on the tables of the schema, with default privileges for the
 * tables later migrations create, and only SELECT and INSERT on the append-only tables
 * ({@link #APPEND_ONLY}); nothing on Flyway's history. At start the application checks
 * its own role: a superuser, the owner of a table, or a role that may change the audit
 * trail is refused when {@code zhongchuang.database.enforce-roles} holds (production) and
 * reported otherwise.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

	/** Tables the application may only read and append to. */
	static final List<String> APPEND_ONLY = List.of("audit_event", "audit_anchor");

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

	@Bean
	Callback applicationRoleGrants(ObjectProvider<EmbeddedPostgresConfiguration.EmbeddedAppRole> embedded,
			@Value("${spring.flyway.user:}") String flywayUser,
			@Value("${spring.datasource.username:}") String datasourceUser) {
		EmbeddedPostgresConfiguration.EmbeddedAppRole embeddedRole = embedded.getIfAvailable();
		String appRole = (embeddedRole != null) ? embeddedRole.name()
				: (!flywayUser.isBlank() && !datasourceUser.isBlank() && !flywayUser.equals(datasourceUser))
						? datasourceUser : null;
		return new Grants(appRole);
	}

	@Bean
	SmartInitializingSingleton databaseRoleCheck(DataSource dataSource,
			@Value("${zhongchuang.database.enforce-roles:false}") boolean enforce) {
		return () -> {
			List<String> problems = problems(JdbcClient.create(dataSource));
			if (problems.isEmpty()) {
				return;
			}
			String message = "the application's database role " + String.join("; ", problems)
					+ ". Give Flyway the owner (spring.flyway.user, spring.flyway.password) and the application "
					+ "a role of its own (spring.datasource.username, spring.datasource.password).";
			if (enforce) {
				throw new IllegalStateException("Refusing to start: " + message);
			}
			log.warn("Unsafe outside development: {}", message);
		};
	}

	/** What is wrong with the role the application connects as (nothing: empty). */
	static List<String> problems(JdbcClient jdbc) {
		List<String> problems = new ArrayList<>();
		String role = jdbc.sql("SELECT current_user").query(String.class).single();
		if (jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single()) {
			problems.add(role + " is a superuser");
		}
		long owned = jdbc.sql("""
				SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
				  AND pg_has_role(current_user, c.relowner, 'USAGE')
				""").query(Long.class).single();
		if (owned > 0) {
			problems.add(role + " owns " + owned + " tables or sequences");
		}
		for (String table : APPEND_ONLY) {
			Boolean mayChange = jdbc.sql("""
					SELECT has_table_privilege(current_user, c.oid, 'UPDATE')
					    OR has_table_privilege(current_user, c.oid, 'DELETE')
					    OR has_table_privilege(current_user, c.oid, 'TRUNCATE')
					FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = current_schema() AND c.relname = :table
					""").param("table", table).query(Boolean.class).optional().orElse(false);
			if (mayChange) {
				problems.add(role + " may UPDATE, DELETE or TRUNCATE " + table);
			}
		}
		return problems;
	}

	/** The owner's grants to the application's role after each migration. */
	static final class Grants implements Callback {

		private final String appRole;

		Grants(String appRole) {
			this.appRole = appRole;
		}

		@Override
		public boolean supports(Event event, Context context) {
			return this.appRole != null && event == Event.AFTER_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			String role = '"' + this.appRole.replace("\"", "\"\"") + '"';
			Connection connection = context.getConnection();
			try (Statement statement = connection.createStatement()) {
				String schema = Objects.requireNonNullElse(connection.getSchema(), "public");
				String s = '"' + schema.replace("\"", "\"\"") + '"';
				statement.execute("GRANT USAGE ON SCHEMA " + s + " TO " + role);
				statement.execute("REVOKE CREATE ON SCHEMA " + s + " FROM " + role);
				statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + s + " TO " + role);
				statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + s + " TO " + role);
				statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + s
						+ " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + role);
				statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + s
						+ " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + role);
				for (String table : APPEND_ONLY) {
					statement.execute("DO $$ BEGIN IF to_regclass('" + table + "') IS NOT NULL THEN "
							+ "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + table + " FROM " + role
							+ "; END IF; END $$");
				}
				statement.execute("DO $$ BEGIN IF to_regclass('flyway_schema_history') IS NOT NULL THEN "
						+ "REVOKE ALL ON flyway_schema_history FROM " + role + "; END IF; END $$");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot grant the application's role its privileges", ex);
			}
			log.info("Granted the database role {} its privileges (append-only: {})", this.appRole, APPEND_ONLY);
		}

		@Override
		public String getCallbackName() {
			return "application-role-grants";
		}

	}

}
