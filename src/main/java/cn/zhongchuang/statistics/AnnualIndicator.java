package cn.zhongchuang.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The indicators of the 统计年报, in the order of the sheet. Their choice follows the
 * indicators the national survey (火炬统计调查: 科技企业孵化器 / 众创空间统计调查表) publishes in the
 * 中国创业孵化发展报告 and the 火炬统计年鉴 (see docs/ARCHITECTURE.md, statistics); the survey form
 * itself was not found. Each is computed from the records ({@link Origin#RECORDS}),
 * computed when the records hold it and declared otherwise
 * ({@link Origin#RECORDS_OR_DECLARED}), or always declared ({@link Origin#DECLARED}).
 */
enum AnnualIndicator {

	TENANTS("tenants", "在孵企业", "家", true, Origin.RECORDS, "入驻企业记录", Group.TENANTS),
	TEAMS("teams", "在孵创业团队", "个", true, Origin.RECORDS, "入驻企业记录", Group.TENANTS),
	ADMITTED("admitted", "当年新增在孵企业和团队", "家", true, Origin.RECORDS, "入驻企业记录", Group.TENANTS),
	GRADUATED("graduated", "当年毕业企业", "家", true, Origin.RECORDS, "入驻企业记录", Group.TENANTS),
	GRADUATED_TOTAL("graduatedTotal", "累计毕业企业", "家", true, Origin.RECORDS, "入驻企业记录", Group.TENANTS),
	REVENUE("revenueWan", "在孵企业营业收入", "万元", false, Origin.RECORDS, "入驻企业统计指标", Group.TENANTS),
	IP_OWNING("ipOwning", "拥有有效知识产权的企业", "家", true, Origin.RECORDS, "入驻企业统计指标", Group.TENANTS),
	PATENTS("patentApplications", "当年知识产权申请数", "件", true, Origin.RECORDS, "入驻企业统计指标", Group.TENANTS),
	HIGH_TECH("highTech", "高新技术企业", "家", true, Origin.RECORDS, "入驻企业统计指标", Group.TENANTS),
	FINANCING("financingWan", "在孵企业当年获得投融资", "万元", false, Origin.RECORDS, "入驻企业统计指标", Group.TENANTS),
	EMPLOYMENT("employment", "在孵企业和团队吸纳就业", "人", true, Origin.DECLARED, null, Group.TENANTS),
	EVENTS("events", "举办创新创业活动", "场", true, Origin.RECORDS, "活动记录", Group.SERVICES),
	PARTICIPANTS("participants", "活动参与人次", "人次", true, Origin.RECORDS, "活动记录", Group.SERVICES),
	TRAINEES("trainees", "创业教育培训人次", "人次", true, Origin.RECORDS_OR_DECLARED, "培训活动记录", Group.SERVICES),
	MENTORS("mentors", "创业导师", "人", true, Origin.RECORDS, "创业导师记录", Group.SERVICES),
	COUNSELLING("counselling", "导师辅导次数", "次", true, Origin.RECORDS, "辅导档案", Group.SERVICES),
	INVESTMENTS("investments", "当年对在孵企业投资", "笔", true, Origin.RECORDS, "基金投资记录", Group.SERVICES),
	INVESTMENT_AMOUNT("investmentWan", "当年对在孵企业投资金额", "万元", false, Origin.RECORDS, "基金投资记录", Group.SERVICES),
	STAFF("staff", "服务人员", "人", true, Origin.RECORDS_OR_DECLARED, "人员记录", Group.RESOURCES),
	AREA("areaM2", "场地面积", "平方米", false, Origin.RECORDS_OR_DECLARED, "场地记录", Group.RESOURCES),
	FUND("fundWan", "孵化基金总额", "万元", false, Origin.RECORDS_OR_DECLARED, "基金记录", Group.RESOURCES),
	INCOME("incomeWan", "运营机构总收入", "万元", false, Origin.DECLARED, null, Group.RESOURCES);

	/** Where a value may come from. */
	enum Origin {

		RECORDS, RECORDS_OR_DECLARED, DECLARED

	}

	/** The part of the sheet. */
	enum Group {

		TENANTS("在孵企业"), SERVICES("孵化服务"), RESOURCES("运营机构");

		final String label;

		Group(String label) {
			this.label = label;
		}

	}

	static final List<AnnualIndicator> ALL = List.of(values());

	final String code;

	final String label;

	final String unit;

	final boolean whole;

	final Origin origin;

	final String records;

	final Group group;

	AnnualIndicator(String code, String label, String unit, boolean whole, Origin origin, String records, Group group) {
		this.code = code;
		this.label = label;
		this.unit = unit;
		this.whole = whole;
		this.origin = origin;
		this.records = records;
		this.group = group;
	}

	/** The column heading of the sheet: 在孵企业（家）. */
	String heading() {
		return this.label + "（" + this.unit + "）";
	}

	/** Where a computed value comes from, in words: 由入驻企业记录计算. */
	String computedFrom() {
		return "由" + this.records + "计算";
	}

	static Optional<AnnualIndicator> of(String code) {
		return Arrays.stream(values()).filter((i) -> i.code.equals(code)).findFirst();
	}

	// accessors for the templates
	public String getCode() {
		return this.code;
	}

	public String getLabel() {
		return this.label;
	}

	public String getUnit() {
		return this.unit;
	}

	public boolean isWhole() {
		return this.whole;
	}

	public String getGroupLabel() {
		return this.group.label;
	}

}
