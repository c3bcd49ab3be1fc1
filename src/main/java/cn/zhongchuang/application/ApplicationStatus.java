package cn.zhongchuang.application;

/**
 * Where an application is in its life. Labels under {@code application.status.<NAME>}.
 */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, IN_REVIEW, RETURNED, APPROVED, RECOGNIZED, REJECTED, WITHDRAWN;

	/** No further transition is possible. */
	public boolean isFinal() {
		return this == APPROVED || this == RECOGNIZED || this == REJECTED || this == WITHDRAWN;
	}

	/** Waiting for a reviewer at its current stage. */
	public boolean inReview() {
		return this == SUBMITTED || this == IN_REVIEW;
	}

}
