package cn.zhongchuang.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two commands of the operations manual: <pre>
 * java -jar zhongchuang.jar backup  DIR [--zhongchuang.data-dir=./data]
 * java -jar zhongchuang.jar restore DIR [--zhongchuang.data-dir=NEW]
 * </pre> Backup writes the database ({@link DatabaseBackup}; attachments are in it) and,
 * for the embedded database, the keys of the data directory ({@code sm4.key} and later
 * {@code sm4.key.N}, {@code audit-hmac.key}, {@code seal-hmac.key} and later
 * {@code seal-hmac.key.N}, {@code mentor-id-index.key}, {@code db-app.password}) into
 * {@code DIR/keys}, owner-only. It works while the application runs (it connects to the
 * running embedded server) and when it is stopped. With an external database
 * ({@code SPRING_DATASOURCE_URL}) it connects as the owner
 * ({@code SPRING_FLYWAY_USER}/{@code _PASSWORD}, else the datasource's user); its keys
 * live in the deployment's configuration and are backed up there. Restore goes into a new
 * data directory (or an empty external database): the application's migrations create the
 * schema, then the content is loaded, all or nothing.
 */
public final class BackupCommand {

	static final List<String> KEY_FILES = List.of("sm4.key", "audit-hmac.key", "seal-hmac.key", "mentor-id-index.key",
			"db-app.password");

	/**
	 * The key files of a data directory: the fixed ones and the later keys of a keyring.
	 */
	static List<String> keyFiles(Path dir) throws IOException {
		List<String> names = new ArrayList<>();
		for (String name : KEY_FILES) {
			if (Files.exists(dir.resolve(name))) {
				names.add(name);
			}
		}
		for (String ring : List.of("sm4.key", "seal-hmac.key")) {
			Keyring.files(dir, ring).forEach((id, file) -> {
				if (id > 1) {
					names.add(file.getFileName().toString());
				}
			});
		}
		return names;
	}

	private BackupCommand() {
	}

	/** Runs {@code backup} or {@code restore} when the arguments ask for it. */
	public static boolean run(Class<?> application, String[] args) throws Exception {
		if (args.length < 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
			return false;
		}
		Path dir = Path.of(args[1]).toAbsolutePath().normalize();
		Path dataDir = Path
			.of(option(args, "zhongchuang.data-dir")
				.orElse(Optional.ofNullable(System.getenv("ZHONGCHUANG_DATA_DIR")).orElse("./data")))
			.toAbsolutePath()
			.normalize();
		if (args[0].equals("backup")) {
			backup(dataDir, dir);
			System.out.println("备份完成 / backup written to " + dir);
		}
		else {
			restore(application, dir, dataDir);
			System.out.println("恢复完成 / restored from " + dir);
		}
		return true;
	}

	/** Backs up the embedded database of {@code dataDir} (or the external one) to dir. */
	public static void backup(Path dataDir, Path dir) throws Exception {
		Files.createDirectories(dir);
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url != null && !url.isBlank()) {
			try (Connection owner = DriverManager.getConnection(url, ownerUser(), ownerPassword())) {
				DatabaseBackup.backup(owner, dir);
			}
			return;
		}
		Path pgDir = dataDir.resolve("pg");
		Optional<Integer> running = runningPort(pgDir);
		if (running.isPresent()) {
			try (Connection owner = DriverManager
				.getConnection("jdbc:postgresql://localhost:" + running.get() + "/postgres", "postgres", "")) {
				DatabaseBackup.backup(owner, dir);
			}
		}
		else {
			StalePostmaster.recover(pgDir);
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgDir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.start(); Connection owner = postgres.getPostgresDatabase().getConnection()) {
				DatabaseBackup.backup(owner, dir);
			}
		}
		Path keys = dir.resolve("keys");
		Files.createDirectories(keys);
		ownerOnly(keys, "rwx------");
		for (String name : keyFiles(dataDir)) {
			Files.copy(dataDir.resolve(name), keys.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			ownerOnly(keys.resolve(name), "rw-------");
		}
	}

	/**
	 * Restores dir into a new data directory (or the configured, empty external
	 * database).
	 */
	public static void restore(Class<?> application, Path dir, Path dataDir) throws Exception {
		DatabaseBackup.manifest(dir);
		boolean external = System.getenv("SPRING_DATASOURCE_URL") != null
				&& !System.getenv("SPRING_DATASOURCE_URL").isBlank();
		Map<String, Object> properties = new HashMap<>();
		if (!external) {
			if (Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))) {
				throw new IllegalStateException("Refusing to restore over an existing database in " + dataDir
						+ ": restore into a new data directory (--zhongchuang.data-dir=NEW)");
			}
			Files.createDirectories(dataDir);
			Path keys = dir.resolve("keys");
			for (String name : Files.isDirectory(keys) ? keyFiles(keys) : List.<String>of()) {
				Files.copy(keys.resolve(name), dataDir.resolve(name));
				ownerOnly(dataDir.resolve(name), "rw-------");
			}
			// the SM4 and seal keyrings (sm4.key, sm4.key.2, …) are read from the data
			// directory
			properties.put("zhongchuang.keys-from-data-dir", "true");
		}
		Path audit = external ? null : dataDir.resolve("audit-hmac.key");
		if (audit != null && Files.exists(audit)) {
			properties.put("zhongchuang.audit.hmac-key", Files.readString(audit, StandardCharsets.US_ASCII).strip());
		}
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		properties.put("zhongchuang.data-dir", dataDir.toString());
		properties.put("zhongchuang.demo-data", "false");
		// the accounts come from the backup; this one is replaced by them
		properties.put("zhongchuang.admin.initial-password", "Rz9!" + Base64.getEncoder().encodeToString(random));
		properties.put("spring.main.banner-mode", "off");
		// the security configuration needs the servlet stack; no fixed port is taken
		properties.put("server.port", "0");
		SpringApplication app = new SpringApplication(application);
		// as arguments: they must win over application.yml
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
			if (external) {
				try (Connection owner = DriverManager.getConnection(System.getenv("SPRING_DATASOURCE_URL"), ownerUser(),
						ownerPassword())) {
					DatabaseBackup.restore(owner, dir);
				}
			}
			else {
				try (Connection owner = context.getBean(EmbeddedPostgres.class).getPostgresDatabase().getConnection()) {
					DatabaseBackup.restore(owner, dir);
				}
			}
		}
	}

	private static Optional<Integer> runningPort(Path pgDir) throws IOException {
		Path pidFile = pgDir.resolve("postmaster.pid");
		Path lock = pgDir.resolve(StalePostmaster.LIBRARY_LOCK);
		if (!Files.exists(pidFile) || !Files.exists(lock)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		long pid = Long.parseLong(lines.get(0).strip());
		if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && lines.size() > 3) {
			return Optional.of(Integer.parseInt(lines.get(3).strip()));
		}
		return Optional.empty();
	}

	private static String ownerUser() {
		String user = System.getenv("SPRING_FLYWAY_USER");
		return (user != null && !user.isBlank()) ? user : System.getenv("SPRING_DATASOURCE_USERNAME");
	}

	private static String ownerPassword() {
		String user = System.getenv("SPRING_FLYWAY_USER");
		return (user != null && !user.isBlank()) ? System.getenv("SPRING_FLYWAY_PASSWORD")
				: System.getenv("SPRING_DATASOURCE_PASSWORD");
	}

	private static Optional<String> option(String[] args, String name) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return Optional.of(arg.substring(name.length() + 3));
			}
		}
		return Optional.empty();
	}

	private static void ownerOnly(Path path, String mode) throws IOException {
		if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
		}
	}

}
