package cn.zhongchuang;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 9 of issue 13: the embedded default loses nothing that was committed, recovers
 * from a killed run at once, and an external database that is down at start is waited for
 * with readiness DOWN.
 */
class DurabilityTests {

	private static final String[] ARGS = { "--server.port=0", "--logging.level.root=WARN",
			"--zhongchuang.demo-data=false", "--zhongchuang.admin.initial-password=Xz9!kQ2#prod",
			"--zhongchuang.crypto.sm4-key=q83vEjRWeJCrze8SNFZ4kA==",
			"--zhongchuang.audit.hmac-key=dGVzdC1vbmx5LWF1ZGl0LWhtYWMta2V5LTMyYnl0ZXM=",
			"--zhongchuang.seal.hmac-key=dGVzdC1vbmx5LXNlYWwtaG1hYy1rZXktMzItYnl0ZXMh",
			"--zhongchuang.mentor.id-index-key=dGVzdC1vbmx5LW1lbnRvci1pZC1pbmRleC1rZXktMzI=" };

	@Test
	void aKilledRunLeavesNoCommittedRowBehindAndTheNextStartRecoversAtOnce(@TempDir Path dataDir) throws Exception {
		// 1. kill -9 of the application alone: its PostgreSQL stays behind as an orphan
		Child first = Child.start(dataDir, "first", 200);
		long orphanPid = postmasterPid(dataDir);
		first.kill();
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
			.as("the embedded server outlives the killed application")
			.contains(true);

		long started = System.nanoTime();
		try (ConfigurableApplicationContext restarted = start(dataDir)) {
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(took).as("no 90 s wait for the orphan's lock").isLessThan(Duration.ofSeconds(60));
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
			JdbcClient jdbc = restarted.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
			assertThat(committedMissing(jdbc, "first", first.committed)).isEmpty();
		}

		// 2. kill -9 of the application and of every PostgreSQL process at once, as a
		// power cut would: every commit that returned is still there
		Child second = Child.start(dataDir, "second", 3000);
		long postmaster = postmasterPid(dataDir);
		ProcessHandle pg = ProcessHandle.of(postmaster).orElseThrow();
		List<ProcessHandle> all = new ArrayList<>(pg.descendants().toList());
		all.add(pg);
		all.forEach(ProcessHandle::destroyForcibly);
		second.kill();
		pg.onExit().get(20, TimeUnit.SECONDS);
		try (ConfigurableApplicationContext restarted = start(dataDir)) {
			assertThat(committedMissing(restarted.getBean(JdbcClient.class), "second", second.committed)).isEmpty();
		}
	}

	@Test
	void anExternalDatabaseDownAtStartIsWaitedForAndReadinessFollowsIt(@TempDir Path dataDir) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://localhost:" + port + "/postgres";
		CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture
			.supplyAsync(() -> start(dataDir, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.hikari.connection-timeout=2000"));
		Thread.sleep(6000);
		assertThat(app).as("still waiting for the database, not exited").isNotDone();
		try (EmbeddedPostgres external = EmbeddedPostgres.builder()
			.setPort(port)
			.setRegisterShutdownHook(false)
			.setCleanDataDirectory(true)
			.start()) {
			try (ConfigurableApplicationContext context = app.get(120, TimeUnit.SECONDS)) {
				int httpPort = ((WebServerApplicationContext) context).getWebServer().getPort();
				assertThat(readiness(httpPort)).isEqualTo(200);
				external.close();
				assertThat(readiness(httpPort)).as("readiness DOWN while the database is gone").isEqualTo(503);
			}
		}
	}

	private static int readiness(int port) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static List<Integer> committedMissing(JdbcClient jdbc, String run, List<Integer> committed) {
		assertThat(committed).isNotEmpty();
		List<Integer> present = jdbc.sql("SELECT id FROM durability_probe WHERE run = :run")
			.param("run", run)
			.query(Integer.class)
			.list();
		List<Integer> missing = new ArrayList<>(committed);
		missing.removeAll(present);
		return missing;
	}

	private static long postmasterPid(Path dataDir) throws Exception {
		return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... more) {
		List<String> args = new ArrayList<>(List.of(ARGS));
		args.add("--zhongchuang.data-dir=" + dataDir);
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(ZhongchuangApplication.class).run(args.toArray(String[]::new));
	}

	/** The application in another JVM, committing rows until killed. */
	private static final class Child {

		final Process process;

		final BufferedReader out;

		final List<Integer> committed = new ArrayList<>();

		private Child(Process process) {
			this.process = process;
			this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		}

		static Child start(Path dataDir, String run, int commitsBeforeKill) throws Exception {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Ddurability.run=" + run, "-cp",
					System.getProperty("java.class.path"), DurabilityChild.class.getName()));
			command.addAll(List.of(ARGS));
			command.add("--zhongchuang.data-dir=" + dataDir);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			Child child = new Child(process);
			BufferedReader out = child.out;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
			String line;
			while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
				if (line.startsWith("COMMITTED ")) {
					child.committed.add(Integer.parseInt(line.substring(10).strip()));
					if (child.committed.size() >= commitsBeforeKill) {
						return child;
					}
				}
			}
			process.destroyForcibly();
			throw new IllegalStateException("the child application did not commit " + commitsBeforeKill + " rows");
		}

		/** kill -9, then every line it printed before dying counts as committed. */
		void kill() throws Exception {
			// SIGKILL through the handle: Process.destroyForcibly would also close the
			// pipe
			// that still holds its last lines
			this.process.toHandle().destroyForcibly();
			this.process.waitFor(20, TimeUnit.SECONDS);
			String line;
			while ((line = this.out.readLine()) != null) {
				if (line.startsWith("COMMITTED ")) {
					this.committed.add(Integer.parseInt(line.substring(10).strip()));
				}
			}
		}

	}

}
