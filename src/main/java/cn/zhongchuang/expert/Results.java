package cn.zhongchuang.expert;

import java.math.BigDecimal;
import java.util.List;

/**
 * A panel's scores once the seal is open: the mean per item and of the totals, the lowest
 * and highest total, the median, and each member's total with its outlier flag. A total
 * is an outlier when it deviates from the panel's median by more than 20% of the sheet's
 * maximum ({@link #OUTLIER_SHARE}).
 */
public record Results(List<ItemMean> items, BigDecimal meanTotal, int minTotal, int maxTotal, BigDecimal median,
		int sheetMax, List<MemberTotal> members) {

	public static final BigDecimal OUTLIER_SHARE = new BigDecimal("0.20");

	public record ItemMean(String code, String name, int maxPoints, BigDecimal mean) {
	}

	public record MemberTotal(long expertId, String expertName, int total, boolean outlier, String opinion) {
	}

}
