package cn.zhongchuang.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Regions;

/**
 * 纳税申报导入: an operator imports monthly tax filings for its own tenants, a county, city or
 * province user for the tenants of its region. {@link #submit} stores the upload in a
 * temporary file, records a job row (QUEUED) and runs the import on a worker thread of
 * this node; {@link #job} tells how far it is. All or nothing: a file with any bad row
 * writes nothing and its errors are kept with the job; a good file replaces the imported
 * months of the tenants it names. The node that runs a job marks it alive every 20
 * seconds; a job not marked for two minutes (its node died) is set FAILED by any node,
 * and since the filings are written in the import's single transaction, nothing of it
 * exists.
 */
@Service
public class FilingImports {

	/** Largest accepted upload. */
	public static final long MAX_BYTES = 100L * 1024 * 1024;

	static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(FilingImports.class);

	private final FilingImportJobs jobs;

	private final TaxFilingImporter importer;

	private final Operators operators;

	private final Regions regions;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final ExecutorService workers = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "filing-import-" + WORKER.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	private static final AtomicInteger WORKER = new AtomicInteger();

	private final ImportTempFiles tempFiles;

	FilingImports(FilingImportJobs jobs, TaxFilingImporter importer, Operators operators, Regions regions,
			Notifications notifications, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
			ImportTempFiles tempFiles) {
		this.tempFiles = tempFiles;
		this.jobs = jobs;
		this.importer = importer;
		this.operators = operators;
		this.regions = regions;
		this.notifications = notifications;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Accepts a file and starts importing it in the background.
	 * @param ip the client's address for the audit trail
	 * @return the job's id ({@link #job} tells its state)
	 * @throws FieldErrorException on field {@code file}: none chosen, too large, or the
	 * user may not import (an operator without a registered organisation)
	 */
	public long submit(CurrentUser user, String fileName, InputStream content, String ip) {
		FilingImportScope scope = scopeOf(user);
		Path file = store(content);
		long id = record(user, scope, fileName, file);
		this.running.add(id);
		try {
			this.workers.execute(() -> execute(id, user, scope, file, ip, TaxFilingImporter.Hook.NONE));
		}
		catch (RuntimeException ex) {
			this.running.remove(id);
			delete(file);
			throw ex;
		}
		return id;
	}

	/**
	 * Imports a file on the caller's thread (batch tools, benchmarks): the same checks
	 * and the same single transaction as {@link #submit}.
	 * @return the finished job
	 */
	public FilingImportJob importNow(CurrentUser user, String fileName, Path content) {
		return importNow(user, fileName, content, "system", TaxFilingImporter.Hook.NONE);
	}

	FilingImportJob importNow(CurrentUser user, String fileName, Path content, String ip, TaxFilingImporter.Hook hook) {
		FilingImportScope scope = scopeOf(user);
		Path file;
		try (InputStream in = Files.newInputStream(content)) {
			file = store(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long id = record(user, scope, fileName, file);
		this.running.add(id);
		execute(id, user, scope, file, ip, hook);
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * A job the user may see (their organisation's, or of their region); 404 otherwise.
	 */
	public FilingImportJob job(long id, CurrentUser user) {
		FilingImportJob job = this.jobs.find(id).orElseThrow(() -> new NotFoundException("tax-filing import " + id));
		if (!visible(job, user)) {
			throw new NotFoundException("tax-filing import " + id);
		}
		return job;
	}

	/**
	 * The refused rows of a job the user may see, in file order, at most {@code limit}.
	 */
	public List<FilingImportError> errors(long id, CurrentUser user, int limit) {
		job(id, user);
		return this.jobs.errors(id, limit);
	}

	/**
	 * The imports of the user's organisation (operators) or region (government users),
	 * newest first.
	 */
	public ListQuery<FilingImportJob> history(CurrentUser user) {
		FilingImportScope scope = scopeOf(user);
		return this.jobs.list(scope.operatorId(), scope.regionCodes());
	}

	/** Whether the user's role imports tax filings at all. */
	public static boolean mayImport(CurrentUser user) {
		return user.hasRole(Role.OPERATOR) || user.role().isGovernment();
	}

	FilingImportScope scopeOf(CurrentUser user) {
		if (user.hasRole(Role.OPERATOR)) {
			OperatorOrganisation org = this.operators.organisationOf(user)
				.orElseThrow(() -> new FieldErrorException("file", "请先登记运营机构，再导入纳税申报"));
			return new FilingImportScope(org.id(), org.regionCode(), null);
		}
		if (user.role().isGovernment()) {
			return new FilingImportScope(null, user.regionCode(), this.regions.codesWithin(user.regionCode()));
		}
		throw new NotFoundException("tax-filing imports");
	}

	private boolean visible(FilingImportJob job, CurrentUser user) {
		if (user.hasRole(Role.OPERATOR)) {
			return job.operatorId() != null
					&& this.operators.organisationOf(user).map((org) -> org.id() == job.operatorId()).orElse(false);
		}
		return user.role().isGovernment() && job.operatorId() == null
				&& this.regions.contains(user.regionCode(), job.regionCode());
	}

	private long record(CurrentUser user, FilingImportScope scope, String fileName, Path file) {
		String name = (fileName == null || fileName.isBlank()) ? "upload" : Path.of(fileName).getFileName().toString();
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		String format = FilingImportSource.detectFormat(file);
		long bytes;
		try {
			bytes = Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String finalName = name;
		return this.transaction.execute((s) -> this.jobs.insert(user.id(), user.username(), scope.operatorId(),
				scope.regionCode(), finalName, format, bytes, this.node));
	}

	private void execute(long id, CurrentUser user, FilingImportScope scope, Path file, String ip,
			TaxFilingImporter.Hook hook) {
		try {
			if (!this.transaction.execute((s) -> this.jobs.start(id))) {
				return;
			}
			FilingImportJob job = this.jobs.find(id).orElseThrow();
			YearMonth month = YearMonth.from(ChinaTime.today(this.clock));
			TaxFilingImporter.Outcome outcome;
			try {
				outcome = this.importer.run(id, file, job.fileFormat(), scope, month, user.username(), ip, hook);
			}
			catch (FilingImportSource.UnreadableFileException ex) {
				outcome = new TaxFilingImporter.Outcome(false, 0, 0, 0, null, 1,
						List.of(new FilingImportError(0, "文件", job.fileName(), ex.getMessage())));
			}
			if (outcome.succeeded()) {
				String body = "《" + job.fileName() + "》：写入 " + outcome.rowsWritten() + " 条，" + outcome.tenants()
						+ " 家企业，所属期 " + outcome.months();
				notifyQuietly(user, "纳税申报导入完成", body, id);
			}
			else {
				reject(id, user, scope, job, outcome, ip);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Tax-filing import {} failed: {}", id, ex.toString());
			fail(id, user, scope, ip);
		}
		finally {
			this.running.remove(id);
			delete(file);
		}
	}

	private void reject(long id, CurrentUser user, FilingImportScope scope, FilingImportJob job,
			TaxFilingImporter.Outcome outcome, String ip) {
		String message = (outcome.errorCount() == 1 && outcome.errors().size() == 1
				&& outcome.errors().get(0).line() == 0) ? outcome.errors().get(0).reason()
						: outcome.errorCount() + " 处错误，未写入任何数据";
		this.transaction.executeWithoutResult((s) -> {
			this.jobs.insertErrors(id, outcome.errors());
			this.jobs.finish(id, "REJECTED", outcome.rowsRead(), outcome.errorCount(), message);
			this.audit.record(new AuditEntry("TAX_FILING_IMPORT", "tax_filing_import", String.valueOf(id),
					AuditEntry.Result.FAILURE, "纳税申报导入被拒绝：《" + job.fileName() + "》" + message, scope.regionCode(),
					user.username(), ip));
		});
		notifyQuietly(user, "纳税申报导入未通过校验", "《" + job.fileName() + "》：" + message + "。请下载错误报告，修改后重新导入。", id);
	}

	private void fail(long id, CurrentUser user, FilingImportScope scope, String ip) {
		try {
			this.transaction.executeWithoutResult((s) -> {
				this.jobs.finish(id, "FAILED", 0, 0, "导入失败（系统或数据库错误），未写入任何数据，请重新导入");
				this.audit.record(new AuditEntry("TAX_FILING_IMPORT", "tax_filing_import", String.valueOf(id),
						AuditEntry.Result.FAILURE, "纳税申报导入失败，未写入任何数据", scope.regionCode(), user.username(), ip));
			});
			notifyQuietly(user, "纳税申报导入失败", "导入失败（系统或数据库错误），未写入任何数据，请重新导入。", id);
		}
		catch (RuntimeException ex) {
			// the sweeper marks it FAILED once its heartbeat is stale
			log.warn("Could not mark tax-filing import {} failed: {}", id, ex.toString());
		}
	}

	private void notifyQuietly(CurrentUser user, String title, String body, long id) {
		try {
			this.transaction.executeWithoutResult((s) -> this.notifications.notify(Recipients.user(user.id()), title,
					body, "/tax-filings/imports/" + id));
		}
		catch (RuntimeException ex) {
			log.warn("Could not notify about tax-filing import {}: {}", id, ex.toString());
		}
	}

	/**
	 * This node's running jobs are alive; jobs of a node that stopped answering are
	 * FAILED.
	 */
	@Scheduled(fixedDelayString = "${zhongchuang.tax-filing-import.heartbeat:20s}", initialDelay = 5_000)
	void heartbeat() {
		try {
			this.jobs.heartbeat(List.copyOf(this.running));
			List<FilingImportJobs.Abandoned> failed = this.jobs
				.failAbandoned(this.clock.instant().minus(ABANDONED_AFTER));
			if (!failed.isEmpty()) {
				log.warn("{} abandoned tax-filing import(s) marked FAILED", failed.size());
			}
			// each one audited (issue 13 finding 11): the import of its user ended
			// without data
			for (FilingImportJobs.Abandoned job : failed) {
				this.audit.record(new AuditEntry("TAX_FILING_IMPORT_FAILED", "tax_filing_import",
						String.valueOf(job.id()), AuditEntry.Result.FAILURE, "导入 " + job.fileName() + "（"
								+ job.username() + " 提交）因处理节点 " + job.node() + " 停止响应被标记为失败，未写入任何数据",
						job.regionCode(), "system", "system"));
			}
		}
		catch (RuntimeException ex) {
			log.debug("Tax-filing import heartbeat skipped: {}", ex.toString());
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.workers.shutdownNow();
	}

	private Path store(InputStream content) {
		if (content == null) {
			throw new FieldErrorException("file", "请选择要导入的文件");
		}
		try {
			Path file = this.tempFiles.create("upload-");
			try {
				try (InputStream in = new java.io.BufferedInputStream(content)) {
					long size = Files.copy(new LimitedInputStream(in, MAX_BYTES + 1), file,
							StandardCopyOption.REPLACE_EXISTING);
					if (size == 0) {
						delete(file);
						throw new FieldErrorException("file", "请选择要导入的文件（文件为空）");
					}
					if (size > MAX_BYTES) {
						delete(file);
						throw new FieldErrorException("file", "文件过大（上限 100 MB）");
					}
				}
				try {
					FilingImportSource.refuseUnsupported(file);
				}
				catch (FilingImportSource.UnreadableFileException ex) {
					delete(file);
					throw new FieldErrorException("file", ex.getMessage());
				}
				return file;
			}
			catch (IOException | RuntimeException ex) {
				// never an upload left behind
				delete(file);
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temporary file; the OS cleans up
		}
	}

	/** Reads at most {@code limit} bytes. */
	private static final class LimitedInputStream extends java.io.FilterInputStream {

		private long left;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int b = super.read();
			if (b >= 0) {
				this.left--;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int n = super.read(b, off, (int) Math.min(len, this.left));
			if (n > 0) {
				this.left -= n;
			}
			return n;
		}

	}

}
