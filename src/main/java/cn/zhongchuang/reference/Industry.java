package cn.zhongchuang.reference;

/**
 * 《中小企业划型标准规定》（工信部联企业〔2011〕300号）划型所用的 16 个行业。行业范围按《国民经济行业分类》 （GB/T 4754）确定。
 */
public enum Industry {

	/** 农、林、牧、渔业：只看营业收入。 */
	AGRICULTURE("农、林、牧、渔业"),

	/** 工业：采矿业，制造业，电力、热力、燃气及水生产和供应业。 */
	INDUSTRY("工业"),

	/** 建筑业：看营业收入与资产总额。 */
	CONSTRUCTION("建筑业"),

	WHOLESALE("批发业"),

	RETAIL("零售业"),

	/** 交通运输业：不含铁路运输业。 */
	TRANSPORT("交通运输业"),

	WAREHOUSING("仓储业"),

	POSTAL("邮政业"),

	ACCOMMODATION("住宿业"),

	CATERING("餐饮业"),

	/** 信息传输业：电信、广播电视和卫星传输服务，互联网和相关服务。 */
	INFORMATION_TRANSMISSION("信息传输业"),

	SOFTWARE_IT("软件和信息技术服务业"),

	/** 房地产开发经营：看营业收入与资产总额。 */
	REAL_ESTATE_DEVELOPMENT("房地产开发经营"),

	PROPERTY_MANAGEMENT("物业管理"),

	/** 租赁和商务服务业：看从业人员与资产总额。 */
	LEASING_BUSINESS_SERVICES("租赁和商务服务业"),

	/** 其他未列明行业：只看从业人员。 */
	OTHER("其他未列明行业");

	private final String label;

	Industry(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
