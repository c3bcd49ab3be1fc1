package cn.zhongchuang.cluster.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.cluster.ClusterStatus;
import cn.zhongchuang.cluster.ClusterSummary;
import cn.zhongchuang.platform.ConflictException;

/**
 * 众创集聚区: the aggregate; decisions through the guarded methods below, written with
 * {@code WHERE version = :version}.
 */
record Cluster(Long id, long institutionId, String name, String regionCode, String authorityRegion, String registeredBy,
		Instant registeredAt, ClusterStatus status, String number, LocalDate recognizedOn, String authority,
		String refusalReason, String revocationReason, LocalDate decidedOn, String decidedBy, int version,
		List<Long> members, List<Provider> providers) {

	/** 服务机构. */
	record Provider(Long id, String name, String creditCode, ServiceKind serviceKind) {
	}

	/** 服务类型 (seed 002 三(三)). Labels: {@code cluster.service.<NAME>}. */
	enum ServiceKind {

		SCIENCE_CONSULTING, ANGEL_INVESTMENT, FINANCE, LEGAL, INTELLECTUAL_PROPERTY, TECHNOLOGY_TRADE, RESEARCH_DESIGN,
		LOGISTICS, TESTING, GUARANTEE, TRAINING, OTHER

	}

	Cluster recognize(String number, LocalDate on, String authority, String by) {
		requireApplied("认定");
		return with(ClusterStatus.RECOGNIZED, number, on, authority, null, null, on, by);
	}

	Cluster refuse(String reason, LocalDate on, String by) {
		requireApplied("不予认定");
		return with(ClusterStatus.REFUSED, null, null, null, reason, null, on, by);
	}

	Cluster revoke(String reason, LocalDate on, String by) {
		if (this.status != ClusterStatus.RECOGNIZED) {
			throw new ConflictException("该集聚区未被认定，不能撤销");
		}
		return with(ClusterStatus.REVOKED, this.number, this.recognizedOn, this.authority, null, reason, on, by);
	}

	ClusterSummary summary() {
		return new ClusterSummary(this.id, this.institutionId, this.name, this.regionCode, this.status, this.number,
				this.recognizedOn, this.authority);
	}

	Cluster withVersion(int v) {
		return new Cluster(this.id, this.institutionId, this.name, this.regionCode, this.authorityRegion,
				this.registeredBy, this.registeredAt, this.status, this.number, this.recognizedOn, this.authority,
				this.refusalReason, this.revocationReason, this.decidedOn, this.decidedBy, v, this.members,
				this.providers);
	}

	private Cluster with(ClusterStatus s, String number, LocalDate recognizedOn, String authority, String refusal,
			String revocation, LocalDate on, String by) {
		return new Cluster(this.id, this.institutionId, this.name, this.regionCode, this.authorityRegion,
				this.registeredBy, this.registeredAt, s, number, recognizedOn, authority, refusal, revocation, on, by,
				this.version, this.members, this.providers);
	}

	private void requireApplied(String what) {
		if (this.status != ClusterStatus.APPLIED) {
			throw new ConflictException("该集聚区已审核，不能再" + what);
		}
	}

}
