package cn.zhongchuang.operator;

import java.time.LocalDate;

import cn.zhongchuang.region.Regions;

/** 创业导师 under contract; their counselling sessions are {@link Counselling} records. */
record Mentor(String name, String employer, String field, boolean industryMentor, boolean fromLeadingInvestorOrFirm,
		LocalDate contractStart, LocalDate contractEnd) implements RecordData {

	@Override
	public void validate(Validation v, Regions regions) {
		v.text("name", this.name, "姓名", 50);
		v.optionalText("employer", this.employer, "工作单位", 100);
		v.optionalText("field", this.field, "擅长领域", 100);
		v.required("contractStart", this.contractStart, "聘任起始日期");
		v.notBefore("contractEnd", this.contractStart, this.contractEnd, "聘任截止日期不能早于起始日期");
	}

	@Override
	public String title() {
		return this.name;
	}

	/** Under contract on {@code day}, both ends included. */
	boolean contractedOn(LocalDate day) {
		return !this.contractStart.isAfter(day) && (this.contractEnd == null || !this.contractEnd.isBefore(day));
	}

}
