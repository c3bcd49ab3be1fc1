package cn.zhongchuang.tenant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The files the import page hands out: the template (CSV with a BOM so Excel opens it as
 * UTF-8, and XLSX with text-formatted columns and a sheet of instructions) and the error
 * report of a rejected import. Written with POI's streaming workbook; cell text that
 * Excel would take for a formula is prefixed with an apostrophe.
 */
final class FilingImportSheets {

	static final String[] HEADER = { FilingImportError.CREDIT_CODE, "所属期（YYYY-MM）", "是否申报（是/否）",
			FilingImportError.TAX };

	static final String[] INSTRUCTIONS = { "每行一家企业一个月的申报：统一社会信用代码、所属期、是否申报、实缴税额（元）。", "统一社会信用代码：18 位，须为本机构（或本辖区）的在孵企业。",
			"所属期：YYYY-MM，如 2026-09；也可填该月的日期（如 2026/9/1，或设为日期格式的单元格），按其所在月份导入；不能是将来的月份。", "是否申报：填“是”或“否”。",
			"实缴税额：单位元，最多两位小数，不能为负数；已申报时必填（零申报填 0），未申报时留空或填 0。", "同一文件中同一企业同一所属期只能出现一次。",
			"任何一行有误时整份文件都不写入，请按错误报告修改后重新导入；重新导入某个月份会替换该月份已导入的数据。" };

	private FilingImportSheets() {
	}

	static byte[] templateCsv() {
		return ("\uFEFF" + String.join(",", HEADER) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] templateXlsx() {
		SXSSFWorkbook wb = new SXSSFWorkbook(100);
		try {
			CellStyle text = wb.createCellStyle();
			text.setDataFormat(wb.createDataFormat().getFormat("@"));
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = wb.createSheet("纳税申报");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADER.length; i++) {
				header.createCell(i).setCellValue(HEADER[i]);
				header.getCell(i).setCellStyle(bold);
				sheet.setDefaultColumnStyle(i, text);
				sheet.setColumnWidth(i, (i == 0) ? 24 * 256 : 18 * 256);
			}
			Sheet help = wb.createSheet("填写说明");
			for (int i = 0; i < INSTRUCTIONS.length; i++) {
				help.createRow(i).createCell(0).setCellValue(INSTRUCTIONS[i]);
			}
			help.setColumnWidth(0, 100 * 256);
			return write(wb);
		}
		finally {
			wb.dispose();
		}
	}

	static byte[] errorReport(FilingImportJob job, List<FilingImportError> errors) {
		SXSSFWorkbook wb = new SXSSFWorkbook(200);
		try {
			Sheet sheet = wb.createSheet("错误报告");
			Row title = sheet.createRow(0);
			title.createCell(0)
				.setCellValue(safe("文件《" + job.fileName() + "》共 " + job.errorCount() + " 处错误，未写入任何数据"
						+ ((errors.size() < job.errorCount()) ? "（此表列出前 " + errors.size() + " 处）" : "")));
			Row header = sheet.createRow(1);
			String[] columns = { "行号", "列", "值", "原因" };
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(columns[i]);
			}
			int r = 2;
			for (FilingImportError e : errors) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(e.line());
				row.createCell(1).setCellValue(safe(e.column()));
				row.createCell(2).setCellValue(safe(e.value()));
				row.createCell(3).setCellValue(safe(e.reason()));
			}
			sheet.setColumnWidth(1, 20 * 256);
			sheet.setColumnWidth(2, 26 * 256);
			sheet.setColumnWidth(3, 70 * 256);
			return write(wb);
		}
		finally {
			wb.dispose();
		}
	}

	/** Text Excel would evaluate is kept as text (the shared Xlsx rule). */
	static String safe(String value) {
		return cn.zhongchuang.platform.Xlsx.escape(value);
	}

	private static byte[] write(SXSSFWorkbook wb) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
