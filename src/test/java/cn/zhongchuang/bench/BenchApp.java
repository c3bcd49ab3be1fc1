package cn.zhongchuang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zhongchuang.ZhongchuangApplication;

/**
 * The benchmarks' database and application: an embedded PostgreSQL in target/bench-pg-SET
 * kept between runs, and the application on it as production runs it (template cache on,
 * no demo data), with keys of the benchmark's own.
 */
final class BenchApp {

	private BenchApp() {
	}

	static EmbeddedPostgres postgres(String set) throws IOException {
		Path dir = Path.of("target", "bench-pg-" + set).toAbsolutePath();
		Files.createDirectories(dir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.setServerConfig("timezone", "Asia/Shanghai")
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("shared_buffers", "512MB")
			.start();
	}

	/**
	 * The application on the database, listening on {@code port} (0 for any). Rate limits
	 * are off: the HTTP benchmarks send every request from one address, which the
	 * per-address limit of the public API would answer with 429 after 300 a minute.
	 */
	static ConfigurableApplicationContext start(String url, String username, String password, int port) {
		// the application itself: Flyway runs its migrations, and the import is the real
		// one
		Map<String, String> properties = Map.ofEntries(Map.entry("spring.datasource.url", url),
				Map.entry("spring.datasource.username", username), Map.entry("spring.datasource.password", password),
				Map.entry("zhongchuang.demo-data", "false"),
				Map.entry("zhongchuang.admin.initial-password", "Bench#Run-2026-x"),
				// a key of the benchmark's own (production refuses to start without one);
				// the generated contact phones are encrypted with it once
				Map.entry("zhongchuang.crypto.sm4-key", "YmVuY2gtb25seS1rZXkxNg=="),
				Map.entry("zhongchuang.audit.hmac-key", "YmVuY2gtb25seS1hdWRpdC1obWFjLWtleS0zMmJ5dGU="),
				Map.entry("zhongchuang.seal.hmac-key", "YmVuY2gtb25seS1zZWFsLWhtYWMta2V5LTMyYnl0ZXM="),
				Map.entry("zhongchuang.mentor.id-index-key", "YmVuY2gtb25seS1tZW50b3ItaWQtaW5kZXgta2V5LTMy"),
				// the generated titles are inserted in bulk, unsealed: sealing them in
				// the
				// background would compete with the measurements
				Map.entry("zhongchuang.seal.backfill", "false"), Map.entry("zhongchuang.rate-limits.enabled", "false"),
				Map.entry("server.port", String.valueOf(port)), Map.entry("logging.level.root", "WARN"),
				Map.entry("logging.level.cn.zhongchuang.tenant.TaxFilingImporter", "INFO"),
				Map.entry("spring.main.banner-mode", "off"), Map.entry("zhongchuang.data-dir", "target/bench-data"));
		// as command-line arguments: they win over application.yml (default properties
		// would not: server.port 8080 and demo-data true there)
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ZhongchuangApplication.class).run(args);
	}

}
