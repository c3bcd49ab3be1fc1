package cn.zhongchuang.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorYear;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.tenant.TenantFigures;
import cn.zhongchuang.tenant.TenantYearCensus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 统计年报: an institution's yearly statistical report for an ended year. The figures are
 * computed from its records on opening (tenants, their figures, events, mentors,
 * counselling, staff, premises, funds, investments); what the records cannot give the
 * operator declares (补充申报). A submission stores the figures with their sources as version
 * 1; a correction is the next version with its reason; each is audited. Bureaus read the
 * latest version of each institution of their region: who has reported, the sums, per
 * sub-region.
 */
@Service
class AnnualReports {

	static final String COMPUTED = "COMPUTED";

	static final String DECLARED = "DECLARED";

	private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

	private static final BigDecimal MAX = new BigDecimal("999999999999");

	private final JdbcClient jdbc;

	private final Institutions institutions;

	private final TenantYearCensus tenants;

	private final TenantFigures figures;

	private final StatisticsOverview overview;

	private final Regions regions;

	private final AuditTrail audit;

	private final ObjectMapper json;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	AnnualReports(JdbcClient jdbc, Institutions institutions, TenantYearCensus tenants, TenantFigures figures,
			StatisticsOverview overview, Regions regions, AuditTrail audit, ObjectMapper json, Clock clock,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.institutions = institutions;
		this.tenants = tenants;
		this.figures = figures;
		this.overview = overview;
		this.regions = regions;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** The last ended year: the default. */
	int lastYear() {
		return ChinaTime.today(this.clock).getYear() - 1;
	}

	/**
	 * The year from a parameter: blank for last year; otherwise an ended year from 2000.
	 * @throws FieldErrorException {@code year} not such a year
	 */
	int year(String year) {
		int last = lastYear();
		if (year == null || year.isBlank()) {
			return last;
		}
		int y;
		try {
			y = Integer.parseInt(year.strip());
		}
		catch (NumberFormatException ex) {
			throw new FieldErrorException("year", "year 须为年份，如 " + last);
		}
		if (y < 2000 || y > last) {
			throw new FieldErrorException("year", "统计年报的年度须为已结束的年份（2000 年至 " + last + " 年）");
		}
		return y;
	}

	/** An institution of the operator's own organisation; 404 otherwise. */
	private InstitutionSummary own(long institutionId, CurrentUser user) {
		if (!user.hasRole(Role.OPERATOR)) {
			throw new NotFoundException("institution " + institutionId);
		}
		return this.institutions.get(institutionId, user);
	}

	/**
	 * The report as the operator opens it: the figures computed now from the records, the
	 * supplements to declare (pre-filled from the latest version), and the versions
	 * submitted so far.
	 */
	@Transactional(readOnly = true)
	Draft open(long institutionId, int year, CurrentUser user) {
		InstitutionSummary i = own(institutionId, user);
		return draft(i, year);
	}

	private Draft draft(InstitutionSummary i, int year) {
		Map<AnnualIndicator, BigDecimal> computed = compute(i, year);
		List<Report> versions = versions(i.id(), year);
		Report latest = versions.isEmpty() ? null : versions.get(0);
		List<Line> lines = new ArrayList<>();
		for (AnnualIndicator a : AnnualIndicator.ALL) {
			BigDecimal value = computed.get(a);
			if (value != null) {
				lines.add(new Line(a, text(value), text(value), true, a.computedFrom()));
			}
			else {
				Figure before = (latest != null) ? latest.figures().get(a.code) : null;
				String raw = (before != null && DECLARED.equals(before.source())) ? text(before.value()) : "";
				lines.add(new Line(a, raw, raw, false, "申报"));
			}
		}
		return new Draft(i, year, lines, latest, versions);
	}

	/** The values the records give; an indicator they cannot give is absent. */
	private Map<AnnualIndicator, BigDecimal> compute(InstitutionSummary i, int year) {
		Map<AnnualIndicator, BigDecimal> v = new LinkedHashMap<>();
		List<Long> ids = List.of(i.id());
		TenantYearCensus.YearCounts t = this.tenants.ofYear(year, ids);
		v.put(AnnualIndicator.TENANTS, BigDecimal.valueOf(t.enterprises()));
		v.put(AnnualIndicator.TEAMS, BigDecimal.valueOf(t.teams()));
		v.put(AnnualIndicator.ADMITTED, BigDecimal.valueOf(t.admitted()));
		v.put(AnnualIndicator.GRADUATED, BigDecimal.valueOf(t.graduated()));
		v.put(AnnualIndicator.GRADUATED_TOTAL, BigDecimal.valueOf(t.graduatedTotal()));
		TenantFigures.Sums s = this.figures.sumsOf(year, ids).getOrDefault(i.id(), TenantFigures.Sums.NONE);
		v.put(AnnualIndicator.REVENUE, s.revenueWan());
		v.put(AnnualIndicator.IP_OWNING, BigDecimal.valueOf(s.ipOwningTenants()));
		v.put(AnnualIndicator.PATENTS, BigDecimal.valueOf(s.patentApplications()));
		v.put(AnnualIndicator.HIGH_TECH, BigDecimal.valueOf(s.highTechTenants()));
		v.put(AnnualIndicator.FINANCING, s.financingWan());
		OperatorYear r = this.institutions.recordsOfYear(i.id(), year).orElse(null);
		if (r != null) {
			v.put(AnnualIndicator.EVENTS, BigDecimal.valueOf(r.events()));
			v.put(AnnualIndicator.PARTICIPANTS, BigDecimal.valueOf(r.eventParticipants()));
			if (r.trainees() != null) {
				v.put(AnnualIndicator.TRAINEES, BigDecimal.valueOf(r.trainees()));
			}
			v.put(AnnualIndicator.MENTORS, BigDecimal.valueOf(r.mentors()));
			v.put(AnnualIndicator.COUNSELLING, BigDecimal.valueOf(r.counselling()));
			v.put(AnnualIndicator.INVESTMENTS, BigDecimal.valueOf(r.investments()));
			v.put(AnnualIndicator.INVESTMENT_AMOUNT, wan(r.investmentCny()));
			if (r.staff() != null) {
				v.put(AnnualIndicator.STAFF, BigDecimal.valueOf(r.staff()));
			}
			if (r.areaM2() != null) {
				v.put(AnnualIndicator.AREA, r.areaM2());
			}
			if (r.fundCny() != null) {
				v.put(AnnualIndicator.FUND, wan(r.fundCny()));
			}
		}
		return v;
	}

	/**
	 * The operator submits the report: the computed figures as they stand and the
	 * supplements it declares. The first submission is version 1; another is a correction
	 * and needs its reason. {@code version} is the latest version the operator saw (0 for
	 * none): a submission that crossed another is refused (409).
	 * @throws FieldErrorException naming each supplement or the correction in error
	 */
	@Transactional
	Report submit(long institutionId, int year, Map<String, String> supplements, String correction, int version,
			CurrentUser user) {
		InstitutionSummary i = own(institutionId, user);
		Map<AnnualIndicator, BigDecimal> computed = compute(i, year);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Figure> out = new LinkedHashMap<>();
		for (AnnualIndicator a : AnnualIndicator.ALL) {
			BigDecimal c = computed.get(a);
			if (c != null) {
				out.put(a.code, new Figure(c, COMPUTED));
				continue;
			}
			String raw = (supplements != null) ? supplements.get(a.code) : null;
			BigDecimal value = parse(a, raw, errors);
			if (value != null) {
				out.put(a.code, new Figure(value, DECLARED));
			}
		}
		int latest = latestVersion(institutionId, year);
		if (latest != version) {
			throw new OptimisticLockingFailureException("annual report " + institutionId + "/" + year + " changed");
		}
		String reason = (correction == null || correction.isBlank()) ? null : correction.strip();
		if (latest > 0 && reason == null) {
			errors.put("correction", "更正已报送的年报须说明更正原因");
		}
		else if (reason != null && reason.length() > 500) {
			errors.put("correction", "更正原因不超过 500 字");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		int next = latest + 1;
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				INSERT INTO statistics_annual_report (institution_id, year, version, region_code, figures, correction,
				  submitted_by, submitted_at)
				VALUES (:i, :year, :version, :region, CAST(:figures AS jsonb), :correction, :by, :at)
				ON CONFLICT (institution_id, year, version) DO NOTHING
				RETURNING id
				""")
			.param("i", i.id())
			.param("year", year)
			.param("version", next)
			.param("region", i.regionCode())
			.param("figures", write(out))
			.param("correction", (next == 1) ? null : reason)
			.param("by", user.username())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new OptimisticLockingFailureException(
					"annual report " + institutionId + "/" + year + " submitted meanwhile"));
		this.audit.record(AuditEntry.success((next == 1) ? "ANNUAL_REPORT_SUBMITTED" : "ANNUAL_REPORT_CORRECTED",
				"institution", i.id(),
				i.name() + " " + year + " 年统计年报" + ((next == 1) ? "报送" : "更正（第 " + next + " 版）：" + reason),
				i.regionCode()));
		return new Report(id, i.id(), year, next, i.regionCode(), out, (next == 1) ? null : reason, user.username(),
				now);
	}

	private static BigDecimal parse(AnnualIndicator a, String raw, Map<String, String> errors) {
		if (raw == null || raw.isBlank()) {
			errors.put(a.code, "请填写" + a.label + "（无记录可计算，须申报）");
			return null;
		}
		BigDecimal v;
		try {
			v = new BigDecimal(raw.strip().replace(",", "").replace("，", ""));
		}
		catch (NumberFormatException ex) {
			errors.put(a.code, a.label + "须为数字");
			return null;
		}
		if (v.signum() < 0) {
			errors.put(a.code, a.label + "不能为负数");
			return null;
		}
		if (v.compareTo(MAX) > 0) {
			errors.put(a.code, a.label + "数值过大");
			return null;
		}
		if (a.whole && v.stripTrailingZeros().scale() > 0) {
			errors.put(a.code, a.label + "须为整数（" + a.unit + "）");
			return null;
		}
		if (!a.whole && v.stripTrailingZeros().scale() > 2) {
			errors.put(a.code, a.label + "最多保留两位小数");
			return null;
		}
		return v;
	}

	private int latestVersion(long institutionId, int year) {
		return this.jdbc.sql(
				"SELECT COALESCE(max(version), 0) FROM statistics_annual_report WHERE institution_id = :i AND year = :y")
			.param("i", institutionId)
			.param("y", year)
			.query(Integer.class)
			.single();
	}

	/** Every version of one institution's report for a year, latest first. */
	private List<Report> versions(long institutionId, int year) {
		return this.jdbc.sql("""
				SELECT id, institution_id, year, version, region_code, figures::text AS figures, correction,
				       submitted_by, submitted_at
				FROM statistics_annual_report WHERE institution_id = :i AND year = :y ORDER BY version DESC
				""").param("i", institutionId).param("y", year).query((rs, n) -> map(rs)).list();
	}

	/**
	 * Who has reported for {@code year} in a region within the bureau's scope (its own
	 * when blank): every institution that owes a report with its latest version, the sums
	 * of the latest versions, and the same per direct sub-region for the drill-down.
	 * @throws NotFoundException an unknown region or one outside the user's scope
	 */
	@Transactional(readOnly = true)
	Summary summary(CurrentUser user, String region, int year) {
		if (user == null || !user.role().isGovernment()) {
			throw new NotFoundException("annual reports");
		}
		String code = (region == null || region.isBlank()) ? user.regionCode() : this.overview.region(region);
		if (!this.regions.contains(user.regionCode(), code)) {
			throw new NotFoundException("region " + code);
		}
		List<String> scope = StatisticsOverview.NATION.equals(code) ? null : this.regions.codesWithin(code);
		List<InstitutionSummary> owing = this.institutions.reporting(scope, year);
		Map<Long, Report> latest = latest(scope, year);
		Map<Long, InstitutionSummary> byId = new LinkedHashMap<>();
		owing.forEach((i) -> byId.put(i.id(), i));
		List<Long> missing = latest.keySet().stream().filter((id) -> !byId.containsKey(id)).toList();
		this.institutions.findAll(missing).forEach((i) -> byId.put(i.id(), i));
		List<Entry> entries = new ArrayList<>();
		for (InstitutionSummary i : byId.values()) {
			entries.add(new Entry(i, latest.get(i.id())));
		}
		// the direct sub-regions
		List<Region> children = this.regions.children(code);
		int depth = this.regions.path(code).size();
		Map<String, String> childOf = new HashMap<>();
		Map<String, List<Entry>> perChild = new LinkedHashMap<>();
		children.forEach((c) -> perChild.put(c.code(), new ArrayList<>()));
		for (Entry e : entries) {
			String child = childOf.computeIfAbsent(e.institution().regionCode(), (c) -> {
				List<Region> path = this.regions.path(c);
				return (path.size() > depth) ? path.get(depth).code() : "";
			});
			if (perChild.containsKey(child)) {
				perChild.get(child).add(e);
			}
		}
		List<Part> parts = new ArrayList<>();
		for (Region c : children) {
			List<Entry> in = perChild.get(c.code());
			parts.add(new Part(c.code(), c.name(), in.size(), in.stream().filter(Entry::isReported).count(), sums(in)));
		}
		return new Summary(code, this.regions.fullName(code), year, entries.size(),
				entries.stream().filter(Entry::isReported).count(), sums(entries), parts, entries);
	}

	private static Map<String, BigDecimal> sums(Collection<Entry> entries) {
		Map<String, BigDecimal> sums = new LinkedHashMap<>();
		AnnualIndicator.ALL.forEach((a) -> sums.put(a.code, BigDecimal.ZERO));
		for (Entry e : entries) {
			if (e.report() == null) {
				continue;
			}
			e.report().figures().forEach((k, f) -> sums.computeIfPresent(k, (x, s) -> s.add(f.value())));
		}
		sums.replaceAll((k, v) -> plain(v));
		return sums;
	}

	/** The latest version of every report of the year in the regions (null: all). */
	private Map<Long, Report> latest(List<String> scope, int year) {
		Map<Long, Report> out = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					SELECT DISTINCT ON (institution_id) id, institution_id, year, version, region_code, figures::text AS figures,
					       correction, submitted_by, submitted_at
					FROM statistics_annual_report
					WHERE year = :y AND (CAST(:all AS boolean) OR region_code = ANY(:regions))
					ORDER BY institution_id, version DESC
					""")
			.param("y", year)
			.param("all", scope == null)
			.param("regions", (scope != null) ? scope.toArray(String[]::new) : new String[0])
			.query((rs, n) -> map(rs))
			.list()
			.forEach((r) -> out.put(r.institutionId(), r));
		return out;
	}

	private Report map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, Figure> f = new LinkedHashMap<>();
		JsonNode node = this.json.readTree(rs.getString("figures"));
		node.properties()
			.forEach((e) -> f.put(e.getKey(), new Figure(new BigDecimal(e.getValue().get("value").asString()),
					e.getValue().get("source").asString())));
		return new Report(rs.getLong("id"), rs.getLong("institution_id"), rs.getInt("year"), rs.getInt("version"),
				rs.getString("region_code"), f, rs.getString("correction"), rs.getString("submitted_by"),
				rs.getTimestamp("submitted_at").toInstant());
	}

