package cn.zhongchuang.sanction;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fraud finding and its consequences, as stored. Its subject is a recognition
 * ({@code recognitionId} and {@code recognitionNumber}) or, for fraud found during
 * review, an application ({@code applicationId}); exactly one of the two.
 */
record Sanction(Long id, Long recognitionId, String recognitionNumber, Long applicationId, String institutionName,
		String operatorName, String creditCode, String regionCode, String policyId, String finding, LocalDate foundOn,
		boolean titleRevoked, Integer banYears, LocalDate banStartsOn, LocalDate banEndsOn, String recovery,
		String basis, String recordedBy, Instant recordedAt, int version) {

	/** recognition or application. */
	String subjectType() {
		return (this.applicationId != null) ? "application" : "recognition";
	}

	/** What the finding was made against, as a page names it. */
	String subject() {
		return (this.applicationId != null) ? "认定申请「" + this.institutionName + "」（申请 #" + this.applicationId + "）"
				: "认定 " + this.recognitionNumber;
	}

	boolean banActiveOn(LocalDate day) {
		return this.banEndsOn != null && !day.isBefore(this.banStartsOn) && !day.isAfter(this.banEndsOn);
	}

	Ban ban() {
		return new Ban(this.creditCode, this.operatorName, this.banStartsOn, this.banEndsOn, this.finding,
				this.recognitionNumber, this.policyId, this.basis, subject());
	}

}
