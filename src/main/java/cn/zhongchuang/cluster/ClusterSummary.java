package cn.zhongchuang.cluster;

import java.time.LocalDate;

/**
 * A cluster as other modules see it.
 *
 * @param institutionId the institution of kind MAKER_SPACE_CLUSTER
 * @param name the institution's name
 * @param regionCode the institution's region
 * @param status APPLIED 待认定, RECOGNIZED 已认定, REFUSED 不予认定, REVOKED 已撤销认定
 * @param number 认定编号, null until recognized
 */
public record ClusterSummary(long id, long institutionId, String name, String regionCode, ClusterStatus status,
		String number, LocalDate recognizedOn, String authority) {

	/** Recognized now. */
	public boolean recognized() {
		return this.status == ClusterStatus.RECOGNIZED;
	}

}
