package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhongchuang.region.Regions;

/** 辅导档案: one counselling session a mentor gave a tenant. */
record Counselling(LocalDate heldOn, String tenantName, String topic, BigDecimal hours,
		String summary) implements RecordData {

	@Override
	public void validate(Validation v, Regions regions) {
		v.required("heldOn", this.heldOn, "辅导日期");
		v.text("tenantName", this.tenantName, "辅导对象", 100);
		v.text("topic", this.topic, "辅导主题", 100);
		v.positive("hours", this.hours, "辅导时长");
		if (this.hours != null && this.hours.compareTo(BigDecimal.valueOf(24)) > 0) {
			v.error("hours", "单次辅导时长不能超过 24 小时");
		}
		v.optionalText("summary", this.summary, "辅导内容摘要", 2000);
	}

	@Override
	public String title() {
		return this.heldOn + " " + this.topic;
	}

}
