package cn.zhongchuang.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 导出 Excel: a list as an XLSX sheet, streamed (SXSSF keeps 100 rows in memory). Every
 * cell is text; text that a spreadsheet would take for a formula (starting with = + - @
 * TAB or CR) gets a leading apostrophe. Used by every module's 导出 Excel.
 */
public final class Xlsx {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Xlsx() {
	}

	/** The text as written to a cell: formula triggers escaped. */
	public static String escape(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

	public static void write(String sheetName, List<String> headers, List<List<String>> rows, OutputStream out) {
		try (Writer writer = new Writer(sheetName, headers)) {
			rows.forEach(writer::row);
			writer.finish(out);
		}
	}

	/**
	 * A sheet written row by row (SXSSF flushes all but the last 100 rows to a temporary
	 * file), for lists too long to hold in memory.
	 */
	public static final class Writer implements AutoCloseable {

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);

		private final Sheet sheet;

		private int next;

		public Writer(String sheetName, List<String> headers) {
			this.sheet = this.workbook.createSheet(sheetName);
			row(headers);
		}

		public void row(List<String> values) {
			Row row = this.sheet.createRow(this.next++);
			for (int c = 0; c < values.size(); c++) {
				Cell cell = row.createCell(c);
				cell.setCellValue(escape(values.get(c)));
			}
		}

		public void finish(OutputStream out) {
			try {
				this.workbook.write(out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			this.workbook.dispose();
			try {
				this.workbook.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * The headers of an XLSX download named {@code fileName} (Chinese names kept, RFC
	 * 5987).
	 */
	public static void download(HttpServletResponse response, String fileName) {
		response.setContentType(CONTENT_TYPE);
		response.setHeader("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
				+ URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	public static void respond(HttpServletResponse response, String fileName, String sheetName, List<String> headers,
			List<List<String>> rows) {
		download(response, fileName);
		try {
			write(sheetName, headers, rows, response.getOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
