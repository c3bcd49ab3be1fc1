package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money of a programme (or of one region in it), in CNY: budget (null for a region line),
 * awarded (every award), disbursed (paid), recovered (came back), remaining (budget less
 * awarded plus recovered).
 *
 * @param label the programme name or the region name
 * @param key the programme id or the region code
 * @param awards how many awards
 * @param budget the budget, null for a region line
 * @param awarded sum of awards
 * @param disbursed sum of paid awards
 * @param recovered sum recovered
 * @param remaining the budget left, null for a region line
 */
public record Totals(String label, String key, long awards, BigDecimal budget, BigDecimal awarded, BigDecimal disbursed,
		BigDecimal recovered, BigDecimal remaining) {

	Totals(String label, String key, long awards, BigDecimal budget, BigDecimal awarded, BigDecimal disbursed,
			BigDecimal recovered) {
		this(label, key, awards, budget, awarded, disbursed, recovered,
				(budget != null) ? budget.subtract(awarded).add(recovered) : null);
	}

	/** An amount in 万元 with up to four decimals, as the reports write it. */
	public static String wan(BigDecimal yuan) {
		if (yuan == null) {
			return "—";
		}
		return yuan.divide(BigDecimal.valueOf(10000), 6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
