package cn.zhongchuang.audit;

/**
 * The outcome of checking a record's seal when it is shown.
 *
 * @param status valid, invalid (the record was changed after it was sealed, or the seal
 * was), unsealed, or sealed under a key the keyring no longer has
 * @param keyId the id of the key the seal names, null when unsealed
 */
public record SealCheck(Status status, Integer keyId) {

	public enum Status {

		VALID, INVALID, UNSEALED, UNKNOWN_KEY

	}

	/** What the page says. */
	public String text() {
		return switch (this.status) {
			case VALID -> "签章有效";
			case INVALID -> "签章校验失败（记录可能被篡改）";
			case UNSEALED -> "未签章";
			case UNKNOWN_KEY -> "签章无法校验（签章密钥已不在密钥环中）";
		};
	}

	public boolean valid() {
		return this.status == Status.VALID;
	}

	/** Whether the page should warn: a seal that does not verify. */
	public boolean failed() {
		return this.status == Status.INVALID || this.status == Status.UNKNOWN_KEY;
	}

	/** The check as the APIs give it. */
	public Json json() {
		return new Json(this.status, valid(), this.keyId, text());
	}

	/**
	 * A seal check in JSON: {@code status} VALID, INVALID, UNSEALED or UNKNOWN_KEY,
	 * {@code valid}, the seal key's id, and the text the page shows.
	 */
	public record Json(Status status, boolean valid, Integer keyId, String text) {
	}

	/** Worse of two checks, for a record made of several sealed rows. */
	public SealCheck and(SealCheck other) {
		if (other == null || rank(this.status) >= rank(other.status)) {
			return this;
		}
		return other;
	}

	private static int rank(Status s) {
		return switch (s) {
			case VALID -> 0;
			case UNSEALED -> 1;
			case UNKNOWN_KEY -> 2;
			case INVALID -> 3;
		};
	}

}
