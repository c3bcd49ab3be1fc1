package cn.zhongchuang.notice;

import java.time.Instant;

import cn.zhongchuang.platform.ConflictException;

/**
 * 异议: lodged by anyone against one item of a published notice; OPEN until the bureau
 * records its investigation and answer (ANSWERED, UPHELD or DISMISSED). An upheld
 * objection takes the item out of recognition.
 */
class Objection {

	enum Status {

		OPEN, ANSWERED

	}

	enum Outcome {

		UPHELD, DISMISSED

	}

	private final Long id;

	private final long noticeId;

	private final long itemId;

	private final String name;

	private final String phone;

	private final String content;

	private final Instant lodgedAt;

	private Status status;

	private Outcome outcome;

	private String investigation;

	private String answer;

	private String answeredBy;

	private Instant answeredAt;

	private final int version;

	Objection(Long id, long noticeId, long itemId, String name, String phone, String content, Instant lodgedAt,
			Status status, Outcome outcome, String investigation, String answer, String answeredBy, Instant answeredAt,
			int version) {
		this.id = id;
		this.noticeId = noticeId;
		this.itemId = itemId;
		this.name = name;
		this.phone = phone;
		this.content = content;
		this.lodgedAt = lodgedAt;
		this.status = status;
		this.outcome = outcome;
		this.investigation = investigation;
		this.answer = answer;
		this.answeredBy = answeredBy;
		this.answeredAt = answeredAt;
		this.version = version;
	}

	static Objection lodge(long noticeId, long itemId, String name, String phone, String content, Instant now) {
		return new Objection(null, noticeId, itemId, name, phone, content, now, Status.OPEN, null, null, null, null,
				null, 0);
	}

	void answer(Outcome outcome, String investigation, String answer, String by, Instant now) {
		if (this.status != Status.OPEN) {
			throw new ConflictException("该异议已答复");
		}
		this.status = Status.ANSWERED;
		this.outcome = outcome;
		this.investigation = investigation;
		this.answer = answer;
		this.answeredBy = by;
		this.answeredAt = now;
	}

	/** 138****8000: what any page shows of the contact number. */
	String maskedPhone() {
		String p = this.phone.replaceAll("[^0-9]", "");
		if (p.length() < 7) {
			return "****";
		}
		return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
	}

	Long id() {
		return this.id;
	}

	long noticeId() {
		return this.noticeId;
	}

	long itemId() {
		return this.itemId;
	}

	String name() {
		return this.name;
	}

	String phone() {
		return this.phone;
	}

	String content() {
		return this.content;
	}

	Instant lodgedAt() {
		return this.lodgedAt;
	}

	Status status() {
		return this.status;
	}

	Outcome outcome() {
		return this.outcome;
	}

	String investigation() {
		return this.investigation;
	}

	String answer() {
		return this.answer;
	}

	String answeredBy() {
		return this.answeredBy;
	}

	Instant answeredAt() {
		return this.answeredAt;
	}

	int version() {
		return this.version;
	}

}
