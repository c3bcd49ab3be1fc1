package cn.zhongchuang.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.ChinaTime;

/**
 * The import pipeline, all in one transaction: stream the file, validate each row in
 * Java, COPY the valid rows into a temporary staging table, find duplicates and unknown
 * tenants with set-based SQL, and then either roll back (any bad row: nothing written,
 * every bad row reported with its line) or replace the imported months of the tenants
 * concerned with one DELETE and one INSERT … SELECT. The bookkeeping row is marked
 * SUCCEEDED in the same transaction; progress goes to it every few thousand rows through
 * a connection of its own.
 */
@Component
class TaxFilingImporter {

	/** Refused rows kept for the report; the count covers them all. */
	static final int MAX_ERRORS = 50_000;

	static final int PROGRESS_EVERY = 10_000;

	private static final Logger log = LoggerFactory.getLogger(TaxFilingImporter.class);

	private static final int COPY_BUFFER = 256 * 1024;

	/**
	 * Called every {@link #PROGRESS_EVERY} rows (tests use it to break the connection).
	 */
	interface Hook {

		Hook NONE = (importId, rows, backendPid) -> {
		};

		void rowsRead(long importId, int rows, int backendPid);

	}

	record Outcome(boolean succeeded, int rowsRead, int rowsWritten, int tenants, String months, int errorCount,
			List<FilingImportError> errors) {
	}

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separate;

	private final FilingImportJobs jobs;

	private final AuditTrail audit;

	private final ImportTempFiles tempFiles;

	private final int maxRows;

	TaxFilingImporter(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
			FilingImportJobs jobs, AuditTrail audit, ImportTempFiles tempFiles,
			@Value("${zhongchuang.tax-filing-import.max-rows:1100000}") int maxRows) {
		this.tempFiles = tempFiles;
		this.maxRows = maxRows;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jobs = jobs;
		this.audit = audit;
	}

	/**
	 * Runs the import of job {@code importId}; the job must be RUNNING. A rejected file
	 * returns its errors (nothing written); an exception means nothing was written
	 * either.
	 */
	Outcome run(long importId, Path file, String format, FilingImportScope scope, YearMonth currentMonth, String actor,
			String ip, Hook hook) {
		return this.transaction.execute((status) -> {
			Outcome outcome = stageAndLoad(importId, file, format, scope, currentMonth, actor, ip, hook, status);
			if (!outcome.succeeded()) {
				status.setRollbackOnly();
			}
			return outcome;
		});
	}

