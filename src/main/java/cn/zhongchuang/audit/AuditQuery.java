package cn.zhongchuang.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The auditor's search form; every field optional. Dates are Beijing calendar days,
 * inclusive.
 */
record AuditQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String actor, String action, String objectType,
		String objectId, AuditEntry.Result result, String ip, Integer page, Integer size) {

	static AuditQuery empty() {
		return new AuditQuery(null, null, null, null, null, null, null, null, 1, null);
	}

}
