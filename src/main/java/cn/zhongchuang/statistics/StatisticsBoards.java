package cn.zhongchuang.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns an {@link Overview} into a {@link Board}: labels from the messages, links to the
 * lists behind the figures, the charts' data, the targets' progress.
 */
@Component
class StatisticsBoards {

	private final MessageSource messages;

	private final Regions regions;

	private final PolicyCatalog packs;

	private final ObjectMapper json;

	StatisticsBoards(MessageSource messages, Regions regions, PolicyCatalog packs, ObjectMapper json) {
		this.messages = messages;
		this.regions = regions;
		this.packs = packs;
		this.json = json;
	}

	/**
	 * The board of an overview.
	 * @param page the page's own path, for the drill-down links ({@code /statistics},
	 * {@code /dashboard})
	 * @param lists whether the figures link to the signed-in lists (institutions,
	 * tenants) beside the public registry
	 * @param top the highest region the trail may go up to
	 */
	Board board(Overview o, String page, boolean lists, String top, Locale locale) {
		return board(o, page, lists, lists, top, "", locale);
	}

	/**
	 * The board, {@code keep} the further filters kept in drill-down links
	 * ({@code &kind=…}).
	 */
	Board board(Overview o, String page, boolean lists, boolean tenantLists, String top, String keep, Locale locale) {
		String asOf = o.asOf().toString();
		List<Board.Place> trail = new ArrayList<>();
		boolean above = true;
		for (Region r : this.regions.path(o.region())) {
			if (r.code().equals(top)) {
				above = false;
			}
			if (!above) {
				trail.add(new Board.Place(r.code(), r.name()));
			}
		}
		String registry = "/registry?region=" + o.region();
		List<Board.Figure> figures = new ArrayList<>();
		long titles = o.institutions().byLevel().values().stream().mapToLong(Long::longValue).sum();
		figures.add(new Board.Figure("institutions", msg("stats.figure.institutions", locale),
				String.valueOf(o.institutions().total()),
				lists ? "/institutions?region=" + o.region() : registry + "&status=ACTIVE"));
		figures.add(new Board.Figure("titles", msg("stats.figure.titles", locale), String.valueOf(titles),
				registry + "&status=ACTIVE"));
		figures.add(new Board.Figure("tenants", msg("stats.figure.tenants", locale),
				String.valueOf(o.tenants().active()), tenantLists ? "/tenants?status=ACTIVE" : null));
		figures.add(new Board.Figure("teams", msg("stats.figure.teams", locale), String.valueOf(o.tenants().teams()),
				null));
		figures.add(new Board.Figure("graduated", msg("stats.figure.graduated", locale),
				String.valueOf(o.tenants().graduated()), tenantLists ? "/tenants?status=GRADUATED" : null));
		List<Board.Table> tables = new ArrayList<>();
		tables.add(table("byLevel", "stats.table.byLevel", "bar", o.institutions().byLevel(), "rec.level.",
				(k) -> registry + "&level=" + k + "&status=ACTIVE", locale));
		tables.add(table("byStatus", "stats.table.byStatus", "pie", o.institutions().byStatus(), "rec.status.",
				(k) -> registry + "&status=" + k, locale));
		tables.add(table("byKind", "stats.table.byKind", "pie", o.institutions().byKind(), "institution.kind.",
				lists ? (k) -> "/institutions?region=" + o.region() + "&kind=" + k : null, locale));
		tables.add(table("byServiceModel", "stats.table.byServiceModel", "bar", o.institutions().byServiceModel(),
				"institution.serviceModel.", null, locale));
		tables.add(table("bySectorType", "stats.table.bySectorType", "bar", o.institutions().bySectorType(),
				"institution.sectorType.", null, locale));
		if (!o.byRegion().isEmpty()) {
			List<Board.Row> rows = new ArrayList<>();
			List<String> labels = new ArrayList<>();
			List<Long> values = new ArrayList<>();
			List<String> links = new ArrayList<>();
			for (Overview.SubRegion r : o.byRegion()) {
				String drill = page + "?region=" + r.region() + "&asOf=" + asOf + keep;
				rows.add(new Board.Row(r.name(), drill, List.of(new Board.Figure(null, null,
						String.valueOf(r.institutions()), "/registry?region=" + r.region() + "&status=ACTIVE"))));
				labels.add(r.name());
				values.add(r.institutions());
				links.add(drill);
			}
			tables.add(new Board.Table("byRegion", msg("stats.table.byRegion", locale),
					List.of(msg("stats.figure.institutions", locale)), rows, chart("bar", labels, values, links)));
		}
		return new Board(o.region(), this.regions.fullName(o.region()), trail, ChinaTime.format(o.asOf()), asOf,
				figures, tables, targets(o, locale));
	}

