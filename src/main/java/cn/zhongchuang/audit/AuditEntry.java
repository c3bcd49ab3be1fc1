package cn.zhongchuang.audit;

/**
 * What happened, to which object, with what result. Who and from where are filled in from
 * the current request unless given (a failed login has no authenticated user yet).
 */
public record AuditEntry(String action, String objectType, String objectId, Result result, String detail,
		String regionCode, String actor, String ip) {

	public enum Result {

		SUCCESS, FAILURE, DENIED

	}

	public static AuditEntry success(String action, String objectType, Object objectId, String detail,
			String regionCode) {
		return new AuditEntry(action, objectType, String.valueOf(objectId), Result.SUCCESS, detail, regionCode, null,
				null);
	}

	public AuditEntry withResult(Result result) {
		return new AuditEntry(this.action, this.objectType, this.objectId, result, this.detail, this.regionCode,
				this.actor, this.ip);
	}

	public AuditEntry by(String actor, String ip) {
		return new AuditEntry(this.action, this.objectType, this.objectId, this.result, this.detail, this.regionCode,
				actor, ip);
	}

}
