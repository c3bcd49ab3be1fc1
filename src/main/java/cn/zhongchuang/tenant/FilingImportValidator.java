package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhongchuang.reference.CreditCodeCheck;
import cn.zhongchuang.reference.CreditCodes;

/**
 * Checks one row of a tax-filing file: credit code with both check digits, period
 * (YYYY-MM or a day of the month, a real month, not before 2000 and not after the current
 * month), filed (是/否, true/false, 1/0, Y/N), tax paid (yuan, at most two decimals, not
 * negative, not above 0 when not filed, required when filed). Rows that pass become
 * {@link FilingImportRow}; every failing cell becomes an error of its own.
 */
final class FilingImportValidator {

	static final YearMonth EARLIEST = YearMonth.of(2000, 1);

	/**
	 * A month (2026-09, 2026/9, 2026.09, 202609, 2026年9月), or a day of it (2026-09-01,
	 * 2026/9/1, 2026年9月1日): a date typed into a spreadsheet cell arrives as such a day
	 * (the XLSX reader gives a date cell as 2026年9月1日, a CSV saved by Excel holds
	 * 2026/9/1).
	 */
	private static final Pattern PERIOD = Pattern.compile(
			"(\\d{4})\\s*(?:-|/|\\.|年)?\\s*(\\d{1,2})\\s*(?:月\\s*(?:(\\d{1,2})\\s*日)?|[-/.]\\s*(\\d{1,2})\\s*日?)?");

	private static final BigDecimal MAX_TAX = new BigDecimal("999999999999.99");

	private final YearMonth latest;

	FilingImportValidator(YearMonth currentMonth) {
		this.latest = currentMonth;
	}

	/**
	 * @return the row, or null when any cell is wrong (the errors are added to the list)
	 */
	FilingImportRow validate(int line, String[] cells, List<FilingImportError> errors) {
		String rawCode = cell(cells, 0);
		String rawPeriod = cell(cells, 1);
		String rawFiled = cell(cells, 2);
		String rawTax = cell(cells, 3);
		int before = errors.size();
		String code = CreditCodes.normalize(rawCode);
		if (code.isEmpty()) {
			errors.add(new FilingImportError(line, FilingImportError.CREDIT_CODE, rawCode, "统一社会信用代码必填"));
		}
		else {
			CreditCodeCheck check = CreditCodes.check(code);
			if (!check.valid()) {
				errors.add(new FilingImportError(line, FilingImportError.CREDIT_CODE, rawCode, check.reason()));
			}
		}
		LocalDate period = period(line, rawPeriod, errors);
		Boolean filed = filed(line, rawFiled, errors);
		BigDecimal tax = tax(line, rawTax, filed, errors);
		if (errors.size() > before) {
			return null;
		}
		return new FilingImportRow(line, code, period, filed, tax);
	}

	private LocalDate period(int line, String raw, List<FilingImportError> errors) {
		String text = raw.strip();
		if (text.isEmpty()) {
			errors.add(new FilingImportError(line, FilingImportError.PERIOD, raw, "所属期必填（格式 YYYY-MM，如 2026-09）"));
			return null;
		}
		int year;
		int month;
		String day = null;
		if (isPlainMonth(text)) {
			// the template's form, most rows: no regular expression
			year = (text.charAt(0) - '0') * 1000 + (text.charAt(1) - '0') * 100 + (text.charAt(2) - '0') * 10
					+ (text.charAt(3) - '0');
			month = (text.charAt(5) - '0') * 10 + (text.charAt(6) - '0');
		}
		else {
			Matcher m = PERIOD.matcher(text);
			if (!m.matches()) {
				errors.add(new FilingImportError(line, FilingImportError.PERIOD, raw, "所属期格式应为 YYYY-MM，如 2026-09"));
				return null;
			}
			year = Integer.parseInt(m.group(1));
			month = Integer.parseInt(m.group(2));
			day = (m.group(3) != null) ? m.group(3) : m.group(4);
		}
		if (month < 1 || month > 12) {
			errors.add(new FilingImportError(line, FilingImportError.PERIOD, raw, "月份应为 01–12，“" + text + "”不存在"));
			return null;
		}
		YearMonth ym = YearMonth.of(year, month);
		if (day != null && !ym.isValidDay(Integer.parseInt(day))) {
			errors.add(new FilingImportError(line, FilingImportError.PERIOD, raw, "日期“" + text + "”不存在"));
			return null;
		}
		if (ym.isBefore(EARLIEST)) {
			errors.add(new FilingImportError(line, FilingImportError.PERIOD, raw, "所属期早于 2000 年 1 月"));
			return null;
		}
		if (ym.isAfter(this.latest)) {
			errors.add(new FilingImportError(line, FilingImportError.PERIOD, raw,
					"所属期 " + ym + " 是将来的月份（当前为 " + this.latest + "）"));
			return null;
		}
		return ym.atDay(1);
	}

	/** YYYY-MM exactly (ASCII digits). */
	private static boolean isPlainMonth(String text) {
		if (text.length() != 7 || text.charAt(4) != '-') {
			return false;
		}
		for (int i = 0; i < 7; i++) {
			char ch = text.charAt(i);
			if (i != 4 && (ch < '0' || ch > '9')) {
				return false;
			}
		}
		return true;
	}

	private static Boolean filed(int line, String raw, List<FilingImportError> errors) {
		String text = raw.strip().toLowerCase(Locale.ROOT);
		switch (text) {
			case "是", "true", "1", "y", "yes", "已申报":
				return Boolean.TRUE;
			case "否", "false", "0", "n", "no", "未申报":
				return Boolean.FALSE;
			case "":
				errors.add(new FilingImportError(line, FilingImportError.FILED, raw, "是否申报必填（填“是”或“否”）"));
				return null;
			default:
				errors.add(new FilingImportError(line, FilingImportError.FILED, raw, "是否申报应填“是”或“否”"));
				return null;
		}
	}

	private static BigDecimal tax(int line, String raw, Boolean filed, List<FilingImportError> errors) {
		String text = raw.strip().replace(",", "").replace("，", "");
		if (text.isEmpty()) {
			if (Boolean.TRUE.equals(filed)) {
				errors.add(new FilingImportError(line, FilingImportError.TAX, raw, "已申报时实缴税额必填（零申报填 0）"));
			}
			return null;
		}
		BigDecimal tax;
		try {
			tax = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			errors.add(new FilingImportError(line, FilingImportError.TAX, raw, "实缴税额应为数字（单位：元）"));
			return null;
		}
		if (tax.signum() < 0) {
			errors.add(new FilingImportError(line, FilingImportError.TAX, raw, "实缴税额不能为负数"));
			return null;
		}
		if (tax.stripTrailingZeros().scale() > 2) {
			errors.add(new FilingImportError(line, FilingImportError.TAX, raw, "实缴税额最多两位小数（单位：元）"));
			return null;
		}
		if (tax.compareTo(MAX_TAX) > 0) {
			errors.add(new FilingImportError(line, FilingImportError.TAX, raw, "实缴税额超出上限"));
			return null;
		}
		if (Boolean.FALSE.equals(filed) && tax.signum() > 0) {
			errors.add(new FilingImportError(line, FilingImportError.TAX, raw, "未申报的月份实缴税额应为 0 或留空"));
			return null;
		}
		return tax;
	}

	private static String cell(String[] cells, int index) {
		return (index < cells.length && cells[index] != null) ? cells[index] : "";
	}

}