	private Board.Table table(String id, String title, String type, Map<String, Long> counts, String prefix,
			Function<String, String> link, Locale locale) {
		List<Board.Row> rows = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		counts.forEach((k, v) -> {
			String label = msg(prefix + k, locale);
			rows.add(new Board.Row(label, null,
					List.of(new Board.Figure(null, null, String.valueOf(v), (link != null) ? link.apply(k) : null))));
			labels.add(label);
			values.add(v);
		});
		return new Board.Table(id, msg(title, locale), List.of(msg("stats.column.count", locale)), rows,
				rows.isEmpty() ? null : chart(type, labels, values, null));
	}

	/** A chart of several series over the same labels (grouped bars). */
	String chart(List<String> labels, Map<String, List<Long>> series) {
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("type", "bars");
		data.put("labels", labels);
		data.put("series",
				series.entrySet().stream().map((e) -> Map.of("name", e.getKey(), "values", e.getValue())).toList());
		return this.json.writeValueAsString(data);
	}

	String chart(String type, List<String> labels, List<? extends Number> values, List<String> links) {
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("type", type);
		data.put("labels", labels);
		data.put("values", values);
		if (links != null) {
			data.put("links", links);
		}
		return this.json.writeValueAsString(data);
	}

	private List<Board.TargetRow> targets(Overview o, Locale locale) {
		List<Board.TargetRow> rows = new ArrayList<>();
		for (Overview.TargetProgress t : o.targets()) {
			PolicyPack pack = this.packs.all()
				.stream()
				.filter((p) -> p.id().equals(t.policy()))
				.findFirst()
				.orElse(null);
			String packTitle = (pack != null) ? pack.title() : "";
			String value = number(t.value()) + (t.unit() != null ? t.unit() : "");
			if (t.actual() == null) {
				rows.add(new Board.TargetRow(packTitle, t.name(), t.year(), value, null, t.note(), null,
						msg("stats.target.unmeasured", locale), false));
				continue;
			}
			double target = t.value().doubleValue();
			double actual = t.actual().doubleValue();
			int percent = (target > 0) ? (int) Math.min(100, Math.round(actual * 100 / target)) : 100;
			String state;
			boolean onTrack;
			if ("REPORTED".equals(t.comparator())) {
				state = msg("stats.target.baseline", locale);
				onTrack = actual >= target;
			}
			else if (actual >= target) {
				state = msg("stats.target.reached", locale);
				onTrack = true;
			}
			else if (t.year() != null && o.asOf().isAfter(LocalDate.of(t.year(), 12, 31))) {
				state = msg("stats.target.missed", locale);
				onTrack = false;
			}
			else {
				onTrack = actual >= target * elapsed(pack, t.year(), o.asOf());
				state = msg(onTrack ? "stats.target.onTrack" : "stats.target.behind", locale);
			}
			rows.add(new Board.TargetRow(packTitle, t.name(), t.year(), value,
					number(t.actual()) + (t.unit() != null ? t.unit() : ""), null, percent, state, onTrack));
		}
		return rows;
	}

	/**
	 * The share of the way from the pack's effective day to the end of the target year.
	 */
	private static double elapsed(PolicyPack pack, Integer year, LocalDate asOf) {
		if (pack == null || pack.effectiveFrom() == null || year == null) {
			return 1;
		}
		LocalDate end = LocalDate.of(year, 12, 31);
		long total = ChronoUnit.DAYS.between(pack.effectiveFrom(), end);
		long gone = ChronoUnit.DAYS.between(pack.effectiveFrom(), asOf);
		return (total <= 0) ? 1 : Math.max(0, Math.min(1, (double) gone / total));
	}

	private static String number(Number n) {
		return (n.doubleValue() == Math.rint(n.doubleValue())) ? String.valueOf(n.longValue()) : n.toString();
	}

	String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	static String link(String path, Map<String, String> params) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		params.forEach((k, v) -> {
			if (v != null && !v.isBlank()) {
				b.queryParam(k, v);
			}
		});
		return b.build().encode().toUriString();
	}

}
