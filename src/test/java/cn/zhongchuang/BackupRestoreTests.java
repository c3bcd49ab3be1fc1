package cn.zhongchuang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.Map;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.BackupCommand;
import cn.zhongchuang.platform.DatabaseBackup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding 12 of issue 13: one command backs up, one restores, into a new cluster, with
 * every table's content the same.
 */
@IntegrationTest
class BackupRestoreTests {

	@Autowired
	TestDatabase database;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Value("${zhongchuang.crypto.sm4-key}")
	String sm4Key;

	@Value("${zhongchuang.audit.hmac-key}")
	String auditKey;

	@Value("${zhongchuang.seal.hmac-key}")
	String sealKey;

	@Test
	void aBackupRestoredIntoANewClusterHasEveryTableAsItWas(@TempDir Path work) throws Exception {
		this.trail.record(AuditEntry.success("BACKUP_TEST", "thing", 1, "备份前的记录", "620100"));
		this.jdbc.sql("INSERT INTO attachment_blob (storage_key, content) VALUES ('backup-test', '\\x00ff10'::bytea)")
			.update();
		Path backup = work.resolve("backup");
		Map<String, String> before;
		try (Connection owner = this.database.connectAsOwner()) {
			before = DatabaseBackup.checksums(owner);
			DatabaseBackup.backup(owner, backup);
		}
		assertThat(before).containsKeys("audit_event", "user_account", "attachment_blob", "region");
		// the keys, as the command copies them from a data directory (the test profile
		// configures them)
		Files.createDirectories(backup.resolve("keys"));
		Files.writeString(backup.resolve("keys/sm4.key"), this.sm4Key);
		Files.writeString(backup.resolve("keys/audit-hmac.key"), this.auditKey);
		Files.writeString(backup.resolve("keys/seal-hmac.key"), this.sealKey);

		Path restored = work.resolve("restored-data");
		BackupCommand.restore(ZhongchuangApplication.class, backup, restored);

		try (EmbeddedPostgres cluster = EmbeddedPostgres.builder()
			.setDataDirectory(restored.resolve("pg"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start(); Connection owner = cluster.getPostgresDatabase().getConnection()) {
			Map<String, String> after = DatabaseBackup.checksums(owner);
			// tables the running source changes by itself (session cleanup, job leases)
			// aside,
			// every table's checksum is the same
			before.keySet().removeIf(BackupRestoreTests::volatileTable);
			after.keySet().removeIf(BackupRestoreTests::volatileTable);
			assertThat(after).isEqualTo(before);
		}
		assertThatThrownBy(() -> BackupCommand.restore(ZhongchuangApplication.class, backup, restored))
			.hasMessageContaining("Refusing to restore over an existing database");
	}

	@Test
	void theBackupCommandCopiesTheKeysOwnerOnly(@TempDir Path work) throws Exception {
		Path dataDir = work.resolve("data");
		Files.createDirectories(dataDir);
		Files.writeString(dataDir.resolve("sm4.key"), "c2VjcmV0LWtleS0xNmJ5dA==\n");
		Path backup = work.resolve("b");
		try (EmbeddedPostgres source = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("pg"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start(); Connection owner = source.getPostgresDatabase().getConnection()) {
			owner.createStatement().execute("CREATE TABLE flyway_schema_history (version TEXT, success BOOLEAN)");
			owner.createStatement().execute("INSERT INTO flyway_schema_history VALUES ('1', true)");
			owner.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
			// the command connects to the running server
			BackupCommand.backup(dataDir, backup);
		}
		assertThat(Files.readString(backup.resolve("keys/sm4.key"))).contains("c2VjcmV0");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.resolve("keys/sm4.key"))))
			.isEqualTo("rw-------");
		assertThat(backup.resolve("db/t.copy.gz")).exists();
	}

	private static boolean volatileTable(String table) {
		return table.startsWith("spring_session") || table.equals("job_lock") || table.equals("event_publication")
				|| table.equals("tax_filing_import");
	}

}
