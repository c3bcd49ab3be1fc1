package cn.zhongchuang.recognition;

import java.time.LocalDate;

/** A recognition as the pages show it. */
record RecognitionView(long id, String number, String name, String operator, String creditCode, String kind,
		String specialization, String level, String regionCode, String regionName, String status,
		LocalDate recognizedOn, String policyId, String policyTitle, String issuingAuthority, String verificationCode,
		LocalDate endedOn, String endReason, String announcement, LocalDate plaqueRemovalOn) {

	static RecognitionView of(Recognition r, Recognitions recognitions) {
		RecognitionRequest q = r.request();
		Recognition.Ending e = r.ending();
		return new RecognitionView(r.id(), r.number(), q.institutionName(), q.operatorName(), q.creditCode(), q.kind(),
				q.specialization(), q.level(), q.regionCode(), recognitions.regionName(q.regionCode()),
				r.status().name(), q.recognizedOn(), q.policyId(), recognitions.policyTitle(q.policyId()),
				q.issuingAuthority(), r.verificationCode(), (e != null) ? e.on() : null,
				(e != null) ? e.reason() : null, (e != null) ? e.announcement() : null,
				(e != null) ? e.plaqueRemovalOn() : null);
	}

}
