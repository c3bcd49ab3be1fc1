package cn.zhongchuang.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zhongchuang.ZhongchuangApplication;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.ExitRule;
import cn.zhongchuang.tenant.ExitScan;
import cn.zhongchuang.tenant.FilingImportJob;
import cn.zhongchuang.tenant.FilingImports;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data benchmarks of {@code bench/run}: generates the data set if the database lacks
 * it, then (a) the CSV import of up to 1,000,000 filings through the application's import
 * beside a raw COPY and a plain JDBC batch insert of the same rows, (b) the XLSX import
 * of up to 100,000 rows beside the CSV import of the same rows (both warmed, then
 * alternately three times each, medians), with the peak heap and CPU seconds of each, (c)
 * the exit-status scan beside a reference query. Writes the figures as JSON for
 * {@link BenchmarkReport}. Run in a JVM with -Xmx512m.
 * <p>
 * Arguments: data set, output JSON, and optionally a JDBC URL, user, password (otherwise
 * an embedded PostgreSQL in target/bench-pg-SET).
 * {@code -Dbench.only=import|xlsx|overview} runs just those sections
 * ({@code bench/run --only=...}).
 */
public final class DataBenchmarks {

	static final int IMPORT_ROWS = 1_000_000;

	static final int XLSX_ROWS = 100_000;

	static final int XLSX_WARM_ROWS = 20_000;

	static final int XLSX_RUNS = 3;

	static final int IMPORT_MONTHS = 20;

	private final DataSource dataSource;

	private final FilingImports imports;

	private final CurrentUser user;

	private final Path work;

	private final Map<String, Object> results = new LinkedHashMap<>();

	private ExitScan productScan;

	DataBenchmarks(DataSource dataSource, FilingImports imports, CurrentUser user, Path work) {
		this.dataSource = dataSource;
		this.imports = imports;
		this.user = user;
		this.work = work;
	}

