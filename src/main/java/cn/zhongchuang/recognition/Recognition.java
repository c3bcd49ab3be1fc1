package cn.zhongchuang.recognition;

import java.time.Instant;
import java.time.LocalDate;

import cn.zhongchuang.platform.ConflictException;

/**
 * One recognition of an institution: ACTIVE when granted; REVOKED (sanction) or LAPSED
 * (failed assessment) only through the guarded methods.
 */
class Recognition {

	enum Status {

		ACTIVE, REVOKED, LAPSED

	}

	private final Long id;

	private final String number;

	private final String verificationCode;

	private final RecognitionRequest request;

	private Status status;

	private final String createdBy;

	private final Instant createdAt;

	private final int version;

	Recognition(Long id, String number, String verificationCode, RecognitionRequest request, Status status,
			String createdBy, Instant createdAt, int version) {
		this.id = id;
		this.number = number;
		this.verificationCode = verificationCode;
		this.request = request;
		this.status = status;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Recognition grant(String number, String verificationCode, RecognitionRequest request, String by,
			Instant now) {
		return new Recognition(null, number, verificationCode, request, Status.ACTIVE, by, now, 0);
	}

	void revoke() {
		if (this.status != Status.ACTIVE) {
			throw new ConflictException("该认定已不在有效状态");
		}
		this.status = Status.REVOKED;
	}

	void lapse() {
		if (this.status != Status.ACTIVE) {
			throw new ConflictException("该认定已不在有效状态");
		}
		this.status = Status.LAPSED;
	}

	Long id() {
		return this.id;
	}

	String number() {
		return this.number;
	}

	String verificationCode() {
		return this.verificationCode;
	}

	RecognitionRequest request() {
		return this.request;
	}

	String regionCode() {
		return this.request.regionCode();
	}

	LocalDate recognizedOn() {
		return this.request.recognizedOn();
	}

	Status status() {
		return this.status;
	}

	String createdBy() {
		return this.createdBy;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	int version() {
		return this.version;
	}

}
