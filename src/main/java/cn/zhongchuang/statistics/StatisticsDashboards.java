package cn.zhongchuang.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import cn.zhongchuang.assessment.AnnualFilings;
import cn.zhongchuang.institution.InstitutionKind;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.TitleCensus.TitleOnDay;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.subsidy.RecoveryCensus;
import cn.zhongchuang.supervision.RectificationCensus;
import cn.zhongchuang.tenant.TenantYearCensus;

import org.springframework.stereotype.Service;

/**
 * 统计看板: the board of a bureau (its region, drilled down within it, optionally one kind of
 * institution) or of an operator (its institutions), with the titles granted, lapsed and
 * revoked per year and the work that waits: late annual filings (of last year), open
 * rectification orders, subsidies due for recovery.
 */
@Service
class StatisticsDashboards {

	private final StatisticsOverview overview;

	private final StatisticsBoards boards;

	private final Regions regions;

	private final Institutions institutions;

	private final AnnualFilings filings;

	private final RectificationCensus rectifications;

	private final RecoveryCensus recoveries;

	private final TenantYearCensus tenantYears;

	StatisticsDashboards(StatisticsOverview overview, StatisticsBoards boards, Regions regions,
			Institutions institutions, AnnualFilings filings, RectificationCensus rectifications,
			RecoveryCensus recoveries, TenantYearCensus tenantYears) {
		this.tenantYears = tenantYears;
		this.overview = overview;
		this.boards = boards;
		this.regions = regions;
		this.institutions = institutions;
		this.filings = filings;
		this.rectifications = rectifications;
		this.recoveries = recoveries;
	}

	/**
	 * A bureau's or an operator's dashboard; a region outside the user's scope is 404.
	 */
	Dashboard of(CurrentUser user, String region, String asOf, String kind, Locale locale) {
		LocalDate day = this.overview.asOf(asOf);
		String k = kind(kind);
		if (user.hasRole(Role.OPERATOR)) {
			return operator(user, day, locale);
		}
		String code = (region == null || region.isBlank()) ? user.regionCode() : this.overview.region(region);
		if (!this.regions.contains(user.regionCode(), code)) {
			throw new NotFoundException("region " + code);
		}
		StatisticsOverview.Computed c = this.overview.compute(code, day, k);
		String keep = (k != null) ? "&kind=" + k : "";
		boolean national = user.hasRole(Role.NATIONAL);
		Board board = this.boards.board(c.overview(), "/dashboard", true, !national, user.regionCode(), keep, locale);
		int year = day.getYear() - 1;
		long late = this.filings.forBureau(user, year)
			.stream()
			.filter(AnnualFilings.Row::late)
			.filter((r) -> this.regions.contains(code, r.recognition().regionCode()))
			.count();
		List<String> scope = this.regions.codesWithin(code);
		List<Board.Figure> work = List.of(
				new Board.Figure("late", this.boards.msg("stats.work.late", locale, String.valueOf(year)),
						String.valueOf(late), national ? null : "/bureau/filings?year=" + year),
				new Board.Figure("rectifications", this.boards.msg("stats.work.rectifications", locale),
						String.valueOf(this.rectifications.open(scope, null)), national ? null : "/bureau/supervision"),
				new Board.Figure("recoveries", this.boards.msg("stats.work.recoveries", locale),
						String.valueOf(this.recoveries.due(scope, null)), national ? null : "/bureau/subsidies"));
		List<Board.Figure> tenantFigures = tenantFigures(TargetMeasures.activeHolders(c.titles()), day, !national,
				locale);
		return new Dashboard(board, work, tenantFigures, byYear(c.titles(), locale), false, k, kinds(locale));
	}

	private Dashboard operator(CurrentUser user, LocalDate day, Locale locale) {
		List<InstitutionSummary> mine = this.institutions.mine(user);
		List<Long> ids = mine.stream().map(InstitutionSummary::id).toList();
		List<String> credits = mine.stream().map(InstitutionSummary::operatorCreditCode).distinct().toList();
		StatisticsOverview.Computed c = this.overview.ofInstitutions(user.regionCode(), ids, day);
		Board board = this.boards.board(c.overview(), "/dashboard", true, user.regionCode(), locale);
		int year = day.getYear() - 1;
		// an operator that has not registered its organisation yet has nothing to file
		long late = mine.isEmpty() ? 0 : this.filings.mine(user, year).stream().filter(AnnualFilings.Row::late).count();
		List<Board.Figure> work = List.of(
				new Board.Figure("late", this.boards.msg("stats.work.late", locale, String.valueOf(year)),
						String.valueOf(late), "/filings?year=" + year),
				new Board.Figure("rectifications", this.boards.msg("stats.work.rectifications", locale),
						String.valueOf(credits.isEmpty() ? 0 : this.rectifications.open(null, credits)),
						"/supervision"),
				new Board.Figure("recoveries", this.boards.msg("stats.work.recoveries", locale),
						String.valueOf(credits.isEmpty() ? 0 : this.recoveries.due(null, credits)), "/subsidies/mine"));
		return new Dashboard(board, work, tenantFigures(ids, day, true, locale), byYear(c.titles(), locale), true, null,
				List.of());
	}

