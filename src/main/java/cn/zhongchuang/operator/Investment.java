package cn.zhongchuang.operator;

import java.time.LocalDate;

import cn.zhongchuang.region.Regions;

/** One investment of a fund into a tenant. */
record Investment(String tenantName, Long amountCny, LocalDate investedOn) implements RecordData {

	@Override
	public void validate(Validation v, Regions regions) {
		v.text("tenantName", this.tenantName, "被投企业", 100);
		v.positive("amountCny", this.amountCny, "投资金额");
		v.required("investedOn", this.investedOn, "投资日期");
	}

	@Override
	public String title() {
		return this.tenantName;
	}

}
