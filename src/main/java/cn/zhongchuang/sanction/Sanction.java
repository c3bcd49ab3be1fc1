package cn.zhongchuang.sanction;

import java.time.Instant;
import java.time.LocalDate;

/** One fraud finding and its consequences, as stored. */
record Sanction(Long id, long recognitionId, String recognitionNumber, String institutionName, String operatorName,
		String creditCode, String regionCode, String policyId, String finding, LocalDate foundOn, boolean titleRevoked,
		Integer banYears, LocalDate banStartsOn, LocalDate banEndsOn, String recovery, String basis, String recordedBy,
		Instant recordedAt, int version) {

	boolean banActiveOn(LocalDate day) {
		return this.banEndsOn != null && !day.isBefore(this.banStartsOn) && !day.isAfter(this.banEndsOn);
	}

	Ban ban() {
		return new Ban(this.creditCode, this.operatorName, this.banStartsOn, this.banEndsOn, this.finding,
				this.recognitionNumber, this.policyId, this.basis);
	}

}
