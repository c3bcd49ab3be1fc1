package cn.zhongchuang.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one staff list may be sorted by and where its date sits: a whitelist of sort keys
 * (the request names a key, never SQL), the default sort, and the column a date range (从
 * … 至 …) filters. Each sort key is one or more SQL expressions; a descending sort
 * reverses each of them (an expression written {@code … DESC} becomes ascending). The
 * tie-breaker (usually {@code id}) makes every order total, so that pages and exports
 * never skip or repeat a row.
 */
public final class ListSpec {

	/**
	 * Kind of the date column: a {@code date}, or a {@code timestamptz} read as a China
	 * day.
	 */
	public enum DateKind {

		DATE, INSTANT

	}

	private final Map<String, List<String>> sorts;

	private final String defaultSort;

	private final boolean defaultAscending;

	private final String tieBreak;

	private final String dateColumn;

	private final DateKind dateKind;

	private ListSpec(Builder b) {
		this.sorts = Map.copyOf(b.sorts);
		this.defaultSort = b.defaultSort;
		this.defaultAscending = b.defaultAscending;
		this.tieBreak = b.tieBreak;
		this.dateColumn = b.dateColumn;
		this.dateKind = b.dateKind;
	}

	public static Builder builder() {
		return new Builder();
	}

	public boolean sortable(String key) {
		return key != null && this.sorts.containsKey(key);
	}

	public String defaultSort() {
		return this.defaultSort;
	}

	public boolean defaultAscending() {
		return this.defaultAscending;
	}

	public boolean hasDates() {
		return this.dateColumn != null;
	}

	String dateColumn() {
		return this.dateColumn;
	}

	DateKind dateKind() {
		return this.dateKind;
	}

	/** The ORDER BY clause (without the keywords) for a whitelisted key. */
	String orderBy(String key, boolean ascending) {
		StringBuilder sql = new StringBuilder();
		for (String expression : this.sorts.get(key)) {
			sql.append(direct(expression, ascending)).append(", ");
		}
		sql.append(this.tieBreak).append(ascending ? " ASC" : " DESC");
		return sql.toString();
	}

	private static String direct(String expression, boolean ascending) {
		String e = expression.strip();
		boolean written = e.toUpperCase().endsWith(" DESC");
		String bare = written ? e.substring(0, e.length() - 5).strip() : e;
		boolean asc = (written != ascending);
		return bare + (asc ? " ASC NULLS LAST" : " DESC NULLS LAST");
	}

	public static final class Builder {

		private final Map<String, List<String>> sorts = new LinkedHashMap<>();

		private String defaultSort;

		private boolean defaultAscending = true;

		private String tieBreak = "id";

		private String dateColumn;

		private DateKind dateKind;

		private Builder() {
		}

		/** A sort key the page may ask for, and the SQL expressions it orders by. */
		public Builder sort(String key, String... expressions) {
			this.sorts.put(key, List.of(expressions));
			if (this.defaultSort == null) {
				this.defaultSort = key;
			}
			return this;
		}

		/** The sort a list opens with (the first key given unless said here). */
		public Builder defaultSort(String key, boolean ascending) {
			this.defaultSort = key;
			this.defaultAscending = ascending;
			return this;
		}

		public Builder tieBreak(String expression) {
			this.tieBreak = expression;
			return this;
		}

		/** A {@code date} column filtered by the date range. */
		public Builder dates(String column) {
			this.dateColumn = column;
			this.dateKind = DateKind.DATE;
			return this;
		}

		/**
		 * A {@code timestamptz} column filtered by the date range, days in China time.
		 */
		public Builder instants(String column) {
			this.dateColumn = column;
			this.dateKind = DateKind.INSTANT;
			return this;
		}

		public ListSpec build() {
			if (this.sorts.isEmpty() || !this.sorts.containsKey(this.defaultSort)) {
				throw new IllegalStateException("a list needs its default sort among its sort keys");
			}
			return new ListSpec(this);
		}

	}

}
