package cn.zhongchuang.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What happens to an application, published inside the transaction that changed it. Other
 * modules react with {@code @ApplicationModuleListener}.
 */
public final class ApplicationEvents {

	private ApplicationEvents() {
	}

	/** Submitted for the first time: waiting at the pack's first stage. */
	public record ApplicationSubmitted(long applicationId, long operatorId, String policyId, String policyVersion,
			String regionCode, String spaceName, String firstStage, LocalDate submittedOn) {
	}

	/** A stage passed; {@code nextStage} is null when it was the last one. */
	public record StageDecided(long applicationId, String policyId, String stage, String decidedBy, String reasons,
			String nextStage, Instant decidedAt) {
	}

	/** Returned for revision at {@code stage}; back there when the operator resubmits. */
	public record ApplicationReturned(long applicationId, long operatorId, String stage, String reasons,
			String decidedBy) {
	}

	/** Revised and sent back to the stage that returned it. */
	public record ApplicationResubmitted(long applicationId, long operatorId, String stage) {
	}

	/** Rejected with reasons at {@code stage}: final. */
	public record ApplicationRejected(long applicationId, long operatorId, String stage, String reasons,
			String decidedBy) {
	}

	/** Every stage of the pack passed: ready for public notice and recognition. */
	public record ApplicationApproved(long applicationId, long operatorId, String operatorName, String policyId,
			String policyVersion, String regionCode, String spaceName, String kind, String specialization,
			LocalDate approvedOn) {
	}

	/** Recognized under the pack: {@code number} is the recognition's. Final. */
	public record ApplicationRecognized(long applicationId, long operatorId, String spaceName, String number) {
	}

	/** Withdrawn by the operator before a final decision. */
	public record ApplicationWithdrawn(long applicationId, long operatorId, String by) {
	}

}
