package cn.zhongchuang.platform;

import java.time.LocalDate;
import java.util.Map;

/**
 * A list request as it is applied: a whitelisted sort key and its direction, the page and
 * page size asked for, the date range (null ends are open), and the messages of what was
 * not applied (by field: {@code from}, {@code to}). The table fragment reads it to draw
 * the arrows, the size chooser and the date inputs.
 */
public record ListState(String sort, boolean ascending, int page, int size, LocalDate from, LocalDate to,
		Map<String, String> errors) {

	public ListState {
		errors = Map.copyOf(errors);
	}

	public String dir() {
		return this.ascending ? "asc" : "desc";
	}

	public boolean sortedBy(String key) {
		return this.sort.equals(key);
	}

	/** The direction a click on the header of {@code key} asks for. */
	public String nextDir(String key) {
		return (sortedBy(key) && this.ascending) ? "desc" : "asc";
	}

	/** The page sizes of the chooser. */
	public java.util.List<Integer> sizes() {
		return ListParams.SIZES;
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	/** For the API: a date that was not applied is a 400 naming the field. */
	public ListState requireValid() {
		if (hasErrors()) {
			throw new FieldErrorException(this.errors);
		}
		return this;
	}

	ListState onPage(int page) {
		return new ListState(this.sort, this.ascending, page, this.size, this.from, this.to, this.errors);
	}

}
