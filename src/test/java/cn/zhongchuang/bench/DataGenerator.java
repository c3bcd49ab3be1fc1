package cn.zhongchuang.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import cn.zhongchuang.reference.CreditCodes;

/**
 * Builds the data sets of scale.md (demo, province, national) straight into a database
 * with COPY, deterministically from a seed: institutions (operator_organisation) with
 * valid credit codes in regions drawn from table region with a skew to big cities,
 * tenants with every life-cycle status and chain stage, and 36 months of tax filings per
 * tenant (up to {@link #LAST_MONTH}) with gaps that reach both exit thresholds. A row in
 * bench_dataset marks a set as generated. Titles ({@link #titlesIfAbsent}): the
 * institutions get kinds, service models and sector types, and titles at every level with
 * every status, added to a set generated before they existed. The remaining shapes of
 * scale.md ({@link #shapesIfAbsent}): mentors, counselling records, events and
 * applications at the table's sizes, 创业团队 among the tenants and the tenants' figures
 * (revenue, IP, marks) of 2025.
 */
public final class DataGenerator {

	/** The last month with filings; the exit scan is judged on {@link #AS_OF}. */
	public static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);

	public static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);

	public static final int MONTHS = 36;

	/** Cities whose districts get most institutions (first four digits of the code). */
	static final List<String> BIG_CITIES = List.of("1101", "3101", "4401", "4403", "3301", "3201", "5101", "4201",
			"6101", "1201", "5001", "3205", "4301", "2101", "3702", "6201");

	public record Size(String name, int institutions, int tenants) {

		public long filings() {
			return (long) this.tenants * MONTHS;
		}

	}

	/**
	 * The sizes of scale.md beyond institutions and tenants; {@code teamPercent} of the
	 * tenants in incubation are 创业团队, {@code figuresPercent} of the enterprises have
	 * figures for 2025.
	 */
	public record Shapes(int mentors, int counselling, int events, int applications, int teamPercent,
			int figuresPercent) {
	}

	public static Shapes shapes(String name) {
		return switch (name) {
			case "demo" -> new Shapes(200, 2_000, 900, 60, 5, 70);
			case "province" -> new Shapes(15_000, 200_000, 60_000, 4_000, 5, 70);
			case "national" -> new Shapes(150_000, 2_000_000, 600_000, 40_000, 5, 70);
			default -> throw new IllegalArgumentException("unknown data set " + name);
		};
	}

	public static Size size(String name) {
		return switch (name) {
			case "demo" -> new Size("demo", 30, 600);
			case "province" -> new Size("province", 1_500, 50_000);
			case "national" -> new Size("national", 15_000, 500_000);
			default -> throw new IllegalArgumentException("unknown data set " + name);
		};
	}

	private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
		.split("");

	private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉晨宇浩然子轩梓涵欣怡思远建国志强海燕晓东文博雨萱".split("");

	private static final String[] WORDS = { "星火", "创新", "智汇", "启航", "未来", "众智", "云帆", "卓越", "中关", "天工", "科海", "博远",
			"锐思", "digital", "同创", "睿达", "领航", "汇智", "创客", "青橙", "合力", "远景", "新锐", "金桥", "数联", "光谷", "海纳", "朝阳", "长风",
			"鼎新" };

	private static final String[] INDUSTRIES = { "信息技术", "软件", "生物医药", "新材料", "智能制造", "电子科技", "数据科技", "环保科技", "新能源",
			"文化创意", "医疗器械", "网络科技", "人工智能", "集成电路", "农业科技" };

	private static final String[] SPACE_KINDS = { "众创空间", "科技企业孵化器", "创业苗圃", "加速器", "创新创业中心" };

	private static final String[] ROADS = { "中关村大街", "建国路", "科技园路", "创业路", "高新大道", "人民路", "解放路", "长江路", "黄河路", "学院路",
			"望京街", "软件园路" };

	private static final String[] LEADS = { "LEADING_ENTERPRISE", "UNIVERSITY", "RESEARCH_INSTITUTE",
			"INNOVATIVE_ENTERPRISE", "PAIRED_WITH_LEAD", "NONE" };

	private static final String[] STAGES = { "NURSERY", "INCUBATOR", "ACCELERATOR", "PARK" };

	private final Connection connection;

	private final Random random;

	private final Size size;

	private final long seed;

	private List<String> counties;

	private double[] cumulative;

	private Map<String, String[]> regionRows;

	public DataGenerator(Connection connection, Size size, long seed) {
		this.connection = connection;
		this.size = size;
		this.seed = seed;
		this.random = new Random(seed);
	}

	public static void main(String[] args) throws Exception {
		Size size = size(args[0]);
		try (Connection c = DriverManager.getConnection(args[1], args.length > 2 ? args[2] : "postgres",
				args.length > 3 ? args[3] : "postgres")) {
			long start = System.nanoTime();
			DataGenerator generator = new DataGenerator(c, size, 20261122L);
			boolean made = generator.generateIfAbsent();
			System.out.printf("%s: %s in %.1f s%n", size.name(), made ? "generated" : "already there",
					(System.nanoTime() - start) / 1e9);
			start = System.nanoTime();
			boolean titles = generator.titlesIfAbsent();
			boolean shapes = generator.shapesIfAbsent();
			System.out.printf("%s: titles %s, mentors/counselling/events/applications/teams/figures %s in %.1f s%n",
					size.name(), titles ? "added" : "there", shapes ? "added" : "there",
					(System.nanoTime() - start) / 1e9);
		}
	}

	/** Generates the set unless the database already holds it; reports whether it did. */
	public boolean generateIfAbsent() throws SQLException {
		try (Statement s = this.connection.createStatement()) {
			s.execute("""
					CREATE TABLE IF NOT EXISTS bench_dataset (name TEXT PRIMARY KEY, seed BIGINT NOT NULL,
					  institutions INT NOT NULL, tenants INT NOT NULL, filings BIGINT NOT NULL,
					  generated_at TIMESTAMPTZ NOT NULL, seconds NUMERIC NOT NULL)""");
			try (ResultSet rs = s.executeQuery("SELECT 1 FROM bench_dataset WHERE name = '" + this.size.name() + "'")) {
				if (rs.next()) {
					return false;
				}
			}
		}
		long start = System.nanoTime();
		this.connection.setAutoCommit(false);
		loadRegions();
		long firstOrg = nextId("operator_organisation");
		long firstInstitution = nextId("institution");
		long firstTenant = nextId("tenant");
		String[] orgRegion = institutions(firstOrg);
		try (Statement s = this.connection.createStatement()) {
			// one institution per operator, its id at the same offset
			s.execute("INSERT INTO institution (id, operator_id, operator_name, operator_credit_code, name, kind,"
					+ " specialization, region_code, origin, created_by, created_at) SELECT " + firstInstitution
					+ " + (o.id - " + firstOrg + "), o.id, o.name, o.credit_code, left(o.name, 60) || '众创空间',"
					+ " 'MAKER_SPACE', 'COMPREHENSIVE', o.region_code, 'REGISTERED', 'bench', o.created_at"
					+ " FROM operator_organisation o WHERE o.id >= " + firstOrg);
			s.execute("SELECT setval('institution_id_seq', " + (firstInstitution + this.size.institutions() - 1) + ")");
		}
		tenantsAndFilings(firstTenant, firstOrg, firstInstitution, orgRegion);
		try (Statement s = this.connection.createStatement()) {
			s.execute(
					"SELECT setval('operator_organisation_id_seq', " + (firstOrg + this.size.institutions() - 1) + ")");
			s.execute("SELECT setval('tenant_id_seq', " + (firstTenant + this.size.tenants() - 1) + ")");
			s.execute("INSERT INTO bench_dataset VALUES ('" + this.size.name() + "', " + this.seed + ", "
					+ this.size.institutions() + ", " + this.size.tenants() + ", " + this.size.filings() + ", now(), "
					+ String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9) + ")");
		}
		this.connection.commit();
		this.connection.setAutoCommit(true);
		try (Statement s = this.connection.createStatement()) {
			s.execute("ANALYZE operator_organisation");
			s.execute("ANALYZE tenant");
			s.execute("ANALYZE tenant_tax_filing");
			s.execute("ANALYZE tenant_filing_summary");
		}
		return true;
	}

	/**
	 * Kinds, service models and sector types of the generated institutions, and their
	 * titles, unless the titles are there: a district title for about 70 % of them, a
	 * city one for 40 %, a provincial one for 15 %, a national one for 5 %; of those 85 %
	 * ACTIVE, 10 % LAPSED, 5 % REVOKED (ended in 2025 or 2026, some after
	 * {@link #AS_OF}), granted 2018–2024. Deterministic (hashes of the ids). Reports
	 * whether it added them.
	 */
	public boolean titlesIfAbsent() throws SQLException {
		try (Statement s = this.connection.createStatement()) {
			try (ResultSet rs = s.executeQuery("SELECT 1 FROM recognition WHERE created_by = 'bench' LIMIT 1")) {
				if (rs.next()) {
					return false;
				}
			}
			boolean auto = this.connection.getAutoCommit();
			this.connection.setAutoCommit(false);
			s.execute(
					"""
							UPDATE institution i SET kind = x.kind,
							  specialization = CASE WHEN x.kind = 'MAKER_SPACE' THEN (CASE WHEN i.id % 4 = 0 THEN 'SPECIALIZED' ELSE 'COMPREHENSIVE' END) END,
							  service_models = ARRAY(SELECT m FROM unnest(ARRAY['INVESTMENT_PROMOTION', 'TRAINING_COACHING', 'PROFESSIONAL_SERVICE',
							    'MAKER_INCUBATION', 'MEDIA_EXTENSION']) WITH ORDINALITY AS u(m, n) WHERE ((i.id * 31 + 7) >> (n::int - 1)) % 2 = 1),
							  sector_type = (ARRAY['E_COMMERCE', 'CULTURE', 'MODERN_AGRICULTURE', 'INTERNET_PLUS', 'TECH_STARTUP',
							    'COMPREHENSIVE_SERVICE', NULL, NULL])[1 + (i.id * 13) % 8]
							FROM (SELECT id, (ARRAY['MAKER_SPACE', 'MAKER_SPACE', 'MAKER_SPACE', 'MAKER_SPACE', 'INCUBATOR', 'INCUBATOR',
							    'NURSERY', 'ACCELERATOR', 'UNIVERSITY_SCIENCE_PARK', 'RETURNEE_PARK', 'SMALL_BUSINESS_BASE',
							    'INDUSTRIAL_PARK', 'MAKER_SPACE_CLUSTER'])[1 + (id * 7919) % 13] AS kind
							      FROM institution WHERE created_by = 'bench') x
							WHERE x.id = i.id""");
			s.execute(
					"""
							INSERT INTO recognition (number, verification_code, subject_type, subject_id, institution_name, operator_name,
							  credit_code, kind, specialization, level, region_code, policy_id, issuing_authority, recognized_on, status,
							  created_by, created_at, ended_on, document_number, source, institution_id)
							SELECT 'BENCH-' || i.id || '-' || l.n, 'BENCH' || i.id || 'L' || l.n, 'bench', i.id * 10 + l.n, i.name,
							  i.operator_name, i.operator_credit_code, i.kind, i.specialization, l.level, i.region_code, NULL,
							  '科学技术主管部门', DATE '2018-01-01' + ((i.id * 37 + l.n * 101) % 2500)::int,
							  CASE WHEN h < 85 THEN 'ACTIVE' WHEN h < 95 THEN 'LAPSED' ELSE 'REVOKED' END, 'bench', now(),
							  CASE WHEN h >= 85 THEN DATE '2025-01-01' + ((i.id * 11 + l.n) % 700)::int END, 'BENCH-' || i.id, 'EXTERNAL', i.id
							FROM institution i
							CROSS JOIN (VALUES ('DISTRICT', 1, 700), ('CITY', 2, 400), ('PROVINCE', 3, 150), ('NATIONAL', 4, 50)) AS l(level, n, share)
							CROSS JOIN LATERAL (SELECT ((i.id * 97 + l.n * 31) % 100)::int AS h) AS hh
							WHERE i.created_by = 'bench' AND (i.id * 2654435761 + l.n * 40503) % 1000 < l.share""");
			this.connection.commit();
			this.connection.setAutoCommit(auto);
			s.execute("ANALYZE institution");
			s.execute("ANALYZE recognition");
			return true;
		}
	}

	/**
	 * The remaining shapes of scale.md, unless there (applications created by 'bench'):
	 * mentors assigned to the institutions (some with ended contracts), counselling
	 * records by those mentors, events of every type from 2024, applications in every
	 * status, 创业团队 among the tenants in incubation (their filings removed: teams do not
	 * file), and the enterprises' figures of 2025 (revenue, patents, valid IP, 高新技术企业,
	 * financing, a few 黑马 and 重点培育 marks). Deterministic: every value is a hash of the
	 * row number and the seed. Reports whether it added them.
	 */
	public boolean shapesIfAbsent() throws SQLException {
		Shapes shapes = shapes(this.size.name());
		try (Statement s = this.connection.createStatement()) {
			try (ResultSet rs = s.executeQuery("SELECT 1 FROM application WHERE created_by = 'bench' LIMIT 1")) {
				if (rs.next()) {
					return false;
				}
			}
			boolean auto = this.connection.getAutoCommit();
			this.connection.setAutoCommit(false);
			long k = Math.floorMod(this.seed, 9973L);
			String surnames = sqlArray(SURNAMES);
			String given = sqlArray(GIVEN);
			String words = sqlArray(
					java.util.Arrays.stream(WORDS).map((w) -> "digital".equals(w) ? "数智" : w).toArray(String[]::new));
			String industries = sqlArray(INDUSTRIES);
			String person = "(%1$s)[1 + (%4$s * 7 + %5$d) %% %2$d] || (%3$s)[1 + (%4$s * 13 + %5$d) %% %6$d]"
					+ " || CASE WHEN %4$s %% 2 = 0 THEN (%3$s)[1 + (%4$s * 29 + %4$s / 3) %% %6$d] ELSE '' END";
			String company = "(%1$s)[1 + (%3$s * 11 + %4$d) %% %5$d] || (%2$s)[1 + (%3$s * 17) %% %6$d] || '有限公司'";
			s.execute("""
					CREATE TEMPORARY TABLE bench_inst ON COMMIT DROP AS
					SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, operator_id, operator_name, region_code, name
					FROM institution WHERE created_by = 'bench'""");
			long institutions;
			try (ResultSet rs = s.executeQuery("SELECT count(*) FROM bench_inst")) {
				rs.next();
				institutions = rs.getLong(1);
			}
			// mentors, each assigned to its operator's one institution
			s.execute(
					"""
							WITH m AS (
							  INSERT INTO operator_mentor (operator_id, name, employer, field, industry_mentor,
							    from_leading_investor_or_firm, contract_start, contract_end, created_at)
							  SELECT b.operator_id, %s, %s, (%s)[1 + (g * 3) %% %d], g %% 3 = 0, g %% 5 = 0,
							    DATE '2019-01-01' + ((g * 37 + %d) %% 2000)::int,
							    CASE WHEN g %% 4 = 0 THEN DATE '2019-01-01' + ((g * 37 + %d) %% 2000)::int + 365 + (g %% 700)::int END,
							    now()
							  FROM generate_series(0, %d) g JOIN bench_inst b ON b.n = (g * 2654435761 + %d) %% %d
							  RETURNING id, operator_id)
							INSERT INTO operator_record_assignment (record_kind, record_id, institution_id)
							SELECT 'mentors', m.id, b.id FROM m JOIN bench_inst b ON b.operator_id = m.operator_id"""
						.formatted(person.formatted(surnames, SURNAMES.length, given, "g", k, GIVEN.length),
								company.formatted(words, industries, "g", k, WORDS.length, INDUSTRIES.length),
								industries, INDUSTRIES.length, k, k, shapes.mentors() - 1, k, institutions));
			s.execute("""
					CREATE TEMPORARY TABLE bench_mentor ON COMMIT DROP AS
					SELECT row_number() OVER (ORDER BY m.id) - 1 AS n, m.id, m.operator_id, b.id AS institution_id,
					  m.contract_start
					FROM operator_mentor m JOIN bench_inst b ON b.operator_id = m.operator_id""");
			s.execute(
					"""
							INSERT INTO operator_counselling (operator_id, institution_id, mentor_id, held_on, tenant_name, topic,
							  hours, created_at)
							SELECT bm.operator_id, bm.institution_id, bm.id, bm.contract_start + ((g * 31 + %d) %% 900)::int, %s,
							  (ARRAY['商业模式梳理', '融资路演辅导', '知识产权布局', '财务规范', '市场拓展', '团队建设', '政策申报'])[1 + (g * 5) %% 7],
							  1 + (g %% 6) * 0.5, now()
							FROM generate_series(0, %d) g JOIN bench_mentor bm ON bm.n = (g::bigint * 40503 + %d) %% %d"""
						.formatted(k, company.formatted(words, industries, "g", k + 3, WORDS.length, INDUSTRIES.length),
								shapes.counselling() - 1, k, shapes.mentors()));
			s.execute(
					"""
							INSERT INTO operator_event (operator_id, institution_id, title, type, held_on, participants,
							  professional, created_at)
							SELECT b.operator_id, b.id, x.kind || (ARRAY['第一期', '第二期', '第三期', '春季', '秋季', '专场'])[1 + (g * 7) %% 6],
							  x.type, DATE '2024-01-01' + ((g * 53 + %d) %% 1050)::int, 10 + ((g * 17) %% 190)::int, g %% 3 = 0, now()
							FROM generate_series(0, %d) g
							JOIN bench_inst b ON b.n = (g * 2246822519 + %d) %% %d
							CROSS JOIN LATERAL (SELECT (ARRAY['ROADSHOW', 'SALON', 'LECTURE', 'BOOTCAMP', 'FINANCING_MATCH', 'TRAINING', 'OTHER'])[1 + (g * 11) %% 7] AS type,
							  (ARRAY['项目路演', '创业沙龙', '专题讲座', '创业训练营', '投融资对接会', '创业培训', '交流活动'])[1 + (g * 11) %% 7] AS kind) x"""
						.formatted(k, shapes.events() - 1, k, institutions));
			s.execute(
					"""
							INSERT INTO application (operator_id, operator_name, policy_id, region_code, space_name, kind,
							  specialization, status, submitted_on, created_by, created_at, updated_at, institution_id)
							SELECT b.operator_id, b.operator_name,
							  (ARRAY['beijing-chaoyang-2017', 'lanzhou-2018', 'liaoning-specialized-2019'])[1 + g %% 3],
							  b.region_code, b.name, 'MAKER_SPACE', CASE WHEN g %% 4 = 0 THEN 'SPECIALIZED' ELSE 'COMPREHENSIVE' END,
							  x.status, CASE WHEN x.status <> 'DRAFT' THEN DATE '2024-03-01' + ((g * 19 + %d) %% 900)::int END,
							  'bench', now(), now(), b.id
							FROM generate_series(0, %d) g
							JOIN bench_inst b ON b.n = (g * 3266489917 + %d) %% %d
							CROSS JOIN LATERAL (SELECT (ARRAY['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'RECOGNIZED',
							  'REJECTED', 'WITHDRAWN'])[1 + (g * 7) %% 8] AS status) x"""
						.formatted(k, shapes.applications() - 1, k, institutions));
			// teams: tenants in incubation turned into 创业团队, without credit code or
			// filings
			s.execute("""
					CREATE TEMPORARY TABLE bench_team ON COMMIT DROP AS
					SELECT t.id FROM tenant t JOIN bench_inst b ON b.id = t.institution_id
					WHERE t.status = 'ACTIVE' AND t.kind = 'ENTERPRISE' AND (t.id * 2654435761 + %d) %% 100 < %d"""
				.formatted(k, shapes.teamPercent()));
			s.execute("ALTER TABLE tenant_tax_filing DISABLE TRIGGER tenant_tax_filing_removed");
			s.execute("DELETE FROM tenant_tax_filing WHERE tenant_id IN (SELECT id FROM bench_team)");
			s.execute("ALTER TABLE tenant_tax_filing ENABLE TRIGGER tenant_tax_filing_removed");
			s.execute("DELETE FROM tenant_filing_summary WHERE tenant_id IN (SELECT id FROM bench_team)");
			s.execute("""
					UPDATE tenant SET kind = 'TEAM', credit_code = NULL, chain_stage = 'NURSERY',
					  name = left(name, 40) || '创业团队' || id
					WHERE id IN (SELECT id FROM bench_team)""");
			s.execute("""
					INSERT INTO tenant_team (tenant_id, leader, members, member_count, field, name)
					SELECT t.id, %s, '{}', 2 + (t.id %% 5)::int, (%s)[1 + (t.id * 3) %% %d], t.name
					FROM tenant t WHERE t.id IN (SELECT id FROM bench_team)""".formatted(
					person.formatted(surnames, SURNAMES.length, given, "t.id", k, GIVEN.length), industries,
					INDUSTRIES.length));
			// the enterprises' figures of 2025
			s.execute(
					"""
							INSERT INTO tenant_figure (tenant_id, year, revenue_wan, revenue_source, patent_applications,
							  patent_applications_source, valid_ip, valid_ip_source, high_tech, high_tech_source, financing_wan,
							  financing_source, mark, updated_at)
							SELECT t.id, 2025, round(((5 + (h * 7) %% 50000) / 10.0)::numeric, 1), 'IMPORTED', (h %% 4)::int, 'IMPORTED',
							  CASE WHEN h %% 10 < 4 THEN 1 + (h %% 12)::int ELSE 0 END, 'IMPORTED', h %% 10 = 0, 'IMPORTED',
							  CASE WHEN h %% 7 = 0 THEN (100 + h %% 3000)::numeric END, CASE WHEN h %% 7 = 0 THEN 'IMPORTED' END,
							  CASE WHEN h %% 100 = 0 THEN 'DARK_HORSE' WHEN h %% 100 < 3 THEN 'KEY_CULTIVATION' END, now()
							FROM tenant t JOIN bench_inst b ON b.id = t.institution_id
							CROSS JOIN LATERAL (SELECT (t.id * 2654435761 + %d) %% 1000003 AS h) x
							WHERE t.kind = 'ENTERPRISE' AND t.admitted_on <= DATE '2025-12-31' AND h %% 100 < %d"""
						.formatted(k, shapes.figuresPercent()));
			this.connection.commit();
			this.connection.setAutoCommit(auto);
			for (String table : List.of("operator_mentor", "operator_record_assignment", "operator_counselling",
					"operator_event", "application", "tenant", "tenant_team", "tenant_figure")) {
				s.execute("ANALYZE " + table);
			}
			return true;
		}
	}

	private static String sqlArray(String[] values) {
		StringBuilder b = new StringBuilder("ARRAY[");
		for (int i = 0; i < values.length; i++) {
			b.append((i > 0) ? "," : "").append('\'').append(values[i].replace("'", "''")).append('\'');
		}
		return b.append(']').toString();
	}

	private long nextId(String table) throws SQLException {
		try (Statement s = this.connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT COALESCE(max(id), 0) + 1 FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void loadRegions() throws SQLException {
		this.regionRows = new HashMap<>();
		this.counties = new ArrayList<>();
		try (Statement s = this.connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT code, name, level, parent_code FROM region ORDER BY code")) {
			while (rs.next()) {
				this.regionRows.put(rs.getString(1),
						new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
				if ("COUNTY".equals(rs.getString(3))) {
					this.counties.add(rs.getString(1));
				}
			}
		}
		this.cumulative = new double[this.counties.size()];
		double total = 0;
		for (int i = 0; i < this.counties.size(); i++) {
			total += BIG_CITIES.contains(this.counties.get(i).substring(0, 4)) ? 25 : 1;
			this.cumulative[i] = total;
		}
	}

	private String region() {
		double x = this.random.nextDouble() * this.cumulative[this.cumulative.length - 1];
		int i = java.util.Arrays.binarySearch(this.cumulative, x);
		return this.counties.get((i >= 0) ? i : -i - 1);
	}

	private String fullName(String code) {
		StringBuilder name = new StringBuilder();
		List<String> parts = new ArrayList<>();
		for (String c = code; c != null && !"000000".equals(c);) {
			String[] row = this.regionRows.get(c);
			if (row == null) {
				break;
			}
			parts.add(0, row[0]);
			c = row[2];
		}
		parts.forEach(name::append);
		return name.toString();
	}

	private String shortPlace(String code) {
		String[] county = this.regionRows.get(code);
		String[] city = (county != null && county[2] != null) ? this.regionRows.get(county[2]) : null;
		String n = (city != null) ? city[0] : (county != null ? county[0] : "");
		return n.replace("市", "").replace("地区", "").replace("自治州", "");
	}

	private String person() {
		return SURNAMES[this.random.nextInt(SURNAMES.length)] + GIVEN[this.random.nextInt(GIVEN.length)]
				+ (this.random.nextBoolean() ? GIVEN[this.random.nextInt(GIVEN.length)] : "");
	}

	private String word() {
		String w = WORDS[this.random.nextInt(WORDS.length)];
		return "digital".equals(w) ? "数智" : w;
	}

	private String[] institutions(long firstId) throws SQLException {
		String[] regions = new String[this.size.institutions()];
		Rows rows = new Rows(
				copy("""
						COPY operator_organisation (id, name, credit_code, region_code, legal_representative, contact_phone, address,
						  established_on, independent_legal_entity, management_and_finance_rules, lead_entity, created_at) FROM STDIN"""));
		for (int i = 0; i < regions.length; i++) {
			String region = region();
			regions[i] = region;
			String code = CreditCodes.generate("9", "1", region, String.format("%08d", 10_000_000 + i));
			LocalDate established = LocalDate.of(2010, 1, 1).plusDays(this.random.nextInt(13 * 365));
			rows.field(firstId + i)
				.field(shortPlace(region) + word() + SPACE_KINDS[this.random.nextInt(SPACE_KINDS.length)] + "有限公司"
						+ (i + 1))
				.field(code)
				.field(region)
				.field(person())
				.field("0" + (10 + this.random.nextInt(89)) + "-" + (60_000_000 + this.random.nextInt(39_999_999)))
				.field(fullName(region) + ROADS[this.random.nextInt(ROADS.length)] + (1 + this.random.nextInt(300))
						+ "号")
				.field(established.toString())
				.field(this.random.nextInt(10) < 9 ? "t" : "f")
				.field(this.random.nextInt(10) < 8 ? "t" : "f")
				.field(LEADS[this.random.nextInt(LEADS.length)])
				.last("2026-01-01 00:00:00+08");
		}
		rows.end();
		return regions;
	}

	private void tenantsAndFilings(long firstTenant, long firstOrg, long firstInstitution, String[] orgRegion)
			throws SQLException {
		boolean bulk = emptyFilings();
		List<String> rebuild = bulk ? dropFilingIndexes() : List.of();
		Rows tenants = new Rows(
				copy("""
						COPY tenant (id, operator_id, institution_id, region_code, name, credit_code, admitted_on, agreement_signed, agreement_date,
						  in_focus_segment, chain_stage, status, left_on, exit_reason, created_at) FROM STDIN"""));
		// filings in a second COPY stream: one connection carries one COPY at a time, so
		// the
		// tenants are written first and their filings kept compact meanwhile
		int n = this.size.tenants();
		byte[] pattern = new byte[n];
		short[] gap = new short[n];
		for (int i = 0; i < n; i++) {
			int org = skewedInstitution(orgRegion.length);
			String region = orgRegion[org];
			String code = CreditCodes.generate("9", "1", region, String.format("%08d", 30_000_000 + i));
			LocalDate admitted = LocalDate.of(2018, 1, 1).plusDays(this.random.nextInt(2100));
			if (admitted.isAfter(LocalDate.of(2023, 10, 1))) {
				admitted = LocalDate.of(2023, 10, 1).minusDays(this.random.nextInt(400));
			}
			boolean agreement = this.random.nextInt(10) < 8;
			int s = this.random.nextInt(100);
			String status = (s < 80) ? "ACTIVE" : (s < 92) ? "GRADUATED" : "EXITED";
			LocalDate left = "ACTIVE".equals(status) ? null
					: LocalDate.of(2026, 1, 1).plusDays(this.random.nextInt(300));
			tenants.field(firstTenant + i)
				.field(firstOrg + org)
				.field(firstInstitution + org)
				.field(region)
				.field(shortPlace(region) + word() + INDUSTRIES[this.random.nextInt(INDUSTRIES.length)] + "有限公司")
				.field(code)
				.field(admitted.toString())
				.field(agreement ? "t" : "f")
				.field(agreement ? admitted.toString() : null)
				.field(this.random.nextBoolean() ? "t" : "f")
				.field(STAGES[this.random.nextInt(STAGES.length)])
				.field(status)
				.field((left != null) ? left.toString() : null)
				.field("EXITED".equals(status) ? "迁出本市" : ("GRADUATED".equals(status) ? "毕业" : null))
				.last("2026-01-01 00:00:00+08");
			// filing pattern: 0 regular, 1 stopped filing k months ago, 2 no tax for k
			// months
			int p = this.random.nextInt(100);
			if (p < 12) {
				pattern[i] = 1;
				gap[i] = (short) (6 + this.random.nextInt(9));
			}
			else if (p < 16) {
				pattern[i] = 1;
				gap[i] = (short) (1 + this.random.nextInt(5));
			}
			else if (p < 24) {
				pattern[i] = 2;
				gap[i] = (short) (24 + this.random.nextInt(13));
			}
			else if (p < 28) {
				pattern[i] = 2;
				gap[i] = (short) (12 + this.random.nextInt(12));
			}
		}
		tenants.end();
		// the summary trigger would keep all the generated rows aside to aggregate them;
		// one GROUP BY afterwards does the same work once
		try (Statement s = this.connection.createStatement()) {
			s.execute("ALTER TABLE tenant_tax_filing DISABLE TRIGGER tenant_tax_filing_added");
		}
		Rows filings = new Rows(copy("COPY tenant_tax_filing (tenant_id, period, filed, tax_paid_cny) FROM STDIN"));
		YearMonth first = LAST_MONTH.minusMonths(MONTHS - 1);
		String[] periods = new String[MONTHS];
		for (int m = 0; m < MONTHS; m++) {
			periods[m] = first.plusMonths(m).atDay(1).toString();
		}
		for (int i = 0; i < n; i++) {
			long id = firstTenant + i;
			int scale = 1 + this.random.nextInt(50);
			for (int m = 0; m < MONTHS; m++) {
				int fromEnd = MONTHS - 1 - m; // 0 = the last month
				boolean filed = !(pattern[i] == 1 && fromEnd < gap[i]);
				boolean taxed = filed && !(pattern[i] == 2 && fromEnd < gap[i])
						&& (pattern[i] != 0 || this.random.nextInt(100) < 85);
				filings.field(id).field(periods[m]).field(filed ? "t" : "f");
				if (!filed) {
					filings.last(null);
				}
				else if (!taxed) {
					filings.last("0");
				}
				else {
					filings
						.last(scale * 100 + this.random.nextInt(scale * 1000) + "." + (10 + this.random.nextInt(90)));
				}
			}
		}
		filings.end();
		try (Statement s = this.connection.createStatement()) {
			for (String ddl : rebuild) {
				s.execute(ddl);
			}
			s.execute(
					"""
							INSERT INTO tenant_filing_summary (tenant_id, last_filed, last_taxed)
							SELECT tenant_id, max(period) FILTER (WHERE filed), max(period) FILTER (WHERE filed AND tax_paid_cny > 0)
							FROM tenant_tax_filing WHERE tenant_id >= %d GROUP BY tenant_id"""
						.formatted(firstTenant));
			s.execute("ALTER TABLE tenant_tax_filing ENABLE TRIGGER tenant_tax_filing_added");
		}
	}

	/** A few institutions hold many tenants, most hold a few dozen. */
	private int skewedInstitution(int count) {
		double x = this.random.nextDouble();
		return (int) Math.min(count - 1, Math.floor(count * x * x));
	}

	private boolean emptyFilings() throws SQLException {
		try (Statement s = this.connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM tenant_tax_filing)")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	/**
	 * Into an empty table COPY runs faster without indexes: drops them and returns the
	 * DDL that rebuilds them (primary key and the exit scan's partial indexes).
	 */
	private List<String> dropFilingIndexes() throws SQLException {
		List<String> rebuild = new ArrayList<>();
		List<String> drop = new ArrayList<>();
		try (Statement s = this.connection.createStatement(); ResultSet rs = s.executeQuery("""
				SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
				WHERE c.conrelid = 'tenant_tax_filing'::regclass AND c.contype = 'p'""")) {
			while (rs.next()) {
				drop.add("ALTER TABLE tenant_tax_filing DROP CONSTRAINT " + rs.getString(1));
				rebuild.add("ALTER TABLE tenant_tax_filing ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
			}
		}
		try (Statement s = this.connection.createStatement(); ResultSet rs = s.executeQuery("""
				SELECT i.indexname, i.indexdef FROM pg_indexes i
				WHERE i.tablename = 'tenant_tax_filing' AND i.indexname NOT IN
				  (SELECT conname FROM pg_constraint WHERE conrelid = 'tenant_tax_filing'::regclass)""")) {
			while (rs.next()) {
				drop.add("DROP INDEX " + rs.getString(1));
				rebuild.add(rs.getString(2));
			}
		}
		try (Statement s = this.connection.createStatement()) {
			for (String ddl : drop) {
				s.execute(ddl);
			}
		}
		return rebuild;
	}

	private CopyIn copy(String sql) throws SQLException {
		return this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
	}

	/**
	 * COPY text rows, buffered. Values are generated, never contain tabs, newlines or
	 * backslashes.
	 */
	static final class Rows {

		private final CopyIn copy;

		private final StringBuilder line = new StringBuilder(256);

		private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 20);

		Rows(CopyIn copy) {
			this.copy = copy;
		}

		Rows field(Object value) {
			this.line.append((value != null) ? value.toString() : "\\N").append('\t');
			return this;
		}

		void last(Object value) throws SQLException {
			this.line.append((value != null) ? value.toString() : "\\N").append('\n');
			byte[] bytes = this.line.toString().getBytes(StandardCharsets.UTF_8);
			this.buffer.write(bytes, 0, bytes.length);
			this.line.setLength(0);
			if (this.buffer.size() >= (1 << 20)) {
				flush();
			}
		}

		private void flush() throws SQLException {
			byte[] bytes = this.buffer.toByteArray();
			this.copy.writeToCopy(bytes, 0, bytes.length);
			this.buffer.reset();
		}

		void end() throws SQLException {
			flush();
			this.copy.endCopy();
		}

	}

}
