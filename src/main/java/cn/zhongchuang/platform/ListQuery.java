package cn.zhongchuang.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One staff list as a query: the SELECT, the conditions of its filters, the
 * {@link ListSpec} that says how it may be sorted and which column the date range
 * filters, and how a row is read. {@link #page(ListParams)} answers one page with its
 * total ({@code count(*)} over the same conditions); {@link #each} walks every row in the
 * same order, for the export. Filter values are always bound parameters; the ORDER BY
 * comes only from the whitelist of the spec.
 */
public final class ListQuery<T> {

	/** Rows fetched at a time by {@link #each}. */
	static final int BATCH = 1_000;

	private final JdbcClient jdbc;

	private final ListSpec spec;

	private final String select;

	private final List<String> conditions;

	private final Map<String, Object> params;

	private final RowMapper<?> rows;

	private final Function<Object, T> view;

	private ListQuery(JdbcClient jdbc, ListSpec spec, String select, List<String> conditions,
			Map<String, Object> params, RowMapper<?> rows, Function<Object, T> view) {
		this.jdbc = jdbc;
		this.spec = spec;
		this.select = select;
		this.conditions = conditions;
		this.params = params;
		this.rows = rows;
		this.view = view;
	}

	/**
	 * @param select the SELECT … FROM … of the list, without WHERE (the conditions are
	 * added with {@link #where})
	 */
	@SuppressWarnings("unchecked")
	public static <T> ListQuery<T> of(JdbcClient jdbc, ListSpec spec, String select, RowMapper<T> rows) {
		return new ListQuery<>(jdbc, spec, select, new ArrayList<>(), new LinkedHashMap<>(), rows, (row) -> (T) row);
	}

	/** A condition every row must meet (joined with AND). */
	public ListQuery<T> where(String condition) {
		this.conditions.add(condition);
		return this;
	}

	/** A condition with its one parameter. */
	public ListQuery<T> where(String condition, String param, Object value) {
		this.conditions.add(condition);
		this.params.put(param, value);
		return this;
	}

	/** A filter that applies only when the clerk gave a value (not null, not blank). */
	public ListQuery<T> filter(Object value, String condition, String param) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return this;
		}
		return where(condition, param, (value instanceof String text) ? text.strip() : value);
	}

	/**
	 * A keyword filter: {@code condition} uses {@code :kw}, bound to {@code %keyword%}
	 * with % and _ escaped.
	 */
	public ListQuery<T> keyword(String keyword, String condition) {
		if (keyword == null || keyword.isBlank()) {
			return this;
		}
		return where(condition, "kw",
				"%" + keyword.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
	}

	public ListQuery<T> param(String name, Object value) {
		this.params.put(name, value);
		return this;
	}

	/** The same list with each row turned into what the page or export shows. */
	public <R> ListQuery<R> map(Function<T, R> mapper) {
		Function<Object, T> inner = this.view;
		return new ListQuery<>(this.jdbc, this.spec, this.select, this.conditions, this.params, this.rows,
				(row) -> mapper.apply(inner.apply(row)));
	}

	public ListSpec spec() {
		return this.spec;
	}

	/** One page: the page asked for, or the last one when it lies beyond the end. */
	public ListPage<T> page(ListParams params) {
		ListState state = ((params != null) ? params : ListParams.none()).resolve(this.spec);
		long total = count(state);
		int last = (int) Math.max(1, (total + state.size() - 1) / state.size());
		ListState shown = state.onPage(Math.min(state.page(), last));
		List<T> items = fetch(shown, shown.size(), PageResult.offset(shown.page(), shown.size()));
		return new ListPage<>(new PageResult<>(items, total, shown.page(), shown.size()), shown);
	}

	/**
	 * One page for the API: as {@link #page}, but a date that was not applied is a 400
	 * naming the field.
	 */
	public PageResult<T> results(ListParams params) {
		ListParams given = (params != null) ? params : ListParams.none();
		given.requireWholeNumbers();
		ListState state = given.resolve(this.spec);
		state.requireValid();
		return page(params).results();
	}

	/** The number of rows the filters and the date range leave. */
	public long count(ListState state) {
		Map<String, Object> p = new LinkedHashMap<>(this.params);
		String sql = "SELECT count(*) FROM (" + this.select + where(state, p) + ") AS listed";
		return this.jdbc.sql(sql).params(p).query(Long.class).single();
	}

	/** Every row in the order of the state, at most {@code cap}, fetched in batches. */
	public void each(ListState state, int cap, Consumer<T> consumer) {
		int done = 0;
		while (done < cap) {
			int limit = Math.min(BATCH, cap - done);
			List<T> batch = fetch(state, limit, done);
			batch.forEach(consumer);
			done += batch.size();
			if (batch.size() < limit) {
				return;
			}
		}
	}

	private List<T> fetch(ListState state, int limit, int offset) {
		Map<String, Object> p = new LinkedHashMap<>(this.params);
		String sql = this.select + where(state, p) + " ORDER BY " + this.spec.orderBy(state.sort(), state.ascending())
				+ " LIMIT :zcLimit OFFSET :zcOffset";
		p.put("zcLimit", limit);
		p.put("zcOffset", offset);
		return this.jdbc.sql(sql).params(p).query(this.rows).list().stream().map(this.view::apply).toList();
	}

	private String where(ListState state, Map<String, Object> p) {
		List<String> all = new ArrayList<>(this.conditions);
		if (this.spec.hasDates()) {
			if (state.from() != null) {
				all.add(this.spec.dateColumn() + " >= :zcFrom");
				p.put("zcFrom", bound(state.from()));
			}
			if (state.to() != null) {
				all.add(this.spec.dateColumn() + " < :zcBefore");
				p.put("zcBefore", bound(state.to().plusDays(1)));
			}
		}
		return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
	}

	private Object bound(LocalDate day) {
		return (this.spec.dateKind() == ListSpec.DateKind.INSTANT) ? day.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime()
				: day;
	}

}
