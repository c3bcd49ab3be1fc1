package cn.zhongchuang.mentor;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One nomination or application and, once decided, its certificate: the row of
 * {@code mentor_certification}. {@code idNumber} and {@code phone} are plaintext here and
 * encrypted at rest.
 */
record MentorCertification(long id, Origin origin, long operatorId, String operatorName, Long operatorMentorId,
		long institutionId, String institutionName, String regionCode, String provinceCode, String name,
		String idNumber, String phone, String field, String employer, String experience, Long evidenceAttachmentId,
		Status status, String submittedBy, Instant submittedAt, String certificateNumber, LocalDate certifiedOn,
		LocalDate validUntil, String decidedBy, Instant decidedAt, String refusalReason, LocalDate endedOn,
		String endReason, String endedBy, int version) {

	enum Origin {

		/** 机构推荐: from the operator's mentor records. */
		NOMINATION,
		/** 个人申请 (自荐), entered by the operator's account on the mentor's behalf. */
		APPLICATION

	}

	enum Status {

		PENDING, CERTIFIED, REFUSED, REVOKED, LAPSED

	}

	/**
	 * The status as of {@code today}: a certificate past its term counts as lapsed even
	 * before the nightly job has marked it.
	 */
	Status statusOn(LocalDate today) {
		if (this.status == Status.CERTIFIED && this.validUntil != null && this.validUntil.isBefore(today)) {
			return Status.LAPSED;
		}
		return this.status;
	}

	static String label(Status s) {
		return switch (s) {
			case PENDING -> "待审核";
			case CERTIFIED -> "有效";
			case REFUSED -> "不予认定";
			case REVOKED -> "已撤销";
			case LAPSED -> "已过期";
		};
	}

	static String label(Origin o) {
		return (o == Origin.NOMINATION) ? "机构推荐" : "个人申请";
	}

}
