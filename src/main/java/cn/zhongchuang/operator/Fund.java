package cn.zhongchuang.operator;

import java.time.LocalDate;

import cn.zhongchuang.region.Regions;

/**
 * 基金 the space built, leads or cooperates with; investments are {@link Investment}
 * records.
 */
record Fund(String name, Role role, Kind kind, Long amountCny, LocalDate establishedOn) implements RecordData {

	enum Role {

		SELF_BUILT, LED, COOPERATIVE

	}

	enum Kind {

		ANGEL, VC, SEED, EQUITY, INNOVATION

	}

	@Override
	public void validate(Validation v, Regions regions) {
		v.text("name", this.name, "基金名称", 100);
		v.choice("role", this.role, "参与方式");
		v.choice("kind", this.kind, "基金类型");
		v.positive("amountCny", this.amountCny, "基金规模");
		v.required("establishedOn", this.establishedOn, "设立日期");
	}

	@Override
	public String title() {
		return this.name;
	}

}
