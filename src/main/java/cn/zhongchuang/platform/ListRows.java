package cn.zhongchuang.platform;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A staff list that the service builds whole in memory (a year's filings with their due
 * dates, the results of one round): the same sort keys, date range, page size and export
 * as a {@link ListQuery}, applied to the rows in Java. Each sort key is a comparator
 * (nulls last in both directions); the rows' own order breaks ties; the date range keeps
 * the rows whose date lies in it (a row without a date is left out once a range is
 * given).
 */
public final class ListRows<T> {

	private final List<T> all;

	private final ListSpec spec;

	private final Map<String, Function<T, ? extends Comparable<?>>> orders;

	private final Function<T, LocalDate> date;

	private ListRows(List<T> all, ListSpec spec, Map<String, Function<T, ? extends Comparable<?>>> orders,
			Function<T, LocalDate> date) {
		this.all = List.copyOf(all);
		this.spec = spec;
		this.orders = orders;
		this.date = date;
	}

	public static <T> Builder<T> of(List<T> rows) {
		return new Builder<>(rows);
	}

	public ListSpec spec() {
		return this.spec;
	}

	/** One page: the page asked for, or the last one when it lies beyond the end. */
	public ListPage<T> page(ListParams params) {
		ListState state = ((params != null) ? params : ListParams.none()).resolve(this.spec);
		List<T> rows = rows(state);
		int last = Math.max(1, (rows.size() + state.size() - 1) / state.size());
		ListState shown = state.onPage(Math.min(state.page(), last));
		int from = PageResult.offset(shown.page(), shown.size());
		List<T> items = rows.subList(Math.min(from, rows.size()), Math.min(from + shown.size(), rows.size()));
		return new ListPage<>(new PageResult<>(List.copyOf(items), rows.size(), shown.page(), shown.size()), shown);
	}

	/** Every row the date range leaves, in the order of the state. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public List<T> rows(ListState state) {
		Function<T, Comparable> value = (Function) this.orders.get(state.sort());
		Comparator<Comparable> natural = Comparator.naturalOrder();
		Comparator<T> order = Comparator.comparing(value, state.ascending() ? natural : natural.reversed());
		List<T> kept = this.all.stream().filter((row) -> within(row, state)).toList();
		// stable: the rows' own order breaks ties; rows without a value last
		List<T> sorted = new java.util.ArrayList<>(kept.stream().filter((row) -> value.apply(row) != null).toList());
		sorted.sort(order);
		kept.stream().filter((row) -> value.apply(row) == null).forEach(sorted::add);
		return sorted;
	}

	private boolean within(T row, ListState state) {
		if (this.date == null || (state.from() == null && state.to() == null)) {
			return true;
		}
		LocalDate d = this.date.apply(row);
		return d != null && (state.from() == null || !d.isBefore(state.from()))
				&& (state.to() == null || !d.isAfter(state.to()));
	}

	public static final class Builder<T> {

		private final List<T> rows;

		private final ListSpec.Builder spec = ListSpec.builder();

		private final Map<String, Function<T, ? extends Comparable<?>>> orders = new LinkedHashMap<>();

		private Function<T, LocalDate> date;

		private Builder(List<T> rows) {
			this.rows = rows;
		}

		/**
		 * A sort key and the value it orders by (rows without a value last, whichever the
		 * direction).
		 */
		public <U extends Comparable<? super U>> Builder<T> sort(String key, Function<T, U> value) {
			this.spec.sort(key, key);
			this.orders.put(key, value);
			return this;
		}

		public Builder<T> defaultSort(String key, boolean ascending) {
			this.spec.defaultSort(key, ascending);
			return this;
		}

		/** The date the range (从 … 至 …) filters. */
		public Builder<T> dates(Function<T, LocalDate> date) {
			this.date = date;
			this.spec.dates("date");
			return this;
		}

		public ListRows<T> build() {
			return new ListRows<>(this.rows, this.spec.build(), this.orders, this.date);
		}

	}

}
