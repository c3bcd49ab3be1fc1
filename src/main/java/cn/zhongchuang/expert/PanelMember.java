package cn.zhongchuang.expert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One expert on a panel: a member ({@code ASSIGNED}, then {@code SUBMITTED}), an
 * alternate waiting ({@code STANDBY}) or one who declined. Changed only by its
 * {@link Panel}.
 */
class PanelMember {

	enum Status {

		ASSIGNED, SUBMITTED, STANDBY, DECLINED;

		boolean serving() {
			return this == ASSIGNED || this == SUBMITTED;
		}

	}

	private final Long id;

	private final long expertId;

	private final int position;

	private Status status;

	private Map<String, Integer> scores;

	private String opinion;

	private Inspection inspection;

	private String declineReason;

	private Instant submittedAt;

	private final int version;

	boolean dirty;

	PanelMember(Long id, long expertId, int position, Status status, Map<String, Integer> scores, String opinion,
			Inspection inspection, String declineReason, Instant submittedAt, int version) {
		this.id = id;
		this.expertId = expertId;
		this.position = position;
		this.status = status;
		this.scores = scores;
		this.opinion = opinion;
		this.inspection = inspection;
		this.declineReason = declineReason;
		this.submittedAt = submittedAt;
		this.version = version;
	}

	void decline(String reason) {
		this.status = Status.DECLINED;
		this.declineReason = reason;
		this.dirty = true;
	}

	void promote() {
		this.status = Status.ASSIGNED;
		this.dirty = true;
	}

	void submit(Map<String, Integer> scores, String opinion, Inspection inspection, Instant now) {
		this.status = Status.SUBMITTED;
		this.scores = Map.copyOf(scores);
		this.opinion = opinion;
		this.inspection = inspection;
		this.submittedAt = now;
		this.dirty = true;
	}

	int total() {
		return (this.scores == null) ? 0 : this.scores.values().stream().mapToInt(Integer::intValue).sum();
	}

	Long id() {
		return this.id;
	}

	long expertId() {
		return this.expertId;
	}

	int position() {
		return this.position;
	}

	Status status() {
		return this.status;
	}

	Map<String, Integer> scores() {
		return this.scores;
	}

	String opinion() {
		return this.opinion;
	}

	Inspection inspection() {
		return this.inspection;
	}

	String declineReason() {
		return this.declineReason;
	}

	Instant submittedAt() {
		return this.submittedAt;
	}

	int version() {
		return this.version;
	}

	/** 实地考察记录. */
	record Inspection(LocalDate date, String place, String findings) {
	}

}