	/**
	 * 在孵企业营业收入 (the sum of last year's figures of the institutions' tenants) and
	 * 拥有自主知识产权的企业占比 (of the tenants in place on the day, those whose figures of last year
	 * show valid IP), each with the tenant list behind it.
	 */
	private List<Board.Figure> tenantFigures(java.util.Collection<Long> ids, LocalDate day, boolean lists,
			Locale locale) {
		int year = day.getYear() - 1;
		TenantYearCensus.IpAndRevenue f = this.tenantYears.ipAndRevenue(ids, day, year);
		String revenue = AnnualReports.text(f.revenueWan());
		String share = (f.inPlace() == 0) ? this.boards.msg("stats.figure.ipShare.none", locale)
				: java.math.BigDecimal.valueOf(f.withIp() * 100)
					.divide(java.math.BigDecimal.valueOf(f.inPlace()), 1, java.math.RoundingMode.HALF_UP)
					.toPlainString() + "%";
		return List.of(
				new Board.Figure("revenue", this.boards.msg("stats.figure.revenue", locale, String.valueOf(year)),
						revenue, lists ? "/tenants?revenueYear=" + year : null),
				new Board.Figure("ipShare", this.boards.msg("stats.figure.ipShare", locale, String.valueOf(year)),
						(f.inPlace() == 0) ? share
								: share + this.boards.msg("stats.figure.ipShare.of", locale, String.valueOf(f.withIp()),
										String.valueOf(f.inPlace())),
						lists ? "/tenants?status=ACTIVE&ipYear=" + year : null));
	}

	/** Titles granted, lapsed and revoked per year up to the day. */
	private Board.Table byYear(List<TitleOnDay> titles, Locale locale) {
		Map<Integer, long[]> years = new TreeMap<>();
		for (TitleOnDay t : titles) {
			years.computeIfAbsent(t.recognizedOn().getYear(), (y) -> new long[3])[0]++;
			if (t.endedOn() != null) {
				years.computeIfAbsent(t.endedOn().getYear(), (y) -> new long[3])["LAPSED".equals(t.status()) ? 1 : 2]++;
			}
		}
		List<Board.Row> rows = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		List<Long> granted = new ArrayList<>();
		List<Long> lapsed = new ArrayList<>();
		List<Long> revoked = new ArrayList<>();
		years.forEach((y, n) -> {
			String label = this.boards.msg("stats.year", locale, String.valueOf(y));
			rows.add(new Board.Row(label, null,
					List.of(new Board.Figure(null, null, String.valueOf(n[0]), null),
							new Board.Figure(null, null, String.valueOf(n[1]), null),
							new Board.Figure(null, null, String.valueOf(n[2]), null))));
			labels.add(label);
			granted.add(n[0]);
			lapsed.add(n[1]);
			revoked.add(n[2]);
		});
		Map<String, List<Long>> series = new java.util.LinkedHashMap<>();
		series.put(this.boards.msg("stats.column.granted", locale), granted);
		series.put(this.boards.msg("stats.column.lapsed", locale), lapsed);
		series.put(this.boards.msg("stats.column.revoked", locale), revoked);
		return new Board.Table("byYear", this.boards.msg("stats.table.byYear", locale),
				List.of(this.boards.msg("stats.column.granted", locale), this.boards.msg("stats.column.lapsed", locale),
						this.boards.msg("stats.column.revoked", locale)),
				rows, rows.isEmpty() ? null : this.boards.chart(labels, series));
	}

	private List<Map.Entry<String, String>> kinds(Locale locale) {
		List<Map.Entry<String, String>> out = new ArrayList<>();
		for (InstitutionKind k : InstitutionKind.values()) {
			out.add(Map.entry(k.name(), this.boards.msg("institution.kind." + k.name(), locale)));
		}
		return out;
	}

	private static String kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return InstitutionKind.valueOf(kind.strip()).name();
		}
		catch (IllegalArgumentException ex) {
			throw new FieldErrorException("kind", "载体类型不正确");
		}
	}

	/** The spreadsheet of every table of the dashboard: table, item, the counts. */
	List<List<String>> sheet(Dashboard d) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(d.board().regionName(), d.board().asOf()));
		for (Board.Figure f : d.board().figures()) {
			rows.add(List.of("", f.label(), f.value()));
		}
		for (Board.Figure f : d.tenantFigures()) {
			rows.add(List.of("", f.label(), f.value()));
		}
		for (Board.Figure f : d.work()) {
			rows.add(List.of("", f.label(), f.value()));
		}
		List<Board.Table> tables = new ArrayList<>(d.board().tables());
		tables.add(d.byYear());
		for (Board.Table t : tables) {
			List<String> head = new ArrayList<>(List.of(t.title(), ""));
			head.addAll(t.columns());
			rows.add(head);
			for (Board.Row r : t.rows()) {
				List<String> row = new ArrayList<>(List.of("", r.label()));
				r.cells().forEach((c) -> row.add(c.value()));
				rows.add(row);
			}
		}
		for (Board.TargetRow t : d.board().targets()) {
			rows.add(List.of(t.pack(), t.name(), String.valueOf(t.year()), t.value(),
					(t.actual() != null) ? t.actual() : "", t.state(), (t.note() != null) ? t.note() : ""));
		}
		return rows;
	}

	/**
	 * A dashboard: the board, the waiting work, the tenants' revenue and IP share, the
	 * titles per year, whether it is an operator's, the kind filter and the kinds to
	 * choose from.
	 */
	record Dashboard(Board board, List<Board.Figure> work, List<Board.Figure> tenantFigures, Board.Table byYear,
			boolean operator, String kind, List<Map.Entry<String, String>> kinds) {
	}

}
