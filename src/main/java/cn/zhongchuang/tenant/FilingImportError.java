package cn.zhongchuang.tenant;

/**
 * One refused row of a tax-filing import: the line of the file (the header is line 1),
 * the column (统一社会信用代码, 所属期, 是否申报, 实缴税额, or 整行), the value as read and the reason in
 * Chinese.
 */
public record FilingImportError(int line, String column, String value, String reason) {

	static final String CREDIT_CODE = "统一社会信用代码";

	static final String PERIOD = "所属期";

	static final String FILED = "是否申报";

	static final String TAX = "实缴税额（元）";

	static final String ROW = "整行";

}
