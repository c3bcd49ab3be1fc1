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

	/** Granted through this system. */
	static final String SYSTEM = "SYSTEM";

	/** Recorded by a bureau from another authority's document. */
	static final String EXTERNAL = "EXTERNAL";

	private final Long id;

	private final String number;

	private final String verificationCode;

	private final RecognitionRequest request;

	private Status status;

	private Ending ending;

	private final String source;

	private final Basis basis;

	private final String createdBy;

	private final Instant createdAt;

	private final int version;

	/**
	 * Why and when a recognition ended: the date, the reason, the public announcement,
	 * the date the plaque is to be removed, who decided and when.
	 */
	record Ending(LocalDate on, String reason, String announcement, LocalDate plaqueRemovalOn, String by, Instant at) {
	}

	/**
	 * What a title without a policy pack rests on: the designation (称号) the document or
	 * decision gives, the other authority's document (文号, date, the scan's attachment id)
	 * for an EXTERNAL title, the recommendation for one granted on it. {@link #NONE} for
	 * a title granted under a pack.
	 */
	record Basis(String designation, String documentNumber, LocalDate documentDate, Long evidenceAttachmentId,
			Long recommendationId) {

		static final Basis NONE = new Basis(null, null, null, null, null);

		Basis withEvidence(long attachmentId) {
			return new Basis(this.designation, this.documentNumber, this.documentDate, attachmentId,
					this.recommendationId);
		}

	}

	Recognition(Long id, String number, String verificationCode, RecognitionRequest request, Status status,
			String source, String createdBy, Instant createdAt, int version) {
		this(id, number, verificationCode, request, status, null, source, Basis.NONE, createdBy, createdAt, version);
	}

	Recognition(Long id, String number, String verificationCode, RecognitionRequest request, Status status,
			Ending ending, String source, Basis basis, String createdBy, Instant createdAt, int version) {
		this.ending = ending;
		this.source = source;
		this.basis = (basis != null) ? basis : Basis.NONE;
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
		return new Recognition(null, number, verificationCode, request, Status.ACTIVE, SYSTEM, by, now, 0);
	}

	/**
	 * A title granted here on a recommendation: no pack, the designation the decision
	 * gives.
	 */
	static Recognition onRecommendation(String number, String verificationCode, RecognitionRequest request,
			String designation, long recommendationId, String by, Instant now) {
		return new Recognition(null, number, verificationCode, request, Status.ACTIVE, null, SYSTEM,
				new Basis(designation, null, null, null, recommendationId), by, now, 0);
	}

	/**
	 * A title another authority granted, recorded from its document; {@code number} is
	 * the title's own number when the document gives one, else null.
	 */
	static Recognition external(String number, String verificationCode, RecognitionRequest request, Basis basis,
			String by, Instant now) {
		return new Recognition(null, number, verificationCode, request, Status.ACTIVE, null, EXTERNAL, basis, by, now,
				0);
	}

	Basis basis() {
		return this.basis;
	}

	/** 称号 as the document or decision names it; null for a title granted under a pack. */
	String designation() {
		return this.basis.designation();
	}

	boolean external() {
		return EXTERNAL.equals(this.source);
	}

	/** How a clerk names the title: its number, or the document's 文号 when it has none. */
	String reference() {
		return (this.number != null) ? this.number : "文号 " + this.basis.documentNumber();
	}

	/**
	 * Ends an ACTIVE recognition: REVOKED (fraud) or LAPSED (the pack's lapse rule). Any
	 * other state refuses (409).
	 */
	void end(Status to, Ending ending) {
		if (this.status != Status.ACTIVE) {
			throw new ConflictException("该认定已不在有效状态（" + label(this.status) + "）");
		}
		if (to == Status.ACTIVE) {
			throw new IllegalArgumentException("a recognition ends as REVOKED or LAPSED");
		}
		this.status = to;
		this.ending = ending;
	}

	static String label(Status status) {
		return switch (status) {
			case ACTIVE -> "有效";
			case REVOKED -> "已撤销";
			case LAPSED -> "已失效";
		};
	}

	Ending ending() {
		return this.ending;
	}

	/** SYSTEM (granted here) or EXTERNAL (recorded from another authority's document). */
	String source() {
		return this.source;
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