	public static void main(String[] args) throws Exception {
		String set = args[0];
		Path out = Path.of(args[1]);
		DataGenerator.Size size = DataGenerator.size(set);
		EmbeddedPostgres pg = null;
		String url;
		String username;
		String password;
		if (args.length > 2) {
			url = args[2];
			username = args[3];
			password = args[4];
		}
		else {
			pg = BenchApp.postgres(set);
			pgData = Path.of("target", "bench-pg-" + set).toAbsolutePath();
			url = pg.getJdbcUrl("postgres", "postgres");
			username = "postgres";
			password = "postgres";
		}
		ConfigurableApplicationContext app = null;
		try {
			app = BenchApp.start(url, username, password, 0);
			DataSource ds = app.getBean(DataSource.class);
			Map<String, Object> generation = new LinkedHashMap<>();
			try (Connection c = ds.getConnection()) {
				long start = System.nanoTime();
				boolean made = new DataGenerator(c, size, 20261122L).generateIfAbsent();
				generation.put("generatedNow", made);
				generation.put("seconds", (System.nanoTime() - start) / 1e9);
				generation.put("titlesAddedNow", new DataGenerator(c, size, 20261122L).titlesIfAbsent());
				generation.put("shapesAddedNow", new DataGenerator(c, size, 20261122L).shapesIfAbsent());
				try (Statement s = c.createStatement();
						ResultSet rs = s.executeQuery(
								"SELECT institutions, tenants, filings, seconds FROM bench_dataset WHERE name = '" + set
										+ "'")) {
					rs.next();
					generation.put("institutions", rs.getInt(1));
					generation.put("tenants", rs.getInt(2));
					generation.put("filings", rs.getLong(3));
					generation.put("generationSeconds", rs.getDouble(4));
				}
			}
			long adminId;
			try (Connection c = ds.getConnection();
					Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT id FROM user_account WHERE username = 'admin'")) {
				rs.next();
				adminId = rs.getLong(1);
			}
			CurrentUser province = new BenchUser(adminId);
			Path work = Files.createDirectories(Path.of("target", "bench-work"));
			DataBenchmarks bench = new DataBenchmarks(ds, app.getBean(FilingImports.class), province, work);
			bench.productScan = app.getBean(ExitScan.class);
			bench.results.put("dataset", set);
			bench.results.put("generation", generation);
			bench.results.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
			// bench.only: "overview" (just the statistics overview), "import" (both
			// import
			// sections, nothing else), "xlsx" (the XLSX section alone); empty: everything
			String only = System.getProperty("bench.only", "");
			int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
			// bench.only: a comma list of parts; overview and http are the web parts,
			// import
			// (both import sections) and xlsx (the XLSX section alone) the import parts;
			// empty: everything
			java.util.Set<String> parts = only.isEmpty() ? java.util.Set.of() : java.util.Set.of(only.split(","));
			if (parts.isEmpty() || parts.contains("overview")) {
				bench.overview(port);
			}
			if (parts.isEmpty() || parts.contains("http")) {
				HttpBenchmarks web = new HttpBenchmarks(ds, port);
				try {
					bench.results.put("publicPages", web.publicPages());
					bench.results.put("bureauPages", web
						.bureauPages(app.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)));
				}
				catch (RuntimeException ex) {
					// the other benchmarks still run; the report says what failed
					bench.results.put("publicPages", Map.of("skipped", "failed: " + ex));
				}
			}
			boolean imports = parts.isEmpty() || parts.contains("import") || parts.contains("xlsx");
			if (!imports) {
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), bench.results);
				System.out.println("overview benchmark written to " + out);
				return;
			}
			if (only.isEmpty()) {
				bench.exitScan();
			}
			bench.save();
			try {
				// XLSX first: measured right after the 1,000,000-row CSV run it took four
				// times as long in one run on a busy machine (cause not found), while the
				// CSV run beside it did not
				bench.xlsxImport();
				if (parts.isEmpty() || parts.contains("import")) {
					bench.csvImport();
				}
			}
			finally {
				bench.restore();
			}
			JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), bench.results);
			System.out.println("data benchmarks written to " + out);
		}
		finally {
			if (app != null) {
				app.close();
			}
			if (pg != null) {
				pg.close();
			}
		}
	}

	/** A province-level user with the national scope: imports for every tenant. */
	record BenchUser(long id) implements CurrentUser {

		@Override
		public String username() {
			return "bench";
		}

		@Override
		public String displayName() {
			return "基准测试";
		}

		@Override
		public Role role() {
			return Role.PROVINCE;
		}

		@Override
		public String regionCode() {
			return "000000";
		}

	}

	record Filing(long tenantId, String creditCode, LocalDate period, long taxFen) {
	}

	/**
	 * Tenants in id order, each with the last {@link #IMPORT_MONTHS} months, up to
	 * {@code limit} rows.
	 */
	List<Filing> rows(int limit) throws SQLException {
		List<Filing> rows = new ArrayList<>(limit);
		Random random = new Random(42);
		YearMonth first = DataGenerator.LAST_MONTH.minusMonths(IMPORT_MONTHS - 1);
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement s = c.prepareStatement(
						"SELECT id, credit_code FROM tenant WHERE credit_code IS NOT NULL AND registered_from_team_on IS NULL ORDER BY id LIMIT ?")) {
			s.setInt(1, (limit + IMPORT_MONTHS - 1) / IMPORT_MONTHS);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next() && rows.size() < limit) {
					for (int m = 0; m < IMPORT_MONTHS && rows.size() < limit; m++) {
						rows.add(new Filing(rs.getLong(1), rs.getString(2), first.plusMonths(m).atDay(1),
								random.nextInt(10_000_000)));
					}
				}
			}
		}
		return rows;
	}

	void csvImport() throws Exception {
		List<Filing> warm = rows(20_000);
		importFile(writeCsv(warm, "warm.csv"), span(warm));
		List<Filing> rows = rows(IMPORT_ROWS);
		Path csv = writeCsv(rows, "filings.csv");
		Path copyText = this.work.resolve("filings.copy");
		try (BufferedWriter w = Files.newBufferedWriter(copyText, StandardCharsets.UTF_8)) {
			for (Filing f : rows) {
				w.write(f.tenantId() + "\t" + f.period() + "\tt\t" + yuan(f.taxFen()) + "\n");
			}
		}
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("rows", rows.size());
		r.put("fileMiB", Files.size(csv) / (1024.0 * 1024));
		clear(rows);
		long start = System.nanoTime();
		try (Connection c = this.dataSource.getConnection(); InputStream in = Files.newInputStream(copyText)) {
			c.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY tenant_tax_filing (tenant_id, period, filed, tax_paid_cny) FROM STDIN", in);
		}
		r.put("copySeconds", (System.nanoTime() - start) / 1e9);
		clear(rows);
		start = System.nanoTime();
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement s = c.prepareStatement(
					"INSERT INTO tenant_tax_filing (tenant_id, period, filed, tax_paid_cny) VALUES (?, ?, true, ?)")) {
				int n = 0;
				for (Filing f : rows) {
					s.setLong(1, f.tenantId());
					s.setObject(2, f.period());
					s.setBigDecimal(3, java.math.BigDecimal.valueOf(f.taxFen(), 2));
					s.addBatch();
					if (++n % 1000 == 0) {
						s.executeBatch();
					}
				}
				s.executeBatch();
			}
			c.commit();
		}
		r.put("batchSeconds", (System.nanoTime() - start) / 1e9);
		Span span = span(rows);
		rows = null; // the benchmark's own copy of the rows must not count towards the
						// import's heap
		Map<String, Object> imported = importFile(csv, span);
		r.put("importSeconds", imported.get("seconds"));
		r.put("importJvmCpuSeconds", imported.get("jvmCpuSeconds"));
		r.put("importDbCpuSeconds", imported.get("dbCpuSeconds"));
		r.put("importPeakHeapMiB", imported.get("peakHeapMiB"));
		r.put("importStatus", imported.get("status"));
		this.results.put("csvImport", r);
	}

	void xlsxImport() throws Exception {
		// both readers warmed alike before either is measured: with only the XLSX one
		// warmed (5,000 rows), the XLSX run paid for compiling the shared validation and
		// COPY code (JFR: seconds of JIT compilation during it) and the CSV run after it
		// did not
		List<Filing> warm = rows(XLSX_WARM_ROWS);
		importFile(writeXlsx(warm, "warm.xlsx"), span(warm));
		importFile(writeCsv(warm, "warm-100k.csv"), span(warm));
		List<Filing> rows = rows(XLSX_ROWS);
		Path csv = writeCsv(rows, "filings-100k.csv");
		Path xlsx = writeXlsx(rows, "filings-100k.xlsx");
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("rows", rows.size());
		r.put("xlsxMiB", Files.size(xlsx) / (1024.0 * 1024));
		Span span = span(rows);
		rows = null;
		// alternately, XLSX_RUNS times each, the median of each reported: one run each
		// said more about the machine's other load and the JIT's queue than about the
		// readers
		List<Map<String, Object>> xs = new ArrayList<>();
		List<Map<String, Object>> cs = new ArrayList<>();
		for (int i = 0; i < XLSX_RUNS; i++) {
			xs.add(importFile(xlsx, span));
			cs.add(importFile(csv, span));
		}
		Map<String, Object> x = median(xs);
		Map<String, Object> c = median(cs);
		r.put("runs", XLSX_RUNS);
		r.put("xlsxSecondsAll", xs.stream().map((m) -> m.get("seconds")).toList());
		r.put("csvSecondsAll", cs.stream().map((m) -> m.get("seconds")).toList());
		r.put("xlsxSeconds", x.get("seconds"));
		r.put("xlsxJvmCpuSeconds", x.get("jvmCpuSeconds"));
		r.put("xlsxDbCpuSeconds", x.get("dbCpuSeconds"));
		r.put("csvJvmCpuSeconds", c.get("jvmCpuSeconds"));
		r.put("csvDbCpuSeconds", c.get("dbCpuSeconds"));
		r.put("xlsxPeakHeapMiB", xs.stream().mapToDouble((m) -> (Double) m.get("peakHeapMiB")).max().orElse(0));
		r.put("xlsxStatus", x.get("status"));
		r.put("csvSeconds", c.get("seconds"));
		r.put("csvPeakHeapMiB", cs.stream().mapToDouble((m) -> (Double) m.get("peakHeapMiB")).max().orElse(0));
		r.put("csvStatus", c.get("status"));
		this.results.put("xlsxImport", r);
	}

	/** The run with the median wall-clock time. */
	private static Map<String, Object> median(List<Map<String, Object>> runs) {
		List<Map<String, Object>> sorted = new ArrayList<>(runs);
		sorted.sort(java.util.Comparator.comparingDouble((m) -> (Double) m.get("seconds")));
		return sorted.get(sorted.size() / 2);
	}

	private Path writeXlsx(List<Filing> rows, String name) throws IOException {
		Path xlsx = this.work.resolve(name);
		SXSSFWorkbook wb = new SXSSFWorkbook(200);
		try (OutputStream out = Files.newOutputStream(xlsx)) {
			Sheet sheet = wb.createSheet("纳税申报");
			Row header = sheet.createRow(0);
			String[] h = { "统一社会信用代码", "所属期", "是否申报", "实缴税额（元）" };
			for (int i = 0; i < h.length; i++) {
				header.createCell(i).setCellValue(h[i]);
			}
			int r = 1;
			for (Filing f : rows) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(f.creditCode());
				row.createCell(1).setCellValue(f.period().toString().substring(0, 7));
				row.createCell(2).setCellValue("是");
				row.createCell(3).setCellValue(f.taxFen() / 100.0);
			}
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
		return xlsx;
	}

	/**
	 * The product's exit-status statement (tenant.ExitScan: one row per tenant from the
	 * filing summary) beside a reference query that aggregates every filing; both must
	 * give the same counts. Measured twice: with Chaoyang's rule (6 / 24 months) applied
	 * to every tenant, the figure for the whole set, and as the product runs it, judging
	 * only tenants whose pack sets exit thresholds (of the bundled packs only
	 * Chaoyang's).
	 */
	void exitScan() {
		ExitRule rule = new ExitRule(6, 24);
		double[] ti = new double[3];
		double[] tr = new double[3];
		double[] tp = new double[3];
		double[] tq = new double[3];
		Map<String, Long> a = null;
		Map<String, Long> b = null;
		Map<String, Long> p = null;
		Map<String, Long> q = null;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			a = this.productScan.countStatusesEverywhere(rule, DataGenerator.AS_OF);
			ti[i] = (System.nanoTime() - start) / 1e9;
			start = System.nanoTime();
			b = this.productScan.referenceCountsEverywhere(rule, DataGenerator.AS_OF);
			tr[i] = (System.nanoTime() - start) / 1e9;
			start = System.nanoTime();
			p = this.productScan.countStatuses(DataGenerator.AS_OF);
			tp[i] = (System.nanoTime() - start) / 1e9;
			start = System.nanoTime();
			q = this.productScan.referenceCounts(DataGenerator.AS_OF);
			tq[i] = (System.nanoTime() - start) / 1e9;
		}
		java.util.Arrays.sort(ti);
		java.util.Arrays.sort(tr);
		java.util.Arrays.sort(tp);
		java.util.Arrays.sort(tq);
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("implementation", "tenant.ExitScan's statement (the latest filed and taxed month of each tenant from"
				+ " tenant_filing_summary) with Chaoyang's thresholds applied to every tenant");
		r.put("productSeconds", tp[1]);
		r.put("productReferenceSeconds", tq[1]);
		r.put("productCounts", p);
		r.put("productAgree", p.equals(q));
		r.put("scanSeconds", ti[1]);
		r.put("referenceSeconds", tr[1]);
		r.put("counts", a);
		r.put("referenceCounts", b);
		r.put("agree", a.equals(b));
		r.put("asOf", DataGenerator.AS_OF.toString());
		this.results.put("exitScan", r);
	}

	static final int OVERVIEW_WARM = 100;

	static final int OVERVIEW_RUNS = 200;

	/**
	 * {@code GET /api/v1/statistics/overview} over HTTP on the application running in
	 * this JVM, warm, for the whole country and for the province with the most
	 * institutions, beside a plain aggregate query over the base tables (recognition,
	 * institution, tenant) that must give the same figures: p50 and p95 of each.
	 */
	void overview(int port) throws Exception {
		String province;
		try (Connection c = this.dataSource.getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT left(region_code, 2) || '0000' FROM institution"
						+ " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")) {
			rs.next();
			province = rs.getString(1);
		}
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		JsonMapper json = JsonMapper.builder().build();
		List<Map<String, Object>> runs = new ArrayList<>();
		for (String region : List.of("000000", province)) {
			java.net.URI uri = java.net.URI.create("http://localhost:" + port + "/api/v1/statistics/overview?region="
					+ region + "&asOf=" + DataGenerator.AS_OF);
			java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(uri)
				.header("Accept", "application/json")
				.build();
			String body = null;
			for (int i = 0; i < OVERVIEW_WARM; i++) {
				body = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
			}
			double[] t = new double[OVERVIEW_RUNS];
			for (int i = 0; i < OVERVIEW_RUNS; i++) {
				long start = System.nanoTime();
				java.net.http.HttpResponse<String> response = http.send(request,
						java.net.http.HttpResponse.BodyHandlers.ofString());
				t[i] = (System.nanoTime() - start) / 1e6;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(
							"overview answered " + response.statusCode() + ": " + response.body());
				}
				body = response.body();
			}
			java.util.Arrays.sort(t);
			Map<String, Long> figures = figures(json.readTree(body));
			double[] q = new double[OVERVIEW_RUNS / 4];
			Map<String, Long> reference = null;
			try (Connection c = this.dataSource.getConnection()) {
				for (int i = 0; i < 5; i++) {
					reference = referenceOverview(c, region);
				}
				for (int i = 0; i < q.length; i++) {
					long start = System.nanoTime();
					reference = referenceOverview(c, region);
					q[i] = (System.nanoTime() - start) / 1e6;
				}
			}
			java.util.Arrays.sort(q);
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("region", region);
			r.put("runs", OVERVIEW_RUNS);
			r.put("p50Millis", t[OVERVIEW_RUNS / 2]);
			r.put("p95Millis", t[(int) Math.ceil(OVERVIEW_RUNS * 0.95) - 1]);
			r.put("referenceRuns", q.length);
			r.put("referenceP50Millis", q[q.length / 2]);
			r.put("referenceP95Millis", q[(int) Math.ceil(q.length * 0.95) - 1]);
			r.put("institutions", figures.getOrDefault("total", 0L));
			r.put("activeTitles",
					figures.entrySet()
						.stream()
						.filter((e) -> e.getKey().startsWith("level:"))
						.mapToLong(Map.Entry::getValue)
						.sum());
			r.put("tenants", figures.getOrDefault("tenants:active", 0L));
			r.put("agree", figures.equals(reference));
			if (!figures.equals(reference)) {
				r.put("figures", figures);
				r.put("referenceFigures", reference);
			}
			runs.add(r);
		}
		this.results.put("overview", runs);
	}

	/** The overview's figures that the reference query gives too, by key. */
	private static Map<String, Long> figures(tools.jackson.databind.JsonNode o) {
		Map<String, Long> f = new java.util.TreeMap<>();
		tools.jackson.databind.JsonNode i = o.get("institutions");
		f.put("total", i.get("total").asLong());
		for (String[] m : new String[][] { { "byLevel", "level:" }, { "byStatus", "status:" }, { "byKind", "kind:" },
				{ "byServiceModel", "model:" }, { "bySectorType", "sector:" } }) {
			i.get(m[0]).properties().forEach((e) -> f.put(m[1] + e.getKey(), e.getValue().asLong()));
		}
		f.put("tenants:active", o.get("tenants").get("active").asLong());
		f.put("tenants:graduated", o.get("tenants").get("graduated").asLong());
		return f;
	}

	/**
	 * The same figures by one plain aggregate query over the base tables, written apart
	 * from the product's code: titles by their status on the day, the institutions
	 * holding an ACTIVE one, their tenants.
	 */
	private static Map<String, Long> referenceOverview(Connection c, String region) throws SQLException {
		String scope = "000000".equals(region) ? "true" : "left(i.region_code, 2) = '" + region.substring(0, 2) + "'";
		String sql = """
				WITH p AS (SELECT ?::date AS d),
				t AS (SELECT r.institution_id, r.level,
				        CASE WHEN r.status = 'ACTIVE' OR r.ended_on > p.d THEN 'ACTIVE' ELSE r.status END AS st
				      FROM recognition r JOIN institution i ON i.id = r.institution_id, p
				      WHERE r.recognized_on <= p.d AND %s),
				inst AS (SELECT DISTINCT institution_id AS id FROM t WHERE st = 'ACTIVE')
				SELECT 'total', count(*) FROM inst
				UNION ALL SELECT 'level:' || level, count(*) FROM t WHERE st = 'ACTIVE' GROUP BY level
				UNION ALL SELECT 'status:' || st, count(*) FROM t GROUP BY st
				UNION ALL SELECT 'kind:' || i.kind, count(*) FROM inst JOIN institution i USING (id) GROUP BY i.kind
				UNION ALL SELECT 'model:' || m, count(*) FROM inst JOIN institution i USING (id), unnest(i.service_models) m GROUP BY m
				UNION ALL SELECT 'sector:' || i.sector_type, count(*) FROM inst JOIN institution i USING (id)
				  WHERE i.sector_type IS NOT NULL GROUP BY i.sector_type
				UNION ALL SELECT 'tenants:active', count(*) FROM tenant x JOIN inst ON inst.id = x.institution_id, p
				  WHERE x.admitted_on <= p.d AND (x.left_on IS NULL OR x.left_on > p.d)
				UNION ALL SELECT 'tenants:graduated', count(*) FROM tenant x JOIN inst ON inst.id = x.institution_id, p
				  WHERE x.status = 'GRADUATED' AND x.left_on <= p.d
				"""
			.formatted(scope);
		Map<String, Long> f = new java.util.TreeMap<>();
		try (PreparedStatement s = c.prepareStatement(sql)) {
			s.setObject(1, DataGenerator.AS_OF);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					f.put(rs.getString(1), rs.getLong(2));
				}
			}
		}
		f.putIfAbsent("total", 0L);
		f.putIfAbsent("tenants:active", 0L);
		f.putIfAbsent("tenants:graduated", 0L);
		return f;
	}

	/**
	 * The generated filings the import runs replace, kept aside so the data set stays as
	 * generated.
	 */
	void save() throws SQLException {
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS bench_saved_filing");
			s.execute(
					"CREATE UNLOGGED TABLE bench_saved_filing AS SELECT * FROM tenant_tax_filing WHERE period >= DATE '"
							+ DataGenerator.LAST_MONTH.minusMonths(IMPORT_MONTHS - 1).atDay(1) + "' AND tenant_id <= "
							+ lastTenantId() + "");
		}
	}

	void restore() throws SQLException {
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			s.execute("DELETE FROM tenant_tax_filing WHERE period >= DATE '"
					+ DataGenerator.LAST_MONTH.minusMonths(IMPORT_MONTHS - 1).atDay(1) + "' AND tenant_id <= "
					+ lastTenantId());
			s.execute("INSERT INTO tenant_tax_filing SELECT * FROM bench_saved_filing");
			s.execute("DROP TABLE bench_saved_filing");
			c.commit();
			c.setAutoCommit(true);
			s.execute("VACUUM ANALYZE tenant_tax_filing");
		}
	}

	private long lastTenantId() throws SQLException {
		List<Filing> rows = rows(IMPORT_ROWS);
		return rows.get(rows.size() - 1).tenantId();
	}

	private static Map<String, Long> counts(Connection c, String sql) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (PreparedStatement s = c.prepareStatement(sql)) {
			s.setObject(1, DataGenerator.AS_OF);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					counts.put(rs.getString(1), rs.getLong(2));
				}
			}
		}
		return counts;
	}

	/** The tenant ids the rows of a run cover. */
	record Span(long firstTenant, long lastTenant) {
	}

	private static Span span(List<Filing> rows) {
		return new Span(rows.get(0).tenantId(), rows.get(rows.size() - 1).tenantId());
	}

	private Map<String, Object> importFile(Path file, Span rows) throws SQLException {
		clear(rows);
		System.gc();
		resetPeaks();
		double jvmCpu = jvmCpuSeconds();
		double dbCpu = dbCpuSeconds();
		long start = System.nanoTime();
		FilingImportJob job = this.imports.importNow(this.user, file.getFileName().toString(), file);
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("seconds", seconds);
		// CPU time beside the wall clock: on a machine shared with other work the wall
		// clock says more about the neighbours than about the import
		r.put("jvmCpuSeconds", jvmCpuSeconds() - jvmCpu);
		if (dbCpu >= 0) {
			r.put("dbCpuSeconds", dbCpuSeconds() - dbCpu);
		}
		r.put("peakHeapMiB", peakHeapMiB());
		r.put("status", job.status() + ((job.message() != null) ? " " + job.message() : ""));
		if (!"SUCCEEDED".equals(job.status())) {
			throw new IllegalStateException(
					"benchmark import failed: " + job + " " + this.imports.errors(job.id(), this.user, 10));
		}
		return r;
	}

	/**
	 * Deletes the rows' (tenant, period) filings, then vacuums and checkpoints: each run
	 * starts alike.
	 */
	private void clear(List<Filing> rows) throws SQLException {
		clear(span(rows));
	}

	private void clear(Span rows) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("DELETE FROM tenant_tax_filing WHERE tenant_id BETWEEN " + rows.firstTenant() + " AND "
					+ rows.lastTenant() + " AND period >= DATE '"
					+ DataGenerator.LAST_MONTH.minusMonths(IMPORT_MONTHS - 1).atDay(1) + "'");
			s.execute("VACUUM ANALYZE tenant_tax_filing");
			s.execute("CHECKPOINT");
		}
	}

	private Path writeCsv(List<Filing> rows, String name) throws IOException {
		Path file = this.work.resolve(name);
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("统一社会信用代码,所属期,是否申报,实缴税额（元）\n");
			for (Filing f : rows) {
				w.write(f.creditCode() + "," + f.period().toString().substring(0, 7) + ",是," + yuan(f.taxFen()) + "\n");
			}
		}
		return file;
	}

	private static String yuan(long fen) {
		return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/** The embedded server's data directory (null with an external database). */
	static Path pgData;

	private static double jvmCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/**
	 * CPU seconds of the embedded PostgreSQL so far: the postmaster, its running children
	 * and the children it has reaped (Linux /proc; -1 elsewhere or with an external
	 * database).
	 */
	private static double dbCpuSeconds() {
		if (pgData == null) {
			return -1;
		}
		try {
			long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip());
			long ticks = 0;
			try (var procs = Files.list(Path.of("/proc"))) {
				for (Path proc : (Iterable<Path>) procs::iterator) {
					String name = proc.getFileName().toString();
					if (!name.chars().allMatch(Character::isDigit)) {
						continue;
					}
					String stat;
					try {
						stat = Files.readString(proc.resolve("stat"));
					}
					catch (IOException ex) {
						continue; // gone meanwhile
					}
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long pid = Long.parseLong(name);
					// f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17
					if (pid == postmaster) {
						ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
								+ Long.parseLong(f[14]);
					}
					else if (Long.parseLong(f[1]) == postmaster) {
						ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
					}
				}
			}
			return ticks / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static double peakHeapMiB() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum / (1024.0 * 1024);
	}

}
