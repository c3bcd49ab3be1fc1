package cn.zhongchuang.platform;

import java.util.function.Function;

import org.springframework.ui.Model;

/**
 * One page of a staff list and the state it was drawn with (sort, size, date range,
 * messages).
 */
public record ListPage<T>(PageResult<T> results, ListState state) {

	public <R> ListPage<R> map(Function<T, R> mapper) {
		return new ListPage<>(this.results.map(mapper), this.state);
	}

	/**
	 * Puts {@code results} and {@code list} in the model, as the table fragment reads
	 * them.
	 */
	public ListPage<T> addTo(Model model) {
		model.addAttribute("results", this.results);
		model.addAttribute("list", this.state);
		return this;
	}

}
