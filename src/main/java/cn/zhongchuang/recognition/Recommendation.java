package cn.zhongchuang.recognition;

import java.time.Instant;
import java.time.LocalDate;

import cn.zhongchuang.platform.ConflictException;

/**
 * 推荐: the authority of one of an institution's ACTIVE titles recommends it to the next
 * level, with a numbered letter (推荐函). SUBMITTED until the higher level ACCEPTS it (a new
 * title, {@link Decision#resultRecognitionId}) or REFUSES it with reasons, or the
 * recommender WITHDRAWS it; each change only through the guarded methods.
 */
class Recommendation {

	enum Status {

		SUBMITTED, ACCEPTED, REFUSED, WITHDRAWN

	}

	/** Who, what and where: the institution as it was when recommended. */
	record Subject(long institutionId, String institutionName, String operatorName, String creditCode, String kind,
			String specialization, String regionCode) {
	}

	/** The title it is recommended from and the level and authority it goes to. */
	record Route(long fromRecognitionId, String fromLevel, String fromAuthority, String toLevel, String toAuthority,
			String toRegion) {
	}

	/** Who submitted the letter and when. */
	record Submission(LocalDate on, String by, long byId, Instant at) {
	}

	/**
	 * The decision: when, by whom, the reasons (required for a refusal), the new title.
	 */
	record Decision(LocalDate on, String by, Instant at, String reasons, Long resultRecognitionId) {
	}

	private final Long id;

	private final String number;

	private final Subject subject;

	private final Route route;

	private final String reasons;

	private final Submission submission;

	private Status status;

	private Decision decision;

	private final int version;

	Recommendation(Long id, String number, Subject subject, Route route, String reasons, Submission submission,
			Status status, Decision decision, int version) {
		this.id = id;
		this.number = number;
		this.subject = subject;
		this.route = route;
		this.reasons = reasons;
		this.submission = submission;
		this.status = status;
		this.decision = decision;
		this.version = version;
	}

	static Recommendation submit(String number, Subject subject, Route route, String reasons, Submission submission) {
		return new Recommendation(null, number, subject, route, reasons, submission, Status.SUBMITTED, null, 0);
	}

	/** The higher level accepts: the title it granted. */
	void accept(Decision decision) {
		requireOpen();
		if (decision.resultRecognitionId() == null) {
			throw new IllegalArgumentException("an accepted recommendation names the title granted");
		}
		this.status = Status.ACCEPTED;
		this.decision = decision;
	}

	/** The higher level refuses, with reasons. */
	void refuse(Decision decision) {
		requireOpen();
		if (decision.reasons() == null || decision.reasons().isBlank()) {
			throw new IllegalArgumentException("a refusal has reasons");
		}
		this.status = Status.REFUSED;
		this.decision = decision;
	}

	/** The recommender takes the letter back before a decision. */
	void withdraw(Decision decision) {
		requireOpen();
		this.status = Status.WITHDRAWN;
		this.decision = decision;
	}

	private void requireOpen() {
		if (this.status != Status.SUBMITTED) {
			throw new ConflictException("该推荐已" + label(this.status) + "，不能再处理");
		}
	}

	static String label(Status status) {
		return switch (status) {
			case SUBMITTED -> "待处理";
			case ACCEPTED -> "接受";
			case REFUSED -> "不予接受";
			case WITHDRAWN -> "撤回";
		};
	}

	boolean open() {
		return this.status == Status.SUBMITTED;
	}

	Long id() {
		return this.id;
	}

	String number() {
		return this.number;
	}

	Subject subject() {
		return this.subject;
	}

	Route route() {
		return this.route;
	}

	String reasons() {
		return this.reasons;
	}

	Submission submission() {
		return this.submission;
	}

	Status status() {
		return this.status;
	}

	Decision decision() {
		return this.decision;
	}

	int version() {
		return this.version;
	}

}
