package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A valid row of a tax-filing import, as it goes to the staging table.
 *
 * @param period the first day of the month
 * @param taxPaid null when not filed and no amount given
 */
record FilingImportRow(int line, String creditCode, LocalDate period, boolean filed, BigDecimal taxPaid) {
}
