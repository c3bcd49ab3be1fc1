package cn.zhongchuang.chain;

import java.time.LocalDate;

/**
 * A chain as other modules see it.
 *
 * @param regionCode the region of its first institution
 * @param authorityRegion the jurisdiction whose authority designates it
 * @param status APPLIED 待审核, DESIGNATED 已认定为试点, REFUSED 未通过, REVOKED 已撤销
 * @param number 试点编号, null until designated
 * @param designatedOn the day of the designation, null until designated
 * @param authority the designating authority, null until designated
 */
public record ChainSummary(long id, String name, String regionCode, String authorityRegion, ChainStatus status,
		String number, LocalDate designatedOn, String authority) {

	/** A pilot now (designated and not revoked). */
	public boolean pilot() {
		return this.status == ChainStatus.DESIGNATED;
	}

}
