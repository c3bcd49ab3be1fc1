package cn.zhongchuang.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total that clerks expect to see next to the pager. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 200;

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

	public int offset() {
		return offset(this.page, this.size);
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.total, this.page, this.size);
	}

	/**
	 * One page of a list already held in memory (a short list the service builds whole),
	 * with the usual clamping of page and size.
	 */
	public static <T> PageResult<T> slice(List<T> all, Integer page, Integer size) {
		int s = clampSize(size);
		int p = clampPage(page);
		int from = Math.min(all.size(), offset(p, s));
		int to = Math.min(all.size(), from + s);
		return new PageResult<>(List.copyOf(all.subList(from, to)), all.size(), p, s);
	}

	/** The highest page number asked for (with the largest size, still an int offset). */
	public static final int MAX_PAGE = 1_000_000;

	public static int offset(int page, int size) {
		return (Math.max(page, 1) - 1) * size;
	}

	/**
	 * Page numbers from 1; sizes clamped so that nobody can ask for a million rows in one
	 * page.
	 */
	public static int clampSize(Integer size) {
		if (size == null || size < 1) {
			return DEFAULT_SIZE;
		}
		return Math.min(size, MAX_SIZE);
	}

	/**
	 * Page numbers from 1 to {@link #MAX_PAGE}: a huge page number (2147483647) is the
	 * last page there could be, never an overflowing offset.
	 */
	public static int clampPage(Integer page) {
		return (page == null || page < 1) ? 1 : Math.min(page, MAX_PAGE);
	}

}
