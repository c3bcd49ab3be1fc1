package cn.zhongchuang.chain.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.chain.ChainStatus;
import cn.zhongchuang.chain.ChainSummary;
import cn.zhongchuang.platform.ConflictException;

/**
 * 孵化链条: the aggregate. Its decisions change it only through the guarded methods below;
 * each returns the changed copy, which the repository writes with
 * {@code WHERE version = :version}.
 */
record Chain(Long id, String name, String regionCode, String authorityRegion, long applicantOperator, String appliedBy,
		Instant appliedAt, ChainStatus status, String number, LocalDate designatedOn, String authority,
		String refusalReason, String revocationReason, LocalDate decidedOn, String decidedBy, int version,
		List<Link> links) {

	/** The stages in chain order. */
	static final List<String> STAGES = List.of("NURSERY", "INCUBATOR", "ACCELERATOR", "PARK");

	static final Map<String, String> STAGE_NAMES = Map.of("NURSERY", "苗圃", "INCUBATOR", "孵化器", "ACCELERATOR", "加速器",
			"PARK", "产业园");

	/** One institution of the chain at its stage; positions count from 1. */
	record Link(int position, long institutionId, String stage) {
	}

	static int order(String stage) {
		return STAGES.indexOf(stage);
	}

	static String stageName(String stage) {
		return STAGE_NAMES.getOrDefault(stage, stage);
	}

	Chain designate(String number, LocalDate on, String authority, String by) {
		requireApplied("认定为试点");
		return new Chain(this.id, this.name, this.regionCode, this.authorityRegion, this.applicantOperator,
				this.appliedBy, this.appliedAt, ChainStatus.DESIGNATED, number, on, authority, null, null, on, by,
				this.version, this.links);
	}

	Chain refuse(String reason, LocalDate on, String by) {
		requireApplied("不予认定");
		return new Chain(this.id, this.name, this.regionCode, this.authorityRegion, this.applicantOperator,
				this.appliedBy, this.appliedAt, ChainStatus.REFUSED, null, null, null, reason, null, on, by,
				this.version, this.links);
	}

	Chain revoke(String reason, LocalDate on, String by) {
		if (this.status != ChainStatus.DESIGNATED) {
			throw new ConflictException("该链条不是试点，不能撤销");
		}
		return new Chain(this.id, this.name, this.regionCode, this.authorityRegion, this.applicantOperator,
				this.appliedBy, this.appliedAt, ChainStatus.REVOKED, this.number, this.designatedOn, this.authority,
				null, reason, on, by, this.version, this.links);
	}

	ChainSummary summary() {
		return new ChainSummary(this.id, this.name, this.regionCode, this.authorityRegion, this.status, this.number,
				this.designatedOn, this.authority);
	}

	/** 苗圃→孵化器→加速器. */
	String stagePath() {
		return String.join("→", this.links.stream().map((l) -> stageName(l.stage())).toList());
	}

	private void requireApplied(String what) {
		if (this.status != ChainStatus.APPLIED) {
			throw new ConflictException("该链条已审核，不能再" + what);
		}
	}

}
