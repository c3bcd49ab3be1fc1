package cn.zhongchuang.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 导出 Excel of any staff list: exactly the rows its filters, date range and sort select,
 * all pages, streamed into an XLSX sheet (SXSSF) in batches. Dates are ISO (2026-12-01),
 * instants ISO in China time (2026-12-01 09:30). A list longer than {@link #MAX_ROWS}
 * exports its first rows and ends with a row saying so.
 */
public final class ListExport {

	public static final int MAX_ROWS = 50_000;

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ListExport() {
	}

	/** One column of the sheet: its Chinese header and the text of a row's cell. */
	public record Column<T>(String header, Function<T, String> value) {

		public static <T> Column<T> of(String header, Function<T, ?> value) {
			return new Column<>(header, (row) -> text(value.apply(row)));
		}

	}

	public static <T> Column<T> column(String header, Function<T, ?> value) {
		return Column.of(header, value);
	}

	/** The text of a cell: ISO for dates and instants, empty for null. */
	public static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		if (value instanceof Instant instant) {
			return MINUTE.format(instant.atZone(ChinaTime.ZONE));
		}
		if (value instanceof Boolean b) {
			return b ? "是" : "否";
		}
		return value.toString();
	}

	/**
	 * Writes the list as a download {@code title}.xlsx with one sheet {@code title}.
	 * Parameters that were not applied (a bad date) export what the page shows: the list
	 * without that filter.
	 */
	public static <T> void respond(HttpServletResponse response, String title, List<Column<T>> columns,
			ListQuery<T> query, ListParams params) {
		respond(response, title, columns, query, params, MAX_ROWS);
	}

	/** The same for a list held in memory ({@link ListRows}). */
	public static <T> void respond(HttpServletResponse response, String title, List<Column<T>> columns,
			ListRows<T> rows, ListParams params) {
		ListState state = ((params != null) ? params : ListParams.none()).resolve(rows.spec());
		List<T> all = rows.rows(state);
		write(response, title, columns, all.size(), MAX_ROWS, (cap, each) -> all.stream().limit(cap).forEach(each));
	}

	static <T> void respond(HttpServletResponse response, String title, List<Column<T>> columns, ListQuery<T> query,
			ListParams params, int cap) {
		ListState state = ((params != null) ? params : ListParams.none()).resolve(query.spec());
		write(response, title, columns, query.count(state), cap, (limit, each) -> query.each(state, limit, each));
	}

	private static <T> void write(HttpServletResponse response, String title, List<Column<T>> columns, long total,
			int cap, java.util.function.BiConsumer<Integer, java.util.function.Consumer<T>> rows) {
		Xlsx.download(response, title + ".xlsx");
		List<String> headers = columns.stream().map(Column::header).toList();
		try (Xlsx.Writer sheet = new Xlsx.Writer(title, headers)) {
			rows.accept(cap, (row) -> {
				List<String> cells = new ArrayList<>(columns.size());
				for (Column<T> column : columns) {
					cells.add(column.value().apply(row));
				}
				sheet.row(cells);
			});
			if (total > cap) {
				sheet.row(List.of("仅导出了前 " + cap + " 条（共 " + total + " 条），请缩小筛选范围后分批导出。"));
			}
			sheet.finish(response.getOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
