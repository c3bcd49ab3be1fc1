package cn.zhongchuang.institution;

import java.time.Instant;

import cn.zhongchuang.platform.ConflictException;

/**
 * 孵化载体: the aggregate. It changes only through the guarded methods below; each returns
 * the changed copy, which the repository writes with {@code WHERE version = :version}.
 *
 * @param operatorId the organisation that runs it; null for an institution known only
 * from a title a bureau recorded, whose operator is not on the platform
 * @param origin REGISTERED by its operator, EXTERNAL (made for a recorded title), or
 * MIGRATED from the time before institutions
 */
record Institution(Long id, Long operatorId, String operatorName, String operatorCreditCode, InstitutionForm.Data data,
		Status status, Origin origin, String createdBy, Instant createdAt, int version) {

	enum Status {

		/** 运营中. */
		OPERATING,
		/** 已停止运营. */
		CLOSED

	}

	enum Origin {

		REGISTERED, EXTERNAL, MIGRATED

	}

	static Institution register(long operatorId, String operatorName, String creditCode, InstitutionForm.Data data,
			String by, Instant now) {
		return new Institution(null, operatorId, operatorName, creditCode, data, Status.OPERATING, Origin.REGISTERED,
				by, now, 0);
	}

	static Institution external(Long operatorId, String operatorName, String creditCode, InstitutionForm.Data data,
			String by, Instant now) {
		return new Institution(null, operatorId, operatorName, creditCode, data, Status.OPERATING, Origin.EXTERNAL, by,
				now, 0);
	}

	/** New particulars; a closed institution is not edited any more. */
	Institution revise(InstitutionForm.Data next) {
		if (this.status == Status.CLOSED) {
			throw new ConflictException("该载体已停止运营，不能再修改");
		}
		return new Institution(this.id, this.operatorId, this.operatorName, this.operatorCreditCode, next, this.status,
				this.origin, this.createdBy, this.createdAt, this.version);
	}

	/** The operator's current name and code (after it changed its registration). */
	Institution runBy(long operatorId, String name, String creditCode) {
		return new Institution(this.id, operatorId, name, creditCode, this.data, this.status, this.origin,
				this.createdBy, this.createdAt, this.version);
	}

}
