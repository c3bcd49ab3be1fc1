package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhongchuang.region.Regions;

/** 场地: one site of the space. A lease needs both dates, the end after the start. */
record Premises(String address, String regionCode, BigDecimal totalAreaM2, BigDecimal officeAndPublicServiceAreaM2,
		Integer independentWorkstations, Tenure tenure, LocalDate leaseStart, LocalDate leaseEnd,
		boolean infrastructureReady, boolean rdAndProductionFacilities,
		LocalDate operatingSince) implements RecordData {

	enum Tenure {

		OWNED, LEASED

	}

	@Override
	public void validate(Validation v, Regions regions) {
		v.text("address", this.address, "场地地址", 200);
		if (this.regionCode == null || regions.find(this.regionCode).isEmpty()) {
			v.error("regionCode", "请选择有效的行政区划");
		}
		v.positive("totalAreaM2", this.totalAreaM2, "总面积");
		v.notNegative("officeAndPublicServiceAreaM2", this.officeAndPublicServiceAreaM2, "办公及公共服务面积");
		if (this.totalAreaM2 != null && this.officeAndPublicServiceAreaM2 != null
				&& this.officeAndPublicServiceAreaM2.compareTo(this.totalAreaM2) > 0) {
			v.error("officeAndPublicServiceAreaM2", "办公及公共服务面积不能大于总面积");
		}
		v.notNegative("independentWorkstations", this.independentWorkstations, "独立工位数");
		v.choice("tenure", this.tenure, "产权性质");
		if (this.tenure == Tenure.LEASED) {
			v.required("leaseStart", this.leaseStart, "租赁起始日期");
			v.required("leaseEnd", this.leaseEnd, "租赁截止日期");
			if (this.leaseStart != null && this.leaseEnd != null && !this.leaseEnd.isAfter(this.leaseStart)) {
				v.error("leaseEnd", "租赁截止日期应晚于起始日期");
			}
		}
		v.required("operatingSince", this.operatingSince, "投入运营日期");
	}

	/** Owned premises have no lease: dates typed before switching to 自有 are dropped. */
	@Override
	public Premises normalized() {
		if (this.tenure != Tenure.OWNED) {
			return this;
		}
		return new Premises(this.address, this.regionCode, this.totalAreaM2, this.officeAndPublicServiceAreaM2,
				this.independentWorkstations, this.tenure, null, null, this.infrastructureReady,
				this.rdAndProductionFacilities, this.operatingSince);
	}

	@Override
	public String title() {
		return this.address;
	}

	/**
	 * A site counts on {@code day} once operating and, when leased, while the lease runs.
	 */
	boolean inUseOn(LocalDate day) {
		return !this.operatingSince.isAfter(day) && (this.tenure == Tenure.OWNED || !this.leaseEnd.isBefore(day));
	}

}
