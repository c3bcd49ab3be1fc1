package cn.zhongchuang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import cn.zhongchuang.platform.PersonalDataCipher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application as a user starts it: embedded PostgreSQL in a data directory, demo data
 * on the first start, everything kept on the next; production refuses a missing or
 * default password.
 */
class StartupTests {

	// a test-only SM4 key, as production sets ZHONGCHUANG_CRYPTO_SM4_KEY
	private static final String SM4_KEY = "--zhongchuang.crypto.sm4-key=q83vEjRWeJCrze8SNFZ4kA==";

	// a test-only key of the audit chain, as production sets ZHONGCHUANG_AUDIT_HMAC_KEY
	private static final String AUDIT_KEY = "--zhongchuang.audit.hmac-key=dGVzdC1vbmx5LWF1ZGl0LWhtYWMta2V5LTMyYnl0ZXM=";

	// a test-only key of the HMAC-SM3 seals, as production sets ZHONGCHUANG_SEAL_HMAC_KEY
	private static final String SEAL_KEY = "--zhongchuang.seal.hmac-key=dGVzdC1vbmx5LXNlYWwtaG1hYy1rZXktMzItYnl0ZXMh";

	// a test-only key of the mentors' ID number index, as production sets
	// ZHONGCHUANG_MENTOR_ID_INDEX_KEY
	private static final String MENTOR_KEY = "--zhongchuang.mentor.id-index-key=dGVzdC1vbmx5LW1lbnRvci1pZC1pbmRleC1rZXktMzI=";

