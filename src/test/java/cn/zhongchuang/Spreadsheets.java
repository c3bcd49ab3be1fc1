package cn.zhongchuang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.platform.Xlsx;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 导出 Excel downloads as text, for the tests of every list that exports. */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/**
	 * Performs the request, expects an XLSX download and returns its first sheet, row by
	 * row (the header first), each cell as the text it shows.
	 */
	public static List<List<String>> download(MockMvc mvc, RequestBuilder request) throws Exception {
		byte[] xlsx = mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().contentType(Xlsx.CONTENT_TYPE))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return firstSheet(xlsx);
	}

	public static List<List<String>> firstSheet(byte[] xlsx) throws IOException {
		DataFormatter text = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
					cells.add(text.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/** The data row whose first cell is the value, or null. */
	public static List<String> rowStartingWith(List<List<String>> rows, String first) {
		return rows.stream().skip(1).filter((r) -> !r.isEmpty() && r.get(0).equals(first)).findFirst().orElse(null);
	}

}
