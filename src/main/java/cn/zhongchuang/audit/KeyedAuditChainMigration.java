package cn.zhongchuang.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * Migration 1.2.1: the audit chain becomes keyed. Rows written before carry a plain SM3
 * chain; it is verified first (a trail already broken is not laundered: the migration
 * fails naming the row) and then every row is re-chained with HMAC-SM3 under the key
 * ({@link AuditKey}), as the owner, with the append-only trigger off for this one
 * transaction only. A Java migration because the key never enters the database.
 */
@Component
class KeyedAuditChainMigration implements JavaMigration {

	private final AuditKey key;

	KeyedAuditChainMigration(AuditKey key) {
		this.key = key;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("1.2.1");
	}

	@Override
	public String getDescription() {
		return "keyed audit chain (HMAC-SM3)";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
		}
		String expectedPrev = AuditTrail.GENESIS;
		String newPrev = AuditTrail.GENESIS;
		try (Statement select = connection.createStatement();
				PreparedStatement update = connection
					.prepareStatement("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?")) {
			select.setFetchSize(1000);
			int pending = 0;
			try (ResultSet rs = select.executeQuery("SELECT * FROM audit_event ORDER BY id")) {
				while (rs.next()) {
					StoredEvent old = AuditLog.map(rs, 0);
					if (!old.prevHash().equals(expectedPrev) || !AuditTrail.unkeyedHash(old).equals(old.hash())) {
						throw new IllegalStateException("the audit trail was altered before it was keyed: row "
								+ old.id() + " does not verify; refusing to re-chain it");
					}
					expectedPrev = old.hash();
					StoredEvent rechained = new StoredEvent(old.id(), old.occurredAt(), old.actor(), old.actorRole(),
							old.ip(), old.action(), old.objectType(), old.objectId(), old.result(), old.detail(),
							old.regionCode(), newPrev, null);
					String hash = this.key.chain(rechained);
					update.setString(1, newPrev);
					update.setString(2, hash);
					update.setLong(3, old.id());
					update.addBatch();
					newPrev = hash;
					if (++pending == 1000) {
						update.executeBatch();
						pending = 0;
					}
				}
			}
			if (pending > 0) {
				update.executeBatch();
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
		}
	}

}
