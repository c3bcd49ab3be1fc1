package cn.zhongchuang.assessment;

import java.time.LocalDate;

/**
 * A bureau's assessment round (考核) for a year under a pack, in its region.
 *
 * @param id the id
 * @param policyId the pack
 * @param year the year assessed
 * @param regionCode the bureau's region
 * @param status OPEN or PUBLISHED
 * @param openedBy who opened it
 * @param publishedOn the day it was published
 * @param version optimistic lock
 */
public record AssessmentRound(long id, String policyId, int year, String regionCode, String status, String openedBy,
		LocalDate publishedOn, int version) {

	public boolean published() {
		return "PUBLISHED".equals(this.status);
	}

}
