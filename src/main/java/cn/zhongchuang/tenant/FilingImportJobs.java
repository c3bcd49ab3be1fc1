package cn.zhongchuang.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;

/**
 * The bookkeeping rows of tax-filing imports (table tax_filing_import) and their refused
 * rows (tax_filing_import_error). Plain SQL; callers choose the transaction.
 */
@Repository
class FilingImportJobs {

	private static final String COLUMNS = """
			id, user_id, username, operator_id, region_code, file_name, file_format, file_bytes, status, rows_read,
			progress, rows_written, tenants, months, error_count, message, created_at, finished_at""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	FilingImportJobs(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
	}

	long insert(long userId, String username, Long operatorId, String regionCode, String fileName, String format,
			long bytes, String node) {
		OffsetDateTime now = now();
		return this.jdbc.sql("""
				INSERT INTO tax_filing_import (user_id, username, operator_id, region_code, file_name, file_format,
				                               file_bytes, status, node, heartbeat_at, created_at)
				VALUES (:user, :username, :operator, :region, :file, :format, :bytes, 'QUEUED', :node, :now, :now)
				RETURNING id""")
			.param("user", userId)
			.param("username", username)
			.param("operator", operatorId)
			.param("region", regionCode)
			.param("file", fileName)
			.param("format", format)
			.param("bytes", bytes)
			.param("node", node)
			.param("now", now)
			.query(Long.class)
			.single();
	}

	boolean start(long id) {
		return this.jdbc.sql(
				"UPDATE tax_filing_import SET status = 'RUNNING', heartbeat_at = :now WHERE id = :id AND status = 'QUEUED'")
			.param("id", id)
			.param("now", now())
			.update() == 1;
	}

	void progress(long id, int rowsRead, int progress) {
		this.jdbc.sql("""
				UPDATE tax_filing_import SET rows_read = :rows, progress = :progress, heartbeat_at = :now
				WHERE id = :id AND status = 'RUNNING'""")
			.param("id", id)
			.param("rows", rowsRead)
			.param("progress", Math.max(0, Math.min(100, progress)))
			.param("now", now())
			.update();
	}

	/** Marks the jobs this node runs as alive. */
	void heartbeat(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql(
				"UPDATE tax_filing_import SET heartbeat_at = :now WHERE id IN (:ids) AND status IN ('QUEUED', 'RUNNING')")
			.param("ids", ids)
			.param("now", now())
			.update();
	}

	/** Inside the import's transaction: commits with the filings or not at all. */
	boolean succeed(long id, int rowsRead, int rowsWritten, int tenants, String months) {
		return this.jdbc
			.sql("""
					UPDATE tax_filing_import SET status = 'SUCCEEDED', rows_read = :rows, progress = 100, rows_written = :written,
					       tenants = :tenants, months = :months, error_count = 0, finished_at = :now, heartbeat_at = :now
					WHERE id = :id AND status = 'RUNNING'""")
			.param("id", id)
			.param("rows", rowsRead)
			.param("written", rowsWritten)
			.param("tenants", tenants)
			.param("months", months)
			.param("now", now())
			.update() == 1;
	}

	void finish(long id, String status, int rowsRead, int errorCount, String message) {
		this.jdbc
			.sql("""
					UPDATE tax_filing_import SET status = :status, rows_read = GREATEST(rows_read, :rows), error_count = :errors, progress = 100,
					       message = :message, finished_at = :now, heartbeat_at = :now
					WHERE id = :id AND status IN ('QUEUED', 'RUNNING')""")
			.param("id", id)
			.param("status", status)
			.param("rows", rowsRead)
			.param("errors", errorCount)
			.param("message", message)
			.param("now", now())
			.update();
	}

	void insertErrors(long id, List<FilingImportError> errors) {
		int seq = 0;
		List<Object[]> batch = new java.util.ArrayList<>(errors.size());
		for (FilingImportError e : errors) {
			batch.add(new Object[] { id, ++seq, e.line(), e.column(), truncate(e.value()), e.reason() });
		}
		this.template.batchUpdate(
				"INSERT INTO tax_filing_import_error (import_id, seq, line, column_name, value, reason) VALUES (?, ?, ?, ?, ?, ?)",
				batch);
	}

	/**
	 * Jobs queued or running whose node has not said it is alive since {@code before}:
	 * FAILED.
	 */
	/**
	 * Marks the jobs whose node stopped answering FAILED; returns them, to be audited.
	 */
	List<Abandoned> failAbandoned(Instant before) {
		return this.jdbc.sql("""
				UPDATE tax_filing_import SET status = 'FAILED', message = '导入中断（处理节点停止响应），未写入任何数据，请重新导入',
				       finished_at = :now
				WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < :before
				RETURNING id, username, region_code, file_name, node""")
			.param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
			.param("now", now())
			.query((rs, n) -> new Abandoned(rs.getLong("id"), rs.getString("username"), rs.getString("region_code"),
					rs.getString("file_name"), rs.getString("node")))
			.list();
	}

	record Abandoned(long id, String username, String regionCode, String fileName, String node) {
	}

	Optional<FilingImportJob> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tax_filing_import WHERE id = :id")
			.param("id", id)
			.query(FilingImportJobs::map)
			.optional();
	}

	/** 导入记录: sorted by 时间 (newest first), 文件, 导入人, 状态; dates on 时间. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("createdAt", "created_at")
		.sort("file", "file_name")
		.sort("user", "username")
		.sort("status", "status")
		.defaultSort("createdAt", false)
		.instants("created_at")
		.build();

	/**
	 * An operator's imports, or those of a region scope (regionCodes) for government
	 * users (indexes {@code tax_filing_import_operator_idx} and {@code _region_idx}).
	 */
	ListQuery<FilingImportJob> list(Long operatorId, List<String> regionCodes) {
		ListQuery<FilingImportJob> list = ListQuery.of(this.jdbc, LIST, "SELECT " + COLUMNS + " FROM tax_filing_import",
				FilingImportJobs::map);
		if (operatorId != null) {
			return list.where("operator_id = :operator", "operator", operatorId);
		}
		return list.where("operator_id IS NULL")
			.where("region_code = ANY (:regions)", "regions", regionCodes.toArray(String[]::new));
	}

	List<FilingImportError> errors(long id, int limit) {
		return this.jdbc.sql("""
				SELECT line, column_name, value, reason FROM tax_filing_import_error
				WHERE import_id = :id ORDER BY seq LIMIT :limit""")
			.param("id", id)
			.param("limit", limit)
			.query((rs, n) -> new FilingImportError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private static String truncate(String value) {
		return (value != null && value.length() > 200) ? value.substring(0, 200) + "…" : value;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	private static FilingImportJob map(ResultSet rs, int n) throws SQLException {
		return new FilingImportJob(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
				(Long) rs.getObject("operator_id"), rs.getString("region_code"), rs.getString("file_name"),
				rs.getString("file_format"), rs.getLong("file_bytes"), rs.getString("status"), rs.getInt("rows_read"),
				rs.getInt("progress"), (Integer) rs.getObject("rows_written"), (Integer) rs.getObject("tenants"),
				rs.getString("months"), rs.getInt("error_count"), rs.getString("message"), instant(rs, "created_at"),
				instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}
