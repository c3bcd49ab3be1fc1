package cn.zhongchuang.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zhongchuang.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 所属期 typed as a date (issue 14): a date cell of a real spreadsheet is imported as its
 * month, whatever date format shows it, and the text forms keep working; a day that does
 * not exist is refused.
 * <p>
 * {@code date-cells.xlsx} was written by LibreOffice Calc 7.4 from
 * {@code date-cells.fods} beside it
 * ({@code soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML'
 * date-cells.fods}): column B holds real date cells (numbers with the number formats
 * {@code yyyy/m/d}, {@code yyyy\年m\月} and {@code yyyy\-mm\-dd}) and two text cells.
 */
@IntegrationTest
class TaxFilingDateCellImportTests {

	/** The credit codes in date-cells.xlsx (valid, region 110105). */
	static final String A = "91110105770314014K";

	static final String B = "91110105770314022E";

	@Autowired
	FilingImports imports;

	@Autowired
	FilingImportFixtures fixtures;

	@Autowired
	FilingImportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void dateCellsOfALibreOfficeWorkbookAreImportedAsTheirMonths() throws IOException {
		var op = this.fixtures.operator("110105");
		this.fixtures.tenantsWithCodes(op, List.of(A, B));
		Path file = this.dir.resolve("date-cells.xlsx");
		try (InputStream in = getClass().getResourceAsStream("date-cells.xlsx")) {
			Files.copy(in, file);
		}

		FilingImportJob job = this.imports.importNow(op.account().principal(), "date-cells.xlsx", file);

		assertThat(job.status()).as(String.valueOf(this.jobs.errors(job.id(), 10))).isEqualTo("SUCCEEDED");
		assertThat(job.rowsWritten()).isEqualTo(5);
		assertThat(job.months()).isEqualTo("2026-03,2026-04,2026-05,2026-06,2026-07");
		// 2026/3/1 (yyyy/m/d)
		assertThat(filings(op, A)).containsExactly(new Filing(LocalDate.of(2026, 3, 1), true, new BigDecimal("100.00")),
				// 2026-04-15 shown as 2026年4月
				new Filing(LocalDate.of(2026, 4, 1), false, null));
		assertThat(filings(op, B)).containsExactly(new Filing(LocalDate.of(2026, 5, 1), true, new BigDecimal("0.00")), // text
				// 2026-06-01 (yyyy-mm-dd)
				new Filing(LocalDate.of(2026, 6, 1), true, new BigDecimal("12.50")),
				// text 2026年7月
				new Filing(LocalDate.of(2026, 7, 1), false, null));
	}

	@Test
	void dateCellsInTheChineseBuiltInFormatsWithoutAFormatCodeAreReadAsDates() throws IOException {
		var op = this.fixtures.operator("110105");
		List<String> codes = this.fixtures.tenants(op, 2);
		Path file = this.dir.resolve("builtin.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = wb.createSheet("纳税申报");
			XSSFRow header = sheet.createRow(0);
			header.createCell(0).setCellValue("统一社会信用代码");
			header.createCell(1).setCellValue("所属期");
			int r = 1;
			// 27 = yyyy"年"m"月", 31 = yyyy"年"m"月"d"日" in a Chinese Excel or WPS: the
			// file names only the id, so POI's own list does not know them as dates
			for (int[] cell : new int[][] { { 0, 27, 2026, 8, 20 }, { 1, 31, 2026, 9, 1 } }) {
				XSSFCellStyle style = wb.createCellStyle();
				style.setDataFormat((short) cell[1]);
				XSSFRow row = sheet.createRow(r++);
				row.createCell(0).setCellValue(codes.get(cell[0]));
				row.createCell(1).setCellValue(LocalDate.of(cell[2], cell[3], cell[4]));
				row.getCell(1).setCellStyle(style);
				row.createCell(2).setCellValue("否");
			}
			wb.write(out);
		}
		String styles = unzipped(file, "xl/styles.xml");
		assertThat(styles).contains("numFmtId=\"27\"").contains("numFmtId=\"31\"").doesNotContain("formatCode=\"yyyy");

		FilingImportJob job = this.imports.importNow(op.account().principal(), "builtin.xlsx", file);

		assertThat(job.status()).as(String.valueOf(this.jobs.errors(job.id(), 10))).isEqualTo("SUCCEEDED");
		assertThat(filings(op, codes.get(0))).containsExactly(new Filing(LocalDate.of(2026, 8, 1), false, null));
		assertThat(filings(op, codes.get(1))).containsExactly(new Filing(LocalDate.of(2026, 9, 1), false, null));
	}

	@Test
	void aDayOfTheMonthAsTextIsItsMonthAndTheOldFormsStillWork() throws IOException {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		Path csv = csv(TaxFilingImportTests.HEADER, a + ",2026/1/1,否,", // Excel's CSV of
																		// a
																		// date cell
				a + ",2026年2月28日,否,", a + ",2026-03-31,否,", a + ",2026-04,否,", a + ",2026年5月,否,", a + ",2026/6,否,",
				a + ",202607,否,");

		FilingImportJob job = this.imports.importNow(op.account().principal(), "days.csv", csv);

		assertThat(job.status()).as(String.valueOf(this.jobs.errors(job.id(), 10))).isEqualTo("SUCCEEDED");
		assertThat(filings(op, a)).extracting(Filing::period)
			.containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
					LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1),
					LocalDate.of(2026, 7, 1));
	}

	@Test
	void aDayThatDoesNotExistIsRefusedAndNothingWritten() throws IOException {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		Path csv = csv(TaxFilingImportTests.HEADER, a + ",2026-01-15,否,", a + ",2026-02-30,否,", a + ",2026年4月31日,否,");

		FilingImportJob job = this.imports.importNow(op.account().principal(), "bad-days.csv", csv);

		assertThat(job.status()).isEqualTo("REJECTED");
		List<FilingImportError> errors = this.jobs.errors(job.id(), 10);
		assertThat(errors).extracting(FilingImportError::line).containsExactly(3, 4);
		assertThat(errors).extracting(FilingImportError::column).containsOnly(FilingImportError.PERIOD);
		assertThat(errors.get(0).reason()).contains("2026-02-30").contains("不存在");
		assertThat(this.fixtures.filings(List.of(a))).isZero();
	}

	private Path csv(String... lines) throws IOException {
		Path file = Files.createTempFile(this.dir, "filings", ".csv");
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		return file;
	}

	private List<Filing> filings(FilingImportFixtures.Operator op, String code) {
		return this.jdbc.sql("""
				SELECT f.period, f.filed, f.tax_paid_cny FROM tenant_tax_filing f
				WHERE f.tenant_id = :tenant ORDER BY f.period""")
			.param("tenant", this.fixtures.tenantId(op, code))
			.query((rs, n) -> new Filing(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getBigDecimal(3)))
			.list();
	}

	private static String unzipped(Path xlsx, String entry) throws IOException {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile());
				InputStream in = zip.getInputStream(zip.getEntry(entry))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	record Filing(LocalDate period, boolean filed, BigDecimal tax) {
	}

}
