package cn.zhongchuang.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed run leaves in the embedded data directory: after {@code kill -9} of the
 * application its PostgreSQL keeps running as an orphan (it was started by
 * {@code pg_ctl}, not as a child), and its {@code postmaster.pid} makes the next start
 * wait in vain. Before the embedded server starts, {@link #recover} stops such an orphan
 * (fast shutdown with the orphan's own {@code pg_ctl}, a signal as the fallback) or
 * removes a pid file whose process id now belongs to another program. It never touches a
 * server whose application is alive: that one holds the {@code epg-lock} file lock.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	/** The lock file the embedded server library holds while an application runs. */
	static final String LIBRARY_LOCK = "epg-lock";

	private StalePostmaster() {
	}

	/**
	 * Recovers {@code pgDir} from a killed run.
	 * @return what was found: NONE, STALE_FILE (pid file of a dead or foreign process,
	 * removed) or ORPHAN (a live orphaned server, stopped)
	 * @throws IllegalStateException when another running application uses the directory
	 */
	static Outcome recover(Path pgDir) throws IOException {
		Path pidFile = pgDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Outcome.NONE;
		}
		Path lockFile = pgDir.resolve(LIBRARY_LOCK);
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw new IllegalStateException("Refusing to start: another running application uses the database in "
						+ pgDir + " (it holds " + lockFile + ")");
			}
			try {
				return recoverHoldingLock(pgDir, pidFile);
			}
			finally {
				lock.release();
			}
		}
	}

	private static Outcome recoverHoldingLock(Path pgDir, Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (RuntimeException ex) {
			log.warn("Removing an unreadable {} left by a killed run", pidFile);
			Files.deleteIfExists(pidFile);
			return Outcome.STALE_FILE;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// PostgreSQL itself recognises a pid file of a dead process; nothing to stop
			log.info("Found {} of a server that is no longer running (pid {}); PostgreSQL recovers from its WAL",
					pidFile, pid);
			return Outcome.STALE_FILE;
		}
		Optional<String> command = process.get().info().command();
		if (command.isEmpty() || !Path.of(command.get()).getFileName().toString().equals("postgres")) {
			log.warn("Removing {}: its process id {} now belongs to another program ({})", pidFile, pid,
					command.orElse("unknown"));
			Files.deleteIfExists(pidFile);
			return Outcome.STALE_FILE;
		}
		log.warn("Stopping the orphaned embedded PostgreSQL (pid {}) left by a run that was killed", pid);
		stop(process.get(), Path.of(command.get()).resolveSibling("pg_ctl"), pgDir);
		return Outcome.ORPHAN;
	}

	private static void stop(ProcessHandle postmaster, Path pgCtl, Path pgDir) throws IOException {
		if (Files.isExecutable(pgCtl)) {
			try {
				Process stop = new ProcessBuilder(pgCtl.toString(), "stop", "-D", pgDir.toString(), "-m", "fast", "-w",
						"-t", "60")
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				stop.waitFor(70, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while stopping the orphaned PostgreSQL", ex);
			}
		}
		if (postmaster.isAlive()) {
			postmaster.destroy();
			waitForExit(postmaster, Duration.ofSeconds(30));
		}
		if (postmaster.isAlive()) {
			// crash recovery from the WAL on the next start; committed data is on disk
			// (synchronous_commit=on, fsync=on)
			postmaster.destroyForcibly();
			waitForExit(postmaster, Duration.ofSeconds(10));
		}
		if (postmaster.isAlive()) {
			throw new IllegalStateException("Refusing to start: cannot stop the orphaned PostgreSQL (pid "
					+ postmaster.pid() + ") in " + pgDir);
		}
	}

	private static void waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// still running: the caller escalates
		}
	}

	enum Outcome {

		NONE, STALE_FILE, ORPHAN

	}

}