	private String write(Map<String, Figure> figures) {
		Map<String, Map<String, String>> out = new LinkedHashMap<>();
		figures.forEach((k, f) -> out.put(k, Map.of("value", f.value().toPlainString(), "source", f.source())));
		return this.json.writeValueAsString(out);
	}

	private static BigDecimal wan(long cny) {
		return plain(BigDecimal.valueOf(cny).divide(WAN, 2, RoundingMode.HALF_UP));
	}

	private static BigDecimal plain(BigDecimal v) {
		BigDecimal s = v.stripTrailingZeros();
		return (s.scale() < 0) ? s.setScale(0) : s;
	}

	/** A value as pages, the sheet and the API write it: 12, 36.5. */
	static String text(BigDecimal v) {
		return (v == null) ? "" : plain(v).toPlainString();
	}

	/**
	 * The sheet of a summary in the survey's layout: one row per institution, a total.
	 */
	List<List<String>> sheet(Summary s) {
		List<List<String>> rows = new ArrayList<>();
		for (Entry e : s.entries()) {
			InstitutionSummary i = e.institution();
			List<String> row = new ArrayList<>(List.of(i.name(), i.operatorName(), i.operatorCreditCode(),
					this.regions.fullName(i.regionCode()), kindLabel(i), e.isReported() ? "已报送" : "未报送",
					e.isReported() ? String.valueOf(e.report().version()) : ""));
			for (AnnualIndicator a : AnnualIndicator.ALL) {
				Figure f = e.isReported() ? e.report().figures().get(a.code) : null;
				row.add((f != null) ? text(f.value()) : "");
			}
			rows.add(row);
		}
		List<String> total = new ArrayList<>(
				List.of("合计", "", "", s.regionName(), "", "已报送 " + s.reported() + " / 应报 " + s.expected(), ""));
		AnnualIndicator.ALL.forEach((a) -> total.add(text(s.totals().get(a.code))));
		rows.add(total);
		return rows;
	}

