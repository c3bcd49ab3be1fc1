package cn.zhongchuang.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploads wait for their import: a directory of the application's own
 * ({@code zhongchuang.tax-filing-import.temp-dir}, default
 * {@code java.io.tmpdir/zhongchuang-imports}, mode 700), each file readable by the owner
 * only (mode 600), deleted in {@code finally} when its import ends, and what a killed run
 * left behind (older than {@link #STALE_AFTER}) swept at start.
 */
@Component
class ImportTempFiles {

	/** An upload this old belongs to no running import of any node on this machine. */
	static final Duration STALE_AFTER = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(ImportTempFiles.class);

	private final Path dir;

	ImportTempFiles(
			@Value("${zhongchuang.tax-filing-import.temp-dir:${java.io.tmpdir}/zhongchuang-imports}") String dir) {
		this.dir = Path.of(dir).toAbsolutePath().normalize();
		try {
			if (posix(this.dir.getParent())) {
				if (!Files.isDirectory(this.dir)) {
					Files.createDirectories(this.dir,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				}
				Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwx------"));
			}
			else {
				Files.createDirectories(this.dir);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the import directory " + this.dir, ex);
		}
		sweep(Instant.now().minus(STALE_AFTER));
	}

	Path dir() {
		return this.dir;
	}

	/** A new empty file, owner-only. */
	Path create(String prefix) throws IOException {
		if (posix(this.dir)) {
			FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions
				.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
			return Files.createTempFile(this.dir, prefix, ".tmp", ownerOnly);
		}
		return Files.createTempFile(this.dir, prefix, ".tmp");
	}

	/** Deletes the files last written before {@code before}; returns how many. */
	int sweep(Instant before) {
		int swept = 0;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.dir)) {
			for (Path file : files) {
				try {
					if (Files.isRegularFile(file)
							&& Files.getLastModifiedTime(file).compareTo(FileTime.from(before)) < 0) {
						Files.deleteIfExists(file);
						swept++;
					}
				}
				catch (IOException ex) {
					log.warn("Could not remove the left-over import file {}: {}", file, ex.toString());
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not sweep the import directory {}: {}", this.dir, ex.toString());
		}
		if (swept > 0) {
			log.info("Removed {} import file(s) left behind by an earlier run from {}", swept, this.dir);
		}
		return swept;
	}

	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the import file {}: {}", file, ex.toString());
		}
	}

	private static boolean posix(Path path) throws IOException {
		Path existing = path;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
	}

}
