package cn.zhongchuang.operator;

import java.time.LocalDate;

import cn.zhongchuang.region.Regions;

/** 人员: one member of the operating team, employed from a date until an optional date. */
record StaffMember(String name, Role role, boolean collegeDegree, boolean masters, boolean investmentExperience,
		boolean founder, LocalDate employedSince, LocalDate employedUntil) implements RecordData {

	enum Role {

		/** 管理人员 */
		MANAGEMENT,
		/** 专业孵化服务人员 */
		INCUBATION_PROFESSIONAL, OTHER

	}

	@Override
	public void validate(Validation v, Regions regions) {
		v.text("name", this.name, "姓名", 50);
		v.choice("role", this.role, "岗位");
		if (this.masters && !this.collegeDegree) {
			v.error("collegeDegree", "硕士及以上学历也属于大学以上学历，请一并勾选");
		}
		v.required("employedSince", this.employedSince, "入职日期");
		v.notBefore("employedUntil", this.employedSince, this.employedUntil, "离职日期不能早于入职日期");
	}

	@Override
	public String title() {
		return this.name;
	}

	/**
	 * Employed on {@code day}: joined on or before it and, if they left, left on or after
	 * it.
	 */
	boolean employedOn(LocalDate day) {
		return !this.employedSince.isAfter(day) && (this.employedUntil == null || !this.employedUntil.isBefore(day));
	}

}
