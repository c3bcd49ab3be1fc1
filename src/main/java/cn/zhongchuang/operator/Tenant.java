package cn.zhongchuang.operator;

import java.time.LocalDate;

import cn.zhongchuang.reference.CreditCodeCheck;
import cn.zhongchuang.reference.CreditCodes;
import cn.zhongchuang.region.Regions;

/**
 * 在孵企业名册: one row of the simple tenant roster this module keeps until the tenant module
 * takes it over (table {@code operator_tenant}, same ids). A tenant that graduated or
 * exited has the date it left and does not come back.
 */
record Tenant(String name, String creditCode, LocalDate admittedOn, boolean agreementSigned, LocalDate agreementDate,
		boolean inFocusSegment, Status status, LocalDate leftOn) implements RecordData {

	enum Status {

		ACTIVE, GRADUATED, EXITED

	}

	@Override
	public void validate(Validation v, Regions regions) {
		v.text("name", this.name, "企业名称", 100);
		CreditCodeCheck check = CreditCodes.check(this.creditCode);
		if (!check.valid()) {
			v.error("creditCode", check.reason());
		}
		v.required("admittedOn", this.admittedOn, "入孵日期");
		if (this.agreementSigned) {
			v.required("agreementDate", this.agreementDate, "入孵协议签订日期");
		}
		else if (this.agreementDate != null) {
			v.error("agreementDate", "未签订入孵协议时不应填写签订日期");
		}
		v.choice("status", this.status, "状态");
		if (this.status == Status.ACTIVE && this.leftOn != null) {
			v.error("leftOn", "在孵企业不应填写离孵日期");
		}
		if (this.status != null && this.status != Status.ACTIVE) {
			v.required("leftOn", this.leftOn, "离孵日期");
		}
		v.notBefore("leftOn", this.admittedOn, this.leftOn, "离孵日期不能早于入孵日期");
	}

	@Override
	public void checkChange(RecordData before, Validation v) {
		if (before instanceof Tenant previous && previous.status() != Status.ACTIVE && this.status == Status.ACTIVE) {
			v.error("status", "已毕业或已退出的企业不能改回在孵");
		}
	}

	@Override
	public Tenant normalized() {
		return new Tenant(this.name, CreditCodes.normalize(this.creditCode), this.admittedOn, this.agreementSigned,
				this.agreementDate, this.inFocusSegment, this.status, this.leftOn);
	}

	@Override
	public String[] duplicateError() {
		return new String[] { "creditCode", "名册中已有该统一社会信用代码的企业" };
	}

	@Override
	public String title() {
		return this.name;
	}

	/** In incubation on {@code day}: admitted by then and not (yet) left. */
	boolean activeOn(LocalDate day) {
		return !this.admittedOn.isAfter(day) && (this.leftOn == null || this.leftOn.isAfter(day));
	}

}
