package cn.zhongchuang.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;

/**
 * An application for recognition. It changes only through the guarded methods below,
 * which refuse (409) what the current state or the pack's stage order does not allow and
 * collect the event to publish. The stages are the pack's, passed in: nothing here knows
 * a jurisdiction.
 */
class Application {

	enum Decision {

		APPROVE, RETURN, REJECT

	}

	private final Long id;

	private final long operatorId;

	private final long institutionId;

	private final String operatorName;

	private final String policyId;

	private String policyVersion;

	private String regionCode;

	private String spaceName;

	private final String kind;

	private String specialization;

	private ApplicationStatus status;

	private String currentStage;

	private String currentStageName;

	private String currentStageRole;

	private String returnedStage;

	private String submissionKey;

	private LocalDate submittedOn;

	private String verdictOutcome;

	private String verdict;

	private Long noticeId;

	private String recognitionNumber;

	private final String createdBy;

	private final Instant createdAt;

	private final int version;

	private final List<Object> events = new ArrayList<>();

	Application(Long id, long operatorId, long institutionId, String operatorName, String policyId,
			String policyVersion, String regionCode, String spaceName, String kind, String specialization,
			ApplicationStatus status, String currentStage, String currentStageName, String currentStageRole,
			String returnedStage, String submissionKey, LocalDate submittedOn, String verdictOutcome, String verdict,
			Long noticeId, String recognitionNumber, String createdBy, Instant createdAt, int version) {
		this.id = id;
		this.operatorId = operatorId;
		this.institutionId = institutionId;
		this.operatorName = operatorName;
		this.policyId = policyId;
		this.policyVersion = policyVersion;
		this.regionCode = regionCode;
		this.spaceName = spaceName;
		this.kind = kind;
		this.specialization = specialization;
		this.status = status;
		this.currentStage = currentStage;
		this.currentStageName = currentStageName;
		this.currentStageRole = currentStageRole;
		this.returnedStage = returnedStage;
		this.submissionKey = submissionKey;
		this.submittedOn = submittedOn;
		this.verdictOutcome = verdictOutcome;
		this.verdict = verdict;
		this.noticeId = noticeId;
		this.recognitionNumber = recognitionNumber;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Application draft(long operatorId, long institutionId, String operatorName, String policyId,
			String regionCode, String spaceName, String kind, String specialization, String createdBy, Instant now) {
		return new Application(null, operatorId, institutionId, operatorName, policyId, null, regionCode, spaceName,
				kind, specialization, ApplicationStatus.DRAFT, null, null, null, null, null, null, null, null, null,
				null, createdBy, now, 0);
	}

	/** Changes the space's details while the operator may still edit. */
	void revise(String spaceName, String regionCode, String specialization) {
		requireEditable();
		this.spaceName = spaceName;
		this.regionCode = regionCode;
		this.specialization = specialization;
	}

	void requireEditable() {
		if (!editable()) {
			throw new ConflictException("申请当前状态为「" + statusLabel() + "」，不能修改");
		}
	}

	public boolean editable() {
		return this.status == ApplicationStatus.DRAFT || this.status == ApplicationStatus.RETURNED;
	}

	/**
	 * First submission: fixes the pack version and the verdict, and waits at the pack's
	 * first stage.
	 */
	void submit(String packVersion, List<ReviewStage> stages, String key, LocalDate today, String outcome,
			String verdictJson) {
		if (this.status != ApplicationStatus.DRAFT) {
			throw new ConflictException("申请已提交（当前状态「" + statusLabel() + "」），不能重复提交");
		}
		if (stages.isEmpty()) {
			throw new ConflictException("政策包没有审查环节，不能提交");
		}
		this.policyVersion = packVersion;
		this.submissionKey = key;
		this.submittedOn = today;
		this.verdictOutcome = outcome;
		this.verdict = verdictJson;
		this.status = ApplicationStatus.SUBMITTED;
		moveTo(stages, stages.get(0));
		this.events.add(new ApplicationEvents.ApplicationSubmitted(this.id, this.operatorId, this.policyId,
				this.policyVersion, this.regionCode, this.spaceName, this.currentStage, today));
	}

	/** The operator answers a return: back to the stage that returned it. */
	void resubmit(List<ReviewStage> stages, String outcome, String verdictJson) {
		if (this.status != ApplicationStatus.RETURNED) {
			throw new ConflictException("只有退回补正的申请才能重新提交（当前状态「" + statusLabel() + "」）");
		}
		ReviewStage stage = stage(stages, this.returnedStage);
		this.verdictOutcome = outcome;
		this.verdict = verdictJson;
		this.status = (stages.indexOf(stage) == 0) ? ApplicationStatus.SUBMITTED : ApplicationStatus.IN_REVIEW;
		this.returnedStage = null;
		moveTo(stages, stage);
		this.events.add(new ApplicationEvents.ApplicationResubmitted(this.id, this.operatorId, stage.code()));
	}

	/** The operator withdraws before a final decision. */
	void withdraw(String by) {
		if (this.status.isFinal() || this.status == ApplicationStatus.DRAFT && this.id == null) {
			throw new ConflictException("申请已「" + statusLabel() + "」，不能撤回");
		}
		this.status = ApplicationStatus.WITHDRAWN;
		clearStage();
		this.events.add(new ApplicationEvents.ApplicationWithdrawn(this.id, this.operatorId, by));
	}

	/**
	 * A reviewer's decision at {@code stageCode}, which must be the current stage: no
	 * stage is skipped or decided twice.
	 * @return the stage decided
	 */
	ReviewStage decide(List<ReviewStage> stages, String stageCode, Decision decision, String reasons, String by,
			LocalDate today, Instant now) {
		if (!this.status.inReview()) {
			throw new ConflictException("申请当前状态为「" + statusLabel() + "」，不能作出审查决定");
		}
		if (!this.currentStage.equals(stageCode)) {
			throw new ConflictException("申请当前处于「" + this.currentStageName + "」环节，不能跳过或重复办理「" + stageCode + "」");
		}
		ReviewStage stage = stage(stages, stageCode);
		switch (decision) {
			case APPROVE -> {
				int next = stages.indexOf(stage) + 1;
				if (next < stages.size()) {
					this.status = ApplicationStatus.IN_REVIEW;
					moveTo(stages, stages.get(next));
					this.events.add(new ApplicationEvents.StageDecided(this.id, this.policyId, stage.code(), by,
							reasons, this.currentStage, now));
				}
				else {
					this.status = ApplicationStatus.APPROVED;
					clearStage();
					this.events.add(new ApplicationEvents.StageDecided(this.id, this.policyId, stage.code(), by,
							reasons, null, now));
					this.events.add(new ApplicationEvents.ApplicationApproved(this.id, this.operatorId,
							this.operatorName, this.policyId, this.policyVersion, this.regionCode, this.spaceName,
							this.kind, this.specialization, today));
				}
			}
			case RETURN -> {
				if (!stage.canReturn()) {
					throw new ConflictException("「" + stage.name() + "」环节不能退回补正");
				}
				this.status = ApplicationStatus.RETURNED;
				this.returnedStage = stage.code();
				this.events.add(
						new ApplicationEvents.ApplicationReturned(this.id, this.operatorId, stage.code(), reasons, by));
			}
			case REJECT -> {
				if (!stage.canReject()) {
					throw new ConflictException("「" + stage.name() + "」环节不能作出不予通过的决定");
				}
				this.status = ApplicationStatus.REJECTED;
				this.returnedStage = null;
				this.events.add(
						new ApplicationEvents.ApplicationRejected(this.id, this.operatorId, stage.code(), reasons, by));
			}
		}
		return stage;
	}

	/** Whether fraud may still be recorded against it: submitted and not yet decided. */
	boolean underReview() {
		return this.status.inReview() || this.status == ApplicationStatus.RETURNED;
	}

	/**
	 * Fraud found during review (seed 000 第十条, seed 003 四(一)3): rejected at whatever
	 * stage it waits, with the finding as the reason; only while it is under review.
	 * @return the code of the stage it was rejected at (the returning stage when it was
	 * returned for revision)
	 */
	String rejectForFraud(String reasons, String by) {
		if (!underReview()) {
			throw new ConflictException("申请当前状态为「" + statusLabel() + "」，已不在审查中，不能记录审查中发现的欺诈");
		}
		String stage = (this.status == ApplicationStatus.RETURNED) ? this.returnedStage : this.currentStage;
		this.status = ApplicationStatus.REJECTED;
		this.returnedStage = null;
		this.events.add(new ApplicationEvents.ApplicationRejected(this.id, this.operatorId, stage, reasons, by));
		return stage;
	}

	/**
	 * Listed on a public notice: only while waiting at the pack's notice stage, and on
	 * one notice at a time.
	 */
	void putOnNotice(String noticeStage, long noticeId) {
		if (!this.status.inReview() || !noticeStage.equals(this.currentStage)) {
			throw new ConflictException("「" + this.spaceName + "」不在公示环节，不能列入公示");
		}
		if (this.noticeId != null) {
			throw new ConflictException("「" + this.spaceName + "」已列入公示 #" + this.noticeId);
		}
		this.noticeId = noticeId;
	}

	/**
	 * The notice it is on was withdrawn: it waits at the notice stage again, on no
	 * notice, so the bureau may list it on a new one.
	 */
	void noticeWithdrawn(String noticeStage, long noticeId) {
		if (this.noticeId == null || this.noticeId != noticeId || !this.status.inReview()
				|| !noticeStage.equals(this.currentStage)) {
			throw new ConflictException("「" + this.spaceName + "」不在公示 #" + noticeId + " 中");
		}
		this.noticeId = null;
	}

	/**
	 * The notice it is on has closed. Without an upheld objection the notice stage passes
	 * to the next one; with one the application is rejected at that stage with the
	 * bureau's answer as the reason.
	 */
	void noticeClosed(List<ReviewStage> stages, String noticeStage, long noticeId, boolean objectionUpheld,
			String reasons, Instant now) {
		if (this.noticeId == null || this.noticeId != noticeId || !this.status.inReview()
				|| !noticeStage.equals(this.currentStage)) {
			throw new ConflictException("「" + this.spaceName + "」不在公示 #" + noticeId + " 中等待结果");
		}
		ReviewStage stage = stage(stages, this.currentStage);
		if (objectionUpheld) {
			this.status = ApplicationStatus.REJECTED;
			this.events.add(new ApplicationEvents.ApplicationRejected(this.id, this.operatorId, stage.code(), reasons,
					"notice:" + noticeId));
			return;
		}
		int next = stages.indexOf(stage) + 1;
		if (next >= stages.size()) {
			throw new ConflictException("公示不能是政策包的最后一个环节");
		}
		this.status = ApplicationStatus.IN_REVIEW;
		moveTo(stages, stages.get(next));
		this.events.add(new ApplicationEvents.StageDecided(this.id, this.policyId, stage.code(), "notice:" + noticeId,
				reasons, this.currentStage, now));
	}

	/** Every stage passed and the recognition granted: the end of the application. */
	void recognized(String number) {
		if (this.status != ApplicationStatus.APPROVED) {
			throw new ConflictException("申请尚未通过全部审查环节，不能认定");
		}
		this.status = ApplicationStatus.RECOGNIZED;
		this.recognitionNumber = number;
		this.events.add(new ApplicationEvents.ApplicationRecognized(this.id, this.operatorId, this.spaceName, number));
	}

	private static ReviewStage stage(List<ReviewStage> stages, String code) {
		return stages.stream()
			.filter((s) -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ConflictException("政策包中没有「" + code + "」环节"));
	}

	private void moveTo(List<ReviewStage> stages, ReviewStage stage) {
		this.currentStage = stage.code();
		this.currentStageName = stage.name();
		this.currentStageRole = ApplicationRoles.deciding(stages, stage).name();
	}

	private void clearStage() {
		this.currentStage = null;
		this.currentStageName = null;
		this.currentStageRole = null;
	}

	private String statusLabel() {
		return ApplicationRoles.statusLabel(this.status);
	}

	List<Object> drainEvents() {
		List<Object> drained = List.copyOf(this.events);
		this.events.clear();
		return drained;
	}

	Application withId(long id) {
		return new Application(id, this.operatorId, this.institutionId, this.operatorName, this.policyId,
				this.policyVersion, this.regionCode, this.spaceName, this.kind, this.specialization, this.status,
				this.currentStage, this.currentStageName, this.currentStageRole, this.returnedStage, this.submissionKey,
				this.submittedOn, this.verdictOutcome, this.verdict, this.noticeId, this.recognitionNumber,
				this.createdBy, this.createdAt, this.version);
	}

	ApplicationSummary summary() {
		return new ApplicationSummary(this.id, this.operatorId, this.operatorName, this.policyId, this.policyVersion,
				this.regionCode, this.spaceName, this.kind, this.specialization, this.status, this.currentStage,
				this.submittedOn);
	}

	// @formatter:off
	public Long id() { return this.id; }
	public long operatorId() { return this.operatorId; }
	public long institutionId() { return this.institutionId; }
	public String operatorName() { return this.operatorName; }
	public String policyId() { return this.policyId; }
	public String policyVersion() { return this.policyVersion; }
	public String regionCode() { return this.regionCode; }
	public String spaceName() { return this.spaceName; }
	public String kind() { return this.kind; }
	public String specialization() { return this.specialization; }
	public ApplicationStatus status() { return this.status; }
	public String currentStage() { return this.currentStage; }
	public String currentStageName() { return this.currentStageName; }
	public String currentStageRole() { return this.currentStageRole; }
	public String returnedStage() { return this.returnedStage; }
	public String submissionKey() { return this.submissionKey; }
	public LocalDate submittedOn() { return this.submittedOn; }
	public String verdictOutcome() { return this.verdictOutcome; }
	public String verdict() { return this.verdict; }
	public Long noticeId() { return this.noticeId; }
	public String recognitionNumber() { return this.recognitionNumber; }
	public String createdBy() { return this.createdBy; }
	public Instant createdAt() { return this.createdAt; }
	public int version() { return this.version; }
	// @formatter:on

}
