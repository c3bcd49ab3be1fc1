package cn.zhongchuang.operator;

import java.time.LocalDate;

import cn.zhongchuang.region.Regions;

/** 知识产权服务协议 or 投融资服务协议 with a service provider. */
record Agreement(Kind kind, String counterparty, LocalDate signedOn, LocalDate validUntil) implements RecordData {

	enum Kind {

		IP_SERVICE, FINANCING

	}

	@Override
	public void validate(Validation v, Regions regions) {
		v.choice("kind", this.kind, "协议类型");
		v.text("counterparty", this.counterparty, "合作方", 100);
		v.required("signedOn", this.signedOn, "签订日期");
		v.notBefore("validUntil", this.signedOn, this.validUntil, "有效期至不能早于签订日期");
	}

	@Override
	public String title() {
		return this.counterparty;
	}

	/**
	 * In force on {@code day}: signed by then and not expired (no end date: open-ended).
	 */
	boolean inForceOn(LocalDate day) {
		return !this.signedOn.isAfter(day) && (this.validUntil == null || !this.validUntil.isBefore(day));
	}

}
