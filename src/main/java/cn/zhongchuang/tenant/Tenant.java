package cn.zhongchuang.tenant;

import java.time.Instant;
import java.time.LocalDate;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;

/**
 * 在孵企业: the aggregate. It changes only through the guarded methods below; each returns
 * the changed copy, which the repository writes with {@code WHERE version = :version}.
 */
record Tenant(Long id, long operatorId, long institutionId, String regionCode, String name, String creditCode,
		LocalDate admittedOn, boolean agreementSigned, LocalDate agreementDate, boolean inFocusSegment,
		ChainStage chainStage, TenantStatus status, LocalDate leftOn, String exitReason, String policyId,
		String policyVersion, String admissionOutcome, String admissionDetail, TenantKind kind,
		LocalDate registeredFromTeamOn, Instant createdAt, int version) {

	/** 毕业: leaves incubation as a graduate on {@code on}. */
	Tenant graduate(LocalDate on) {
		requireActive();
		requireNotBeforeAdmission(on);
		return leave(TenantStatus.GRADUATED, on, null);
	}

	/** 退出 with the reason (清退, 主动退出, …). */
	Tenant exit(LocalDate on, String reason) {
		requireActive();
		requireNotBeforeAdmission(on);
		if (reason == null || reason.isBlank()) {
			throw new FieldErrorException("reason", "请填写退出原因");
		}
		return leave(TenantStatus.EXITED, on, reason.strip());
	}

	/** Moves forward along the chain; backwards or sideways is refused. */
	Tenant moveTo(ChainStage stage) {
		requireActive();
		if (stage == null) {
			throw new FieldErrorException("stage", "请选择孵化阶段");
		}
		if (!this.chainStage.isBefore(stage)) {
			throw new FieldErrorException("stage", "孵化链条只能向前移动（当前：" + this.chainStage + "）");
		}
		return new Tenant(this.id, this.operatorId, this.institutionId, this.regionCode, this.name, this.creditCode,
				this.admittedOn, this.agreementSigned, this.agreementDate, this.inFocusSegment, stage, this.status,
				this.leftOn, this.exitReason, this.policyId, this.policyVersion, this.admissionOutcome,
				this.admissionDetail, this.kind, this.registeredFromTeamOn, this.createdAt, this.version);
	}

	/**
	 * 毕业团队注册企业: the team registered a company with this (checked, normalized) credit code
	 * on {@code on}; it becomes an enterprise and keeps its id and history.
	 */
	Tenant registerCompany(String companyName, String code, LocalDate on) {
		requireActive();
		if (!team()) {
			throw new ConflictException("已是企业，不能再登记注册企业");
		}
		if (on == null) {
			throw new FieldErrorException("registeredOn", "请填写注册日期");
		}
		if (on.isBefore(this.admittedOn)) {
			throw new FieldErrorException("registeredOn", "注册日期不能早于入孵日期");
		}
		String named = (companyName != null && !companyName.isBlank()) ? companyName.strip() : this.name;
		if (named.length() > 100) {
			throw new FieldErrorException("companyName", "企业名称不能超过 100 个字");
		}
		return new Tenant(this.id, this.operatorId, this.institutionId, this.regionCode, named, code, this.admittedOn,
				this.agreementSigned, this.agreementDate, this.inFocusSegment, this.chainStage, this.status,
				this.leftOn, this.exitReason, this.policyId, this.policyVersion, this.admissionOutcome,
				this.admissionDetail, TenantKind.ENTERPRISE, on, this.createdAt, this.version);
	}

	/** A 创业团队 that has not registered a company (no credit code). */
	public boolean team() {
		return this.kind == TenantKind.TEAM;
	}

	/** 毕业团队注册企业: an enterprise that was admitted as a team. */
	public boolean registeredFromTeam() {
		return this.registeredFromTeamOn != null;
	}

	boolean active() {
		return this.status == TenantStatus.ACTIVE;
	}

	private Tenant leave(TenantStatus to, LocalDate on, String reason) {
		return new Tenant(this.id, this.operatorId, this.institutionId, this.regionCode, this.name, this.creditCode,
				this.admittedOn, this.agreementSigned, this.agreementDate, this.inFocusSegment, this.chainStage, to, on,
				reason, this.policyId, this.policyVersion, this.admissionOutcome, this.admissionDetail, this.kind,
				this.registeredFromTeamOn, this.createdAt, this.version);
	}

	private void requireActive() {
		if (!active()) {
			throw new ConflictException("企业已" + ((this.status == TenantStatus.GRADUATED) ? "毕业" : "退出") + "，不能再变更");
		}
	}

	private void requireNotBeforeAdmission(LocalDate on) {
		if (on == null) {
			throw new FieldErrorException("on", "请填写离孵日期");
		}
		if (on.isBefore(this.admittedOn)) {
			throw new FieldErrorException("on", "离孵日期不能早于入孵日期");
		}
	}

}