	/** The sheet's headings. */
	static List<String> headings() {
		List<String> h = new ArrayList<>(List.of("载体名称", "运营机构", "统一社会信用代码", "所在地区", "载体类型", "报送状态", "版本"));
		AnnualIndicator.ALL.forEach((a) -> h.add(a.heading()));
		return h;
	}

	private String kindLabel(InstitutionSummary i) {
		return this.messages.getMessage("institution.kind." + i.kind().name(), null, i.kind().name(),
				java.util.Locale.SIMPLIFIED_CHINESE);
	}

	/** The codes the report form reads. */
	static Set<String> codes() {
		Set<String> codes = new java.util.LinkedHashSet<>();
		AnnualIndicator.ALL.forEach((a) -> codes.add(a.code));
		return codes;
	}

	/** A value with its source: {@link #COMPUTED} or {@link #DECLARED}. */
	record Figure(BigDecimal value, String source) {
	}

	/** One submitted version. */
	record Report(long id, long institutionId, int year, int version, String regionCode, Map<String, Figure> figures,
			String correction, String submittedBy, Instant submittedAt) {
	}

	/**
	 * A line of the form: the indicator, its value (computed, or the supplement as last
	 * declared), whether computed, its source in words.
	 */
	record Line(AnnualIndicator indicator, String value, String raw, boolean computed, String source) {
	}

	/** The report as the operator opens it. */
	record Draft(InstitutionSummary institution, int year, List<Line> lines, Report latest, List<Report> versions) {

		public boolean isSubmitted() {
			return this.latest != null;
		}

	}

	/**
	 * An institution that owes a report, with its latest version (null: not reported).
	 */
	record Entry(InstitutionSummary institution, Report report) {

		public boolean isReported() {
			return this.report != null;
		}

	}

	/** A direct sub-region: institutions owing, reported, sums. */
	record Part(String region, String name, long expected, long reported, Map<String, BigDecimal> totals) {
	}

	/** Who has reported in a region for a year, and the sums of their reports. */
	record Summary(String region, String regionName, int year, long expected, long reported,
			Map<String, BigDecimal> totals, List<Part> byRegion, List<Entry> entries) {
	}

}
