package cn.zhongchuang.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Backup and restore of the database's content, with the server's own COPY (no
 * {@code pg_dump} of a matching version needed, the embedded server ships none): every
 * table of the schema in one consistent snapshot (REPEATABLE READ, read only), one gzip'd
 * COPY file per table, the sequences' values, the schema version and each table's row
 * count in {@code manifest.properties}. Restore goes into a database migrated to the same
 * schema version (the application's own migrations create it): every table is emptied and
 * refilled in one transaction, foreign keys and triggers held off while it loads
 * ({@code session_replication_role = replica}, hence the owner connection), and the
 * sequences are set. Attachments live in the database ({@code attachment_blob}) and come
 * with it; the keys are copied by {@link BackupCommand}.
 */
public final class DatabaseBackup {

	static final String MANIFEST = "manifest.properties";

	private static final String HISTORY = "flyway_schema_history";

	private DatabaseBackup() {
	}

	/** Writes the content of the owner connection's schema to {@code dir}/db. */
	public static Properties backup(Connection owner, Path dir) throws SQLException, IOException {
		Path db = Files.createDirectories(dir.resolve("db"));
		boolean autoCommit = owner.getAutoCommit();
		owner.setAutoCommit(false);
		try (Statement statement = owner.createStatement()) {
			statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
			Properties manifest = new Properties();
			manifest.setProperty("created", Instant.now().toString());
			manifest.setProperty("schemaVersion", schemaVersion(statement));
			List<String> tables = tables(statement);
			manifest.setProperty("tables", String.join(",", tables));
			CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
			for (String table : tables) {
				try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(db.resolve(table + ".copy.gz")))) {
					long rows = copy.copyOut("COPY " + quote(table) + " TO STDOUT (FORMAT binary)", out);
					manifest.setProperty("rows." + table, Long.toString(rows));
				}
			}
			for (Map.Entry<String, String> sequence : sequences(statement).entrySet()) {
				manifest.setProperty("sequence." + sequence.getKey(), sequence.getValue());
			}
			try (OutputStream out = Files.newOutputStream(dir.resolve(MANIFEST))) {
				manifest.store(out, "Zhongchuang database backup");
			}
			owner.commit();
			return manifest;
		}
		catch (SQLException | IOException | RuntimeException ex) {
			owner.rollback();
			throw ex;
		}
		finally {
			owner.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Replaces the content of the owner connection's schema (migrated to the backup's
	 * version) with the backup in {@code dir}, all or nothing.
	 */
	public static void restore(Connection owner, Path dir) throws SQLException, IOException {
		Properties manifest = manifest(dir);
		boolean autoCommit = owner.getAutoCommit();
		owner.setAutoCommit(false);
		try (Statement statement = owner.createStatement()) {
			String version = schemaVersion(statement);
			if (!version.equals(manifest.getProperty("schemaVersion"))) {
				throw new IllegalStateException("the backup is of schema version "
						+ manifest.getProperty("schemaVersion") + ", the database is at " + version
						+ ": restore with the release that made the backup");
			}
			List<String> tables = List.of(manifest.getProperty("tables").split(","));
			statement.execute("SET LOCAL session_replication_role = replica");
			statement.execute("TRUNCATE " + String.join(", ", tables.stream().map(DatabaseBackup::quote).toList()));
			CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
			for (String table : tables) {
				try (InputStream in = new GZIPInputStream(
						Files.newInputStream(dir.resolve("db").resolve(table + ".copy.gz")))) {
					long rows = copy.copyIn("COPY " + quote(table) + " FROM STDIN (FORMAT binary)", in);
					if (rows != Long.parseLong(manifest.getProperty("rows." + table))) {
						throw new IllegalStateException("table " + table + ": " + rows
								+ " rows restored, the backup has " + manifest.getProperty("rows." + table));
					}
				}
			}
			for (String key : manifest.stringPropertyNames()) {
				if (key.startsWith("sequence.")) {
					String[] value = manifest.getProperty(key).split(":");
					statement.execute("SELECT setval(" + literal(quote(key.substring(9))) + ", "
							+ Long.parseLong(value[0]) + ", " + Boolean.parseBoolean(value[1]) + ")");
				}
			}
			owner.commit();
		}
		catch (SQLException | IOException | RuntimeException ex) {
			owner.rollback();
			throw ex;
		}
		finally {
			owner.setAutoCommit(autoCommit);
		}
	}

	/** A checksum of each table's content (md5 over its rows in a fixed order). */
	public static Map<String, String> checksums(Connection connection) throws SQLException {
		Map<String, String> sums = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			for (String table : tables(statement)) {
				try (ResultSet rs = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, "
						+ "E'\\n' ORDER BY t::text)), '') FROM " + quote(table) + " t")) {
					rs.next();
					sums.put(table, rs.getString(1));
				}
			}
		}
		return sums;
	}

	static Properties manifest(Path dir) throws IOException {
		Properties manifest = new Properties();
		try (InputStream in = Files.newInputStream(dir.resolve(MANIFEST))) {
			manifest.load(in);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new UncheckedIOException("not a backup directory (no " + MANIFEST + "): " + dir, ex);
		}
		return manifest;
	}

	private static String schemaVersion(Statement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT string_agg(version, ',' ORDER BY version) FROM " + HISTORY
				+ " WHERE success AND version IS NOT NULL")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static List<String> tables(Statement statement) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
				  AND NOT c.relispartition
				ORDER BY c.relname""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	private static Map<String, String> sequences(Statement statement) throws SQLException {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(
				"SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		for (String name : names) {
			try (ResultSet rs = statement.executeQuery("SELECT last_value, is_called FROM " + quote(name))) {
				rs.next();
				values.put(name, rs.getLong(1) + ":" + rs.getBoolean(2));
			}
		}
		return values;
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
