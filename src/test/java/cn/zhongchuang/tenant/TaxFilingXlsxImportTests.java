package cn.zhongchuang.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

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
 * XLSX imports: the happy path through POI's streaming reader (text, numeric and boolean
 * cells), a zip bomb refused before any row is read, and a sheet with an external entity
 * refused without the entity's file being read.
 */
@IntegrationTest
class TaxFilingXlsxImportTests {

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
	void anXlsxFileIsImported() throws IOException {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		String b = this.fixtures.tenant(op);
		Path file = this.dir.resolve("filings.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = wb.createSheet("纳税申报");
			row(sheet, 0, "统一社会信用代码", "所属期", "是否申报", "实缴税额（元）");
			XSSFRow r1 = row(sheet, 1, a, "2026-04", "是", null);
			r1.createCell(3).setCellValue(1234.5);
			XSSFRow r2 = row(sheet, 3, b, "2026-04", null, null); // a blank row 3 before
																	// it
			r2.createCell(2).setCellValue(false);
			wb.write(out);
		}

		FilingImportJob job = this.imports.importNow(op.account().principal(), "filings.xlsx", file);

		assertThat(job.status()).as(String.valueOf(this.jobs.errors(job.id(), 5))).isEqualTo("SUCCEEDED");
		assertThat(job.fileFormat()).isEqualTo("XLSX");
		assertThat(job.rowsWritten()).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				SELECT f.tax_paid_cny FROM tenant_tax_filing f JOIN tenant t ON t.id = f.tenant_id
				WHERE t.operator_id = :op AND t.credit_code = :code AND f.period = DATE '2026-04-01'""")
			.param("op", op.orgId())
			.param("code", a)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("1234.50");
	}

	@Test
	void anXlsxRowWithAnErrorIsReportedWithItsSheetRowNumber() throws IOException {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		Path file = this.dir.resolve("bad.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = wb.createSheet();
			row(sheet, 0, "统一社会信用代码", "所属期", "是否申报", "实缴税额（元）");
			row(sheet, 1, a, "2026-04", "是", "10");
			row(sheet, 4, a, "2026-13", "是", "10");
			wb.write(out);
		}
		FilingImportJob job = this.imports.importNow(op.account().principal(), "bad.xlsx", file);
		assertThat(job.status()).isEqualTo("REJECTED");
		assertThat(this.jobs.errors(job.id(), 5)).extracting(FilingImportError::line).containsExactly(5);
		assertThat(this.fixtures.filings(List.of(a))).isZero();
	}

	@Test
	void aZipBombIsRefusedAndNothingWritten() throws IOException {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		StringBuilder sheet = new StringBuilder(sheetStart());
		sheet.append(cells(1, a, "2026-04", "是", "10"));
		// 40 MB of whitespace between rows: deflates to about 40 KB, a ratio far below
		// 1:50
		String padding = " ".repeat(1024 * 1024);
		for (int i = 0; i < 40; i++) {
			sheet.append(padding);
		}
		sheet.append("</sheetData></worksheet>");
		Path file = withSheet(sheet.toString());
		assertThat(Files.size(file)).isLessThan(1024 * 1024);

		FilingImportJob job = this.imports.importNow(op.account().principal(), "bomb.xlsx", file);

		assertThat(job.status()).isEqualTo("REJECTED");
		assertThat(job.message()).contains("压缩炸弹");
		assertThat(job.rowsRead()).isZero();
		assertThat(this.fixtures.filings(List.of(a))).isZero();
	}

	@Test
	void aSheetWithAnExternalEntityIsRefusedWithoutReadingTheFile() throws IOException {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		Path secret = this.dir.resolve("secret.txt");
		Files.writeString(secret, "TOPSECRET-42");
		String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
				+ sheetStart().substring(sheetStart().indexOf("<worksheet"))
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>2026-04</t></is></c></row>" + cells(2, a, "2026-04", "是", "10")
				+ "</sheetData></worksheet>";
		Path file = withSheet(sheet);

		FilingImportJob job = this.imports.importNow(op.account().principal(), "xxe.xlsx", file);

		assertThat(job.status()).isEqualTo("REJECTED");
		assertThat(job.message()).contains("DOCTYPE");
		List<FilingImportError> errors = this.jobs.errors(job.id(), 10);
		assertThat(errors.toString()).doesNotContain("TOPSECRET");
		assertThat(String.valueOf(job.message())).doesNotContain("TOPSECRET");
		assertThat(this.fixtures.filings(List.of(a))).isZero();
	}

	private static XSSFRow row(XSSFSheet sheet, int index, String... values) {
		XSSFRow row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				row.createCell(i).setCellValue(values[i]);
			}
		}
		return row;
	}

	private static String sheetStart() {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
	}

	private static String cells(int row, String... values) {
		StringBuilder s = new StringBuilder("<row r=\"" + row + "\">");
		for (int i = 0; i < values.length; i++) {
			s.append("<c r=\"")
				.append((char) ('A' + i))
				.append(row)
				.append("\" t=\"inlineStr\"><is><t>")
				.append(values[i])
				.append("</t></is></c>");
		}
		return s.append("</row>").toString();
	}

	/** A workbook made by POI with its first sheet's XML replaced. */
	private Path withSheet(String sheetXml) throws IOException {
		Path base = this.dir.resolve("base.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(base)) {
			wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("x");
			wb.write(out);
		}
		Path file = Files.createTempFile(this.dir, "crafted", ".xlsx");
		try (ZipFile zip = new ZipFile(base.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					out.write(sheetXml.getBytes(StandardCharsets.UTF_8));
				}
				else {
					try (InputStream in = zip.getInputStream(entry)) {
						in.transferTo(out);
					}
				}
				out.closeEntry();
			}
		}
		return file;
	}

}