	@Test
	void startsOnAFreshDataDirectoryAndKeepsItsDataOnRestart(@TempDir Path dataDir) throws Exception {
		long accounts;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			accounts = jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
			// admin and the 22 demo accounts (with bj_city, national, secadmin, the three
			// js_chain_* operators of the Jiangsu chain and cluster demo and the four
			// js_*
			// of the Jiangsu filing demo; js_province serves both demos)
			assertThat(accounts).isEqualTo(23);
			assertThat(jdbc.sql("SELECT count(*) FROM region").query(Long.class).single()).isEqualTo(3214);
			jdbc.sql("UPDATE user_account SET display_name = '重启前改的名字' WHERE username = 'lz_bureau'").update();
			assertThat(jdbc.sql("SELECT phone FROM expert WHERE phone IS NOT NULL").query(String.class).list())
				.isNotEmpty()
				.allMatch((phone) -> phone.startsWith(PersonalDataCipher.PREFIX));
		}
		assertThat(Files.exists(dataDir.resolve("pg/postgresql.conf"))).isTrue();
		// no key configured: the demo generated one, readable by its owner only
		Path keyFile = dataDir.resolve("sm4.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		String key = Files.readString(keyFile);

		try (ConfigurableApplicationContext second = start(dataDir)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).isEqualTo(accounts);
			assertThat(jdbc.sql("SELECT display_name FROM user_account WHERE username = 'lz_bureau'")
				.query(String.class)
				.single()).isEqualTo("重启前改的名字");
			assertThat(Files.readString(keyFile)).as("the key file is reused, not replaced").isEqualTo(key);
			PersonalDataCipher cipher = second.getBean(PersonalDataCipher.class);
			assertThat(jdbc.sql("SELECT phone FROM expert WHERE phone IS NOT NULL").query(String.class).list())
				.allMatch((phone) -> cipher.decrypt(phone).matches("1[0-9]{10}"));
		}
	}

	@Test
	void productionRefusesToStartWithoutAnAdministratorPassword(@TempDir Path dataDir) {
		assertThatThrownBy(
				() -> start(dataDir, "--spring.profiles.active=prod", SM4_KEY, AUDIT_KEY, SEAL_KEY, MENTOR_KEY).close())
			.hasStackTraceContaining("Refusing to start: no administrator password configured");
	}

	@Test
	void productionRefusesToStartWithADefaultAdministratorPassword(@TempDir Path dataDir) {
		assertThatThrownBy(() -> start(dataDir, "--spring.profiles.active=prod", SM4_KEY, AUDIT_KEY, SEAL_KEY,
				MENTOR_KEY, "--zhongchuang.admin.initial-password=Admin@123")
			.close()).hasStackTraceContaining("Refusing to start: the configured administrator password is a default");
	}

	@Test
	void productionRefusesToStartWithoutAnSm4Key(@TempDir Path dataDir) {
		assertThatThrownBy(() -> start(dataDir, "--spring.profiles.active=prod", AUDIT_KEY, SEAL_KEY, MENTOR_KEY,
				"--zhongchuang.admin.initial-password=Xz9!kQ2#prod")
			.close()).hasStackTraceContaining("Refusing to start: no SM4 key for personal data configured");
		assertThat(dataDir.resolve("sm4.key")).as("production never generates a key").doesNotExist();
	}

	@Test
	void productionRefusesToStartWithoutASealKey(@TempDir Path dataDir) {
		assertThatThrownBy(() -> start(dataDir, "--spring.profiles.active=prod", SM4_KEY, AUDIT_KEY,
				"--zhongchuang.admin.initial-password=Xz9!kQ2#prod")
			.close()).hasStackTraceContaining("Refusing to start: no key for the seals (HMAC-SM3) configured");
		assertThat(dataDir.resolve("seal-hmac.key")).as("production never generates a key").doesNotExist();
	}

	@Test
	void productionStartsWithAConfiguredPasswordAndNoDemoData(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext prod = start(dataDir, "--spring.profiles.active=prod", SM4_KEY, AUDIT_KEY,
				SEAL_KEY, MENTOR_KEY, "--zhongchuang.admin.initial-password=Xz9!kQ2#prod")) {
			JdbcClient jdbc = prod.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT username FROM user_account").query(String.class).list())
				.containsExactly("admin");
			String hash = jdbc.sql("SELECT password_hash FROM user_account").query(String.class).single();
			assertThat(prod.getBean(PasswordEncoder.class).matches("Xz9!kQ2#prod", hash)).isTrue();
		}
		assertThat(dataDir.resolve("sm4.key")).as("the configured key is used").doesNotExist();
	}

	@Test
	void productionCreatesTheFirstSecurityAdministratorFromConfiguration(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext prod = start(dataDir, "--spring.profiles.active=prod", SM4_KEY, AUDIT_KEY,
				SEAL_KEY, MENTOR_KEY, "--zhongchuang.admin.initial-password=Xz9!kQ2#prod",
				"--zhongchuang.security-admin.initial-password=Sec9!kQ2#prod")) {
			JdbcClient jdbc = prod.getBean(JdbcClient.class);
			assertThat(
					jdbc.sql("SELECT username || ':' || role FROM user_account ORDER BY id").query(String.class).list())
				.containsExactly("admin:ADMIN", "secadmin:SECURITY_ADMIN");
			String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE username = 'secadmin'")
				.query(String.class)
				.single();
			assertThat(prod.getBean(PasswordEncoder.class).matches("Sec9!kQ2#prod", hash)).isTrue();
		}
	}

	@Test
	void productionRunsAgainstAnExternalPostgresqlByConfigurationAlone(@TempDir Path dataDir) throws Exception {
		// A separate PostgreSQL server, as a production database would be: an owner that
		// migrates and the application's role, made by the database administrator.
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
			try (var connection = external.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("CREATE ROLE zc_owner LOGIN PASSWORD 'owner-secret'");
				statement.execute("CREATE ROLE zc_app LOGIN PASSWORD 'app-secret'");
				statement.execute("CREATE DATABASE zhongchuang OWNER zc_owner");
			}
			String url = external.getJdbcUrl("postgres", "zhongchuang").replaceAll("\\?.*", "");
			try (ConfigurableApplicationContext prod = start(dataDir, "--spring.profiles.active=prod", SM4_KEY,
					AUDIT_KEY, SEAL_KEY, MENTOR_KEY, "--spring.datasource.url=" + url,
					"--spring.datasource.username=zc_app", "--spring.datasource.password=app-secret",
					"--spring.flyway.user=zc_owner", "--spring.flyway.password=owner-secret",
					"--zhongchuang.admin.initial-password=Xz9!kQ2#prod")) {
				assertThat(prod.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
				JdbcClient jdbc = prod.getBean(JdbcClient.class);
				assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("zc_app");
				assertThat(jdbc.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event'")
					.query(String.class)
					.single()).isEqualTo("zc_owner");
				assertThat(
						jdbc.sql("SELECT has_table_privilege('audit_event', 'UPDATE')").query(Boolean.class).single())
					.isFalse();
				assertThat(jdbc.sql("SELECT username FROM user_account").query(String.class).list())
					.containsExactly("admin");
			}
			assertThat(Files.exists(dataDir.resolve("pg"))).as("no embedded server was started").isFalse();
		}
	}

	@Test
	void productionRefusesToConnectAsASuperuser(@TempDir Path dataDir) throws Exception {
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
			assertThatThrownBy(() -> start(dataDir, "--spring.profiles.active=prod", SM4_KEY, AUDIT_KEY, SEAL_KEY,
					MENTOR_KEY, "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--zhongchuang.admin.initial-password=Xz9!kQ2#prod")
				.close())
				.hasStackTraceContaining("Refusing to start: the application's database role postgres is a superuser");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--zhongchuang.data-dir=" + dataDir;
		all[1] = "--server.port=0";
		all[2] = "--logging.level.root=WARN";
		System.arraycopy(args, 0, all, 3, args.length);
		return new SpringApplicationBuilder(ZhongchuangApplication.class).run(all);
	}

}
