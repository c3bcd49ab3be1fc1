package cn.zhongchuang.application;

import java.time.LocalDate;

/**
 * An application as other modules read it.
 *
 * @param currentStage the stage code it waits at, while in review
 */
public record ApplicationSummary(long id, long operatorId, String operatorName, String policyId, String policyVersion,
		String regionCode, String spaceName, String kind, String specialization, ApplicationStatus status,
		String currentStage, LocalDate submittedOn) {
}
