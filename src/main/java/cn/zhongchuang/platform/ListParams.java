package cn.zhongchuang.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a list request every staff list shares: sort key and direction, page, page
 * size, and a date range. Bound from the query string as text, so that no value can fail
 * the binding; {@link #resolve(ListSpec)} turns it into a {@link ListState}: an unknown
 * sort key or direction falls back to the list's default, a page size below 1 to the
 * default and above 200 to 200, a page below 1 to 1 (beyond the end: the last page, when
 * the total is known), and a malformed date or a range whose start is after its end is
 * not applied and answers a Chinese message at the field.
 */
public record ListParams(String sort, String dir, String page, String size, String from, String to) {

	/** The page sizes a clerk may choose. */
	public static final List<Integer> SIZES = List.of(10, 20, 50, 100);

	public static final int DEFAULT_SIZE = 20;

	public static ListParams none() {
		return new ListParams(null, null, null, null, null, null);
	}

	/**
	 * Page and size only (the default sort, no dates), for callers that page by number.
	 */
	public static ListParams page(Integer page, Integer size) {
		return new ListParams(null, null, (page != null) ? page.toString() : null,
				(size != null) ? size.toString() : null, null, null);
	}

	public ListState resolve(ListSpec spec) {
		Map<String, String> errors = new LinkedHashMap<>();
		boolean known = spec.sortable(blankToNull(this.sort));
		String key = known ? this.sort.strip() : spec.defaultSort();
		// without a direction: the default sort in its own direction, another key
		// ascending
		boolean ascending = key.equals(spec.defaultSort()) ? spec.defaultAscending() : true;
		if (known && "desc".equalsIgnoreCase(strip(this.dir))) {
			ascending = false;
		}
		else if (known && "asc".equalsIgnoreCase(strip(this.dir))) {
			ascending = true;
		}
		LocalDate fromDate = null;
		LocalDate toDate = null;
		if (spec.hasDates()) {
			fromDate = date(this.from, "from", errors);
			toDate = date(this.to, "to", errors);
			if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
				errors.put("to", "截止日期不能早于起始日期");
				fromDate = null;
				toDate = null;
			}
		}
		return new ListState(key, ascending, page(this.page), size(this.size), fromDate, toDate, errors);
	}

	/**
	 * For an API: a page or size given but not a whole number is refused (400 naming the
	 * parameter) rather than read as the default, as a page does for a clerk.
	 */
	void requireWholeNumbers() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blankToNull(this.page) != null && number(this.page) == null) {
			errors.put("page", "页码须为正整数");
		}
		if (blankToNull(this.size) != null && number(this.size) == null) {
			errors.put("size", "每页条数须为正整数");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
	}

	static int page(String text) {
		Integer n = number(text);
		return (n == null || n < 1) ? 1 : Math.min(n, PageResult.MAX_PAGE);
	}

	/**
	 * The page size: the chooser offers 10, 20, 50 and 100; any size from 1 to 200 is
	 * kept (API clients ask for others), a larger one is 200, none or nonsense the
	 * default.
	 */
	static int size(String text) {
		Integer n = number(text);
		if (n == null || n < 1) {
			return DEFAULT_SIZE;
		}
		return Math.min(n, PageResult.MAX_SIZE);
	}

	private static Integer number(String text) {
		String t = strip(text);
		if (t == null || t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return (t.length() > 9) ? Integer.MAX_VALUE : Integer.parseInt(t);
	}

	private static LocalDate date(String text, String field, Map<String, String> errors) {
		String t = strip(text);
		if (t == null || t.isEmpty()) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(t);
			if (d.getYear() < 1900 || d.getYear() > 2999) {
				errors.put(field, "日期不在可查询的范围内");
				return null;
			}
			return d;
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "请选择有效的日期");
			return null;
		}
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	private static String blankToNull(String text) {
		String t = strip(text);
		return (t == null || t.isEmpty()) ? null : t;
	}

}
