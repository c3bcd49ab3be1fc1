package cn.zhongchuang.supervision;

import java.time.Instant;
import java.time.LocalDate;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;

/**
 * 整改通知: OPEN until the operator answers (ANSWERED) or the deadline passes (OVERDUE); an
 * answer is ACCEPTED or REJECTED by the bureau. Transitions only through the guarded
 * methods.
 */
class RectificationOrder {

	enum Status {

		OPEN, ANSWERED, ACCEPTED, REJECTED, OVERDUE

	}

	final Long id;

	final long recognitionId;

	final String recognitionNumber;

	final String institutionName;

	final String operatorName;

	final String creditCode;

	final String regionCode;

	final String policyId;

	final String reason;

	final LocalDate issuedOn;

	final LocalDate deadline;

	Status status;

	String answer;

	String answeredBy;

	Instant answeredAt;

	String decisionNote;

	String decidedBy;

	Instant decidedAt;

	boolean lapsed;

	final String issuedBy;

	final String issuedRole;

	final Instant issuedAt;

	final int version;

	/**
	 * The assessment round whose published result opened the order, null when issued by
	 * hand.
	 */
	final Long assessmentRoundId;

	RectificationOrder(Long id, long recognitionId, String recognitionNumber, String institutionName,
			String operatorName, String creditCode, String regionCode, String policyId, String reason,
			LocalDate issuedOn, LocalDate deadline, Status status, String answer, String answeredBy, Instant answeredAt,
			String decisionNote, String decidedBy, Instant decidedAt, boolean lapsed, String issuedBy,
			String issuedRole, Instant issuedAt, int version, Long assessmentRoundId) {
		this.id = id;
		this.recognitionId = recognitionId;
		this.recognitionNumber = recognitionNumber;
		this.institutionName = institutionName;
		this.operatorName = operatorName;
		this.creditCode = creditCode;
		this.regionCode = regionCode;
		this.policyId = policyId;
		this.reason = reason;
		this.issuedOn = issuedOn;
		this.deadline = deadline;
		this.status = status;
		this.answer = answer;
		this.answeredBy = answeredBy;
		this.answeredAt = answeredAt;
		this.decisionNote = decisionNote;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
		this.lapsed = lapsed;
		this.issuedBy = issuedBy;
		this.issuedRole = issuedRole;
		this.issuedAt = issuedAt;
		this.version = version;
		this.assessmentRoundId = assessmentRoundId;
	}

	void answer(String text, String by, LocalDate today, Instant now) {
		if (this.status != Status.OPEN) {
			throw new ConflictException("该整改通知已不能答复（" + label() + "）");
		}
		if (today.isAfter(this.deadline)) {
			throw new ConflictException("整改期限（" + ChinaTime.format(this.deadline) + "）已过，不能再答复");
		}
		this.status = Status.ANSWERED;
		this.answer = text;
		this.answeredBy = by;
		this.answeredAt = now;
	}

	void decide(boolean accepted, String note, String by, Instant now) {
		if (this.status != Status.ANSWERED) {
			throw new ConflictException("该整改通知没有待审核的答复（" + label() + "）");
		}
		this.status = accepted ? Status.ACCEPTED : Status.REJECTED;
		this.decisionNote = note;
		this.decidedBy = by;
		this.decidedAt = now;
	}

	void overdue(Instant now) {
		if (this.status != Status.OPEN) {
			throw new ConflictException("该整改通知不在整改期内");
		}
		this.status = Status.OVERDUE;
		this.decidedBy = "system";
		this.decidedAt = now;
	}

	String label() {
		return switch (this.status) {
			case OPEN -> "整改中";
			case ANSWERED -> "待审核";
			case ACCEPTED -> "整改通过";
			case REJECTED -> "整改未通过";
			case OVERDUE -> "逾期未整改";
		};
	}

	// accessors for the templates

	public Long getId() {
		return this.id;
	}

	public String getRecognitionNumber() {
		return this.recognitionNumber;
	}

	public String getInstitutionName() {
		return this.institutionName;
	}

	public String getOperatorName() {
		return this.operatorName;
	}

	public String getCreditCode() {
		return this.creditCode;
	}

	public String getReason() {
		return this.reason;
	}

	public LocalDate getIssuedOn() {
		return this.issuedOn;
	}

	public LocalDate getDeadline() {
		return this.deadline;
	}

	public String getStatus() {
		return this.status.name();
	}

	public String getAnswer() {
		return this.answer;
	}

	public String getDecisionNote() {
		return this.decisionNote;
	}

	public boolean isLapsed() {
		return this.lapsed;
	}

	public int getVersion() {
		return this.version;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	/** Opened by the system on a published assessment result. */
	public boolean isFromAssessment() {
		return this.assessmentRoundId != null;
	}

}
