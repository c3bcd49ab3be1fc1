package cn.zhongchuang.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 条件变化报告: what changed (premises, operator, scope), when, when it was reported, and
 * whether that was later than the pack's limit in months (never late without a limit).
 */
record ConditionChange(Long id, long recognitionId, String recognitionNumber, String institutionName, String creditCode,
		String regionCode, String policyId, Kind kind, LocalDate occurredOn, LocalDate reportedOn, String description,
		Integer limitMonths, boolean late, String reportedBy, Instant reportedAt) {

	enum Kind {

		PREMISES, OPERATOR, SCOPE

	}

	/** Late when reported after the day the limit ends (occurred on plus the months). */
	static boolean isLate(LocalDate occurredOn, LocalDate reportedOn, Integer limitMonths) {
		return limitMonths != null && reportedOn.isAfter(occurredOn.plusMonths(limitMonths));
	}

}
