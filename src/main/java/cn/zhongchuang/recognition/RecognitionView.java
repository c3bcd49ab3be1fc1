package cn.zhongchuang.recognition;

import java.time.LocalDate;

/**
 * A recognition as the pages show it. {@code number} is null for an external title whose
 * document gives none ({@code documentNumber} names it then); {@code policyTitle} is null
 * for a title without a pack.
 */
record RecognitionView(long id, String number, String name, String operator, String creditCode, String kind,
		String specialization, String level, String regionCode, String regionName, String status,
		LocalDate recognizedOn, String policyId, String policyTitle, String issuingAuthority, String verificationCode,
		LocalDate endedOn, String endReason, String announcement, LocalDate plaqueRemovalOn, String source,
		String designation, String documentNumber, LocalDate documentDate, boolean evidence, Long recommendationId,
		Long institutionId) {

	static RecognitionView of(Recognition r, Recognitions recognitions) {
		RecognitionRequest q = r.request();
		Recognition.Ending e = r.ending();
		Recognition.Basis b = r.basis();
		return new RecognitionView(r.id(), r.number(), q.institutionName(), q.operatorName(), q.creditCode(), q.kind(),
				q.specialization(), q.level(), q.regionCode(), recognitions.regionName(q.regionCode()),
				r.status().name(), q.recognizedOn(), q.policyId(), recognitions.policyTitle(q.policyId()),
				q.issuingAuthority(), r.verificationCode(), (e != null) ? e.on() : null,
				(e != null) ? e.reason() : null, (e != null) ? e.announcement() : null,
				(e != null) ? e.plaqueRemovalOn() : null, r.source(), b.designation(), b.documentNumber(),
				b.documentDate(), b.evidenceAttachmentId() != null, b.recommendationId(), q.institutionId());
	}

	public boolean external() {
		return Recognition.EXTERNAL.equals(this.source);
	}

	public boolean active() {
		return "ACTIVE".equals(this.status);
	}

	/** Its number, or the 文号 of the document it was recorded from. */
	public String reference() {
		return (this.number != null) ? this.number : "文号 " + this.documentNumber;
	}

}