	private Outcome stageAndLoad(long importId, Path file, String format, FilingImportScope scope,
			YearMonth currentMonth, String actor, String ip, Hook hook, TransactionStatus status) {
		long started = System.nanoTime();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		PGConnection pg;
		try {
			pg = connection.unwrap(PGConnection.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("import needs a PostgreSQL connection", ex);
		}
		// the duplicate and tenant checks hash a million rows: keep them in memory
		this.jdbc.sql("SET LOCAL work_mem = '128MB'").update();
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE tax_filing_stage (
				  line INT NOT NULL, credit_code CHAR(18) NOT NULL, period DATE NOT NULL, filed BOOLEAN NOT NULL,
				  tax NUMERIC(14, 2)
				) ON COMMIT DROP""").update();
		List<FilingImportError> errors = new ArrayList<>();
		int[] counts = new int[2]; // rows read, errors beyond the cap
		FilingImportValidator validator = new FilingImportValidator(currentMonth);
		CopyBuffer buffer = new CopyBuffer();
		CopyIn copy;
		try {
			copy = pg.getCopyAPI().copyIn("COPY tax_filing_stage (line, credit_code, period, filed, tax) FROM STDIN");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY refused: " + ex.getMessage(), ex);
		}
		int pid = pidOf(pg);
		try {
			FilingImportSource.open(file, format, this.tempFiles).read((line, cells, progress) -> {
				int rows = ++counts[0];
				if (rows > this.maxRows) {
					// refused as soon as the limit is passed: the rest is never read
					throw new FilingImportSource.UnreadableFileException(
							"文件超过 " + this.maxRows + " 行的上限，已拒绝，未写入任何数据；请拆分为多个文件分批导入", null);
				}
				List<FilingImportError> rowErrors = new ArrayList<>(0);
				FilingImportRow row = validator.validate(line, cells, rowErrors);
				if (row != null) {
					buffer.add(row);
					if (buffer.size() >= COPY_BUFFER) {
						buffer.writeTo(copy);
					}
				}
				else {
					for (FilingImportError e : rowErrors) {
						if (errors.size() < MAX_ERRORS) {
							errors.add(e);
						}
						else {
							counts[1]++;
						}
					}
				}
				if (rows % PROGRESS_EVERY == 0) {
					int percent = (int) Math.round(progress * 90);
					this.separate.executeWithoutResult((s) -> this.jobs.progress(importId, rows, percent));
					hook.rowsRead(importId, rows, pid);
				}
			});
			buffer.writeTo(copy);
			copy.endCopy();
		}
		catch (IOException ex) {
			cancel(copy);
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			cancel(copy);
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			cancel(copy);
			throw ex;
		}
		long copied = System.nanoTime();
		int rowsRead = counts[0];
		if (rowsRead == 0) {
			return rejected(0, List.of(new FilingImportError(0, FilingImportError.ROW, "", "文件中没有数据行")), 1);
		}
		this.jdbc.sql("ANALYZE tax_filing_stage").update();
		// the tenants concerned, once per credit code (thousands, not a million rows);
		// codes without a tenant in scope are the unknown ones
		scope.bind(this.jdbc.sql("CREATE TEMPORARY TABLE tax_filing_tenant ON COMMIT DROP AS "
				+ "SELECT c.credit_code, t.id AS tenant_id, t.registered_from_team_on AS team_until "
				+ "FROM (SELECT DISTINCT credit_code FROM tax_filing_stage) c "
				+ "LEFT JOIN tenant t ON t.credit_code = c.credit_code AND " + scope.condition()))
			.update();
		this.jdbc.sql("ANALYZE tax_filing_tenant").update();
		int errorCount = errors.size() + counts[1];
		// a month before a team registered its company: no tax filing can belong to it
		boolean unknown = this.jdbc
			.sql("""
					SELECT EXISTS (SELECT 1 FROM tax_filing_tenant WHERE tenant_id IS NULL)
					    OR EXISTS (SELECT 1 FROM tax_filing_stage s JOIN tax_filing_tenant x ON x.credit_code = s.credit_code
					               WHERE s.period < date_trunc('month', x.team_until))""")
			.query(Boolean.class)
			.single();
		if (errorCount > 0 || unknown) {
			return rejected(rowsRead, errors, errorCount, scope);
		}
		long checked = System.nanoTime();
		List<LocalDate> months = this.jdbc.sql("SELECT DISTINCT period FROM tax_filing_stage ORDER BY period")
			.query(LocalDate.class)
			.list();
		this.separate.executeWithoutResult((s) -> this.jobs.progress(importId, rowsRead, 92));
		int tenants = this.jdbc.sql("SELECT count(DISTINCT tenant_id) FROM tax_filing_tenant")
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				DELETE FROM tenant_tax_filing f USING tax_filing_tenant x
				WHERE f.tenant_id = x.tenant_id AND f.period IN (:months)""").param("months", months).update();
		// a row repeated in the file breaks the primary key: cheaper to let the insert
		// find it
		// than to group a million rows when there is none
		Object beforeInsert = status.createSavepoint();
		int written;
		try {
			written = this.jdbc.sql("""
					INSERT INTO tenant_tax_filing (tenant_id, period, filed, tax_paid_cny, import_id)
					SELECT x.tenant_id, s.period, s.filed, s.tax, :import
					FROM tax_filing_stage s JOIN tax_filing_tenant x ON x.credit_code = s.credit_code""")
				.param("import", importId)
				.update();
		}
		catch (DuplicateKeyException ex) {
			status.rollbackToSavepoint(beforeInsert);
			return rejected(rowsRead, errors, errorCount, scope);
		}
		status.releaseSavepoint(beforeInsert);
		long wrote = System.nanoTime();
		log.info("Import {}: {} rows read, validated and copied in {} ms, checked in {} ms, written in {} ms", importId,
				rowsRead, (copied - started) / 1_000_000, (checked - copied) / 1_000_000,
				(wrote - checked) / 1_000_000);
		String monthList = months.stream().map((d) -> YearMonth.from(d).toString()).collect(Collectors.joining(","));
		if (!this.jobs.succeed(importId, rowsRead, written, tenants, monthList)) {
			throw new IllegalStateException("import " + importId + " is no longer running; rolled back");
		}
		this.audit.record(new AuditEntry("TAX_FILING_IMPORT", "tax_filing_import", String.valueOf(importId),
				AuditEntry.Result.SUCCESS, "导入纳税申报 " + written + " 条（" + tenants + " 家企业，所属期 " + monthList + "）",
				scope.regionCode(), actor, ip));
		return new Outcome(true, rowsRead, written, tenants, monthList, 0, List.of());
	}

	/** Rows whose credit code and period repeat an earlier row of the file. */
	private int duplicates(List<FilingImportError> errors, int room) {
		List<FilingImportError> found = this.jdbc.sql("""
				SELECT s.line, s.credit_code, to_char(s.period, 'YYYY-MM') AS month, d.first_line
				FROM tax_filing_stage s
				JOIN (SELECT credit_code, period, min(line) AS first_line FROM tax_filing_stage
				      GROUP BY credit_code, period HAVING count(*) > 1) d
				  ON d.credit_code = s.credit_code AND d.period = s.period AND s.line <> d.first_line
				ORDER BY s.line""")
			.query((rs, n) -> new FilingImportError(rs.getInt("line"), FilingImportError.ROW,
					rs.getString("credit_code") + " " + rs.getString("month"),
					"重复行：与第 " + rs.getInt("first_line") + " 行的统一社会信用代码和所属期相同"))
			.list();
		errors.addAll(found.subList(0, Math.min(room, found.size())));
		return found.size();
	}

	/** Rows whose credit code is not a tenant the importer may write for. */
	private int unknownTenants(FilingImportScope scope, List<FilingImportError> errors, int room) {
		String whose = (scope.operatorId() != null) ? "不是本机构的在孵企业" : "不是本辖区的在孵企业";
		List<FilingImportError> found = this.jdbc.sql("""
				SELECT s.line, s.credit_code FROM tax_filing_stage s
				JOIN tax_filing_tenant x ON x.credit_code = s.credit_code AND x.tenant_id IS NULL
				ORDER BY s.line""")
			.query((rs, n) -> new FilingImportError(rs.getInt(1), FilingImportError.CREDIT_CODE, rs.getString(2),
					"未知企业：该统一社会信用代码" + whose))
			.list();
		errors.addAll(found.subList(0, Math.min(room, found.size())));
		return found.size();
	}

	/**
	 * Rows for a month in which the tenant was still a 创业团队 (before the month it
	 * registered its company): tax filings do not apply to a team.
	 */
	private int teamMonths(List<FilingImportError> errors, int room) {
		List<FilingImportError> found = this.jdbc.sql("""
				SELECT s.line, s.credit_code, to_char(s.period, 'YYYY-MM') AS month, x.team_until
				FROM tax_filing_stage s JOIN tax_filing_tenant x ON x.credit_code = s.credit_code
				WHERE s.period < date_trunc('month', x.team_until)
				ORDER BY s.line""")
			.query((rs, n) -> new FilingImportError(rs.getInt("line"), FilingImportError.ROW,
					rs.getString("credit_code") + " " + rs.getString("month"),
					"不适用：该在孵对象于 " + ChinaTime.format(rs.getObject("team_until", LocalDate.class))
							+ " 由创业团队注册为企业，此前的所属期为创业团队，不适用纳税申报"))
			.list();
		errors.addAll(found.subList(0, Math.min(room, found.size())));
		return found.size();
	}

	/**
	 * Every bad row: those the validator found, repeated rows, unknown tenants and team
	 * months.
	 */
	private Outcome rejected(int rowsRead, List<FilingImportError> errors, int errorCount, FilingImportScope scope) {
		int count = errorCount;
		count += duplicates(errors, Math.max(0, MAX_ERRORS - errors.size()));
		count += unknownTenants(scope, errors, Math.max(0, MAX_ERRORS - errors.size()));
		count += teamMonths(errors, Math.max(0, MAX_ERRORS - errors.size()));
		errors.sort(Comparator.comparingInt(FilingImportError::line));
		return rejected(rowsRead, errors, count);
	}

	private static Outcome rejected(int rowsRead, List<FilingImportError> errors, int errorCount) {
		return new Outcome(false, rowsRead, 0, 0, null, errorCount, errors);
	}

	private static int pidOf(PGConnection pg) {
		return pg.getBackendPID();
	}

	private static void cancel(CopyIn copy) {
		try {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// the connection is gone or broken; the transaction rolls back either way
		}
	}

	/** Rows in COPY text format, ASCII only (the validator lets nothing else through). */
	static final class CopyBuffer {

		private byte[] bytes = new byte[COPY_BUFFER + 1024];

		private int size;

		int size() {
			return this.size;
		}

		void add(FilingImportRow row) {
			ensure(128);
			number(row.line());
			put('\t');
			ascii(row.creditCode());
			put('\t');
			LocalDate p = row.period();
			number(p.getYear());
			put('-');
			if (p.getMonthValue() < 10) {
				put('0');
			}
			number(p.getMonthValue());
			ascii("-01\t");
			put(row.filed() ? 't' : 'f');
			put('\t');
			if (row.taxPaid() == null) {
				ascii("\\N");
			}
			else {
				ascii(row.taxPaid().toPlainString());
			}
			put('\n');
		}

		void writeTo(CopyIn copy) {
			if (this.size == 0) {
				return;
			}
			try {
				copy.writeToCopy(this.bytes, 0, this.size);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
			}
			this.size = 0;
		}

		private void ensure(int extra) {
			if (this.size + extra > this.bytes.length) {
				this.bytes = java.util.Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + extra));
			}
		}

		private void put(char ch) {
			this.bytes[this.size++] = (byte) ch;
		}

		private void ascii(String s) {
			ensure(s.length());
			for (int i = 0; i < s.length(); i++) {
				this.bytes[this.size++] = (byte) s.charAt(i);
			}
		}

		private void number(int n) {
			ascii(Integer.toString(n));
		}

		byte[] toBytes() {
			return java.util.Arrays.copyOf(this.bytes, this.size);
		}

		static String text(FilingImportRow row) {
			CopyBuffer b = new CopyBuffer();
			b.add(row);
			return new String(b.toBytes(), StandardCharsets.US_ASCII);
		}

	}

}
