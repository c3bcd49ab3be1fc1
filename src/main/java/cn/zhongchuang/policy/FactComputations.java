package cn.zhongchuang.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.policy.PackDefinition.FactType;

/**
 * 按载体自己的记录计算事实的具名计算（facts-format.md 的 {@code source: computed:<name>}）。
 * <p>
 * 政策引擎只声明有哪些名称、各自给出什么类型的值（{@link #ALL}），政策包加载时据此拒绝未知的名称；
 * 计算本身由记录所在的模块实现（申报模块按运营机构与载体的记录、在孵企业模块按名册与统计指标实现本接口）， 政策引擎不依赖那些模块：{@link ComputedFacts}
 * 收集全部实现，每个名称恰好由一个实现给出， 再按政策包的事实清单把名称换成事实路径。
 */
public interface FactComputations {

	/** {@code source} 中计算名称的前缀。 */
	String PREFIX = "computed:";

	/**
	 * 一项具名计算。
	 *
	 * @param name 名称
	 * @param type 计算结果的类型：声明它的事实须是这个类型
	 * @param description 中文说明：按什么记录、怎样计算
	 */
	record Computation(String name, FactType type, String description) {
	}

	/** 全部具名计算。 */
	List<Computation> ALL = List.of(new Computation("operatorCreditCode", FactType.STRING, "运营机构登记的统一社会信用代码"),
			new Computation("operatorRegion", FactType.REGION, "运营机构登记的注册地"),
			new Computation("operatorEstablishedOn", FactType.DATE, "运营机构登记的成立日期"),
			new Computation("operatorLegalEntity", FactType.BOOL, "运营机构是否独立法人"),
			new Computation("operatorRules", FactType.BOOL, "运营机构是否建立管理与财务制度"),
			new Computation("operatorLeadEntity", FactType.ENUM, "运营机构登记的牵头或依托主体类型"),
			new Computation("operatorBannedUntil", FactType.DATE, "处理决定禁止申报的截止日期"),
			new Computation("tenantCount", FactType.INT, "在孵企业名册中判断日在孵的企业和团队数"),
			new Computation("tenantsWithAgreement", FactType.INT, "其中签订入孵协议的数量"),
			new Computation("tenantsInFocusSegment", FactType.INT, "其中属于聚焦细分领域的数量"),
			new Computation("managementStaff", FactType.INT, "判断日在职的管理服务人员数"),
			new Computation("managementStaffWithDegree", FactType.INT, "其中具有大专以上学历的人数"),
			new Computation("incubationProfessionals", FactType.INT, "其中的专业孵化服务人员数"),
			new Computation("founderInvestmentExperience", FactType.BOOL, "创始人或负责人有投资经历或硕士以上学历"),
			new Computation("mentorCount", FactType.INT, "判断日聘期内的创业导师数"),
			new Computation("industryMentorCount", FactType.INT, "其中的产业导师数"),
			new Computation("mentorsFromLeadingInvestors", FactType.BOOL, "有来自知名投资机构或企业的导师"),
			new Computation("counselingArchive", FactType.BOOL, "有辅导记录（辅导档案）"),
			new Computation("eventsLast12Months", FactType.INT, "判断日前 12 个月内举办的活动数"),
			new Computation("financingMatchEvents", FactType.INT, "其中的投融资对接活动数"),
			new Computation("professionalEventsLast12Months", FactType.INT, "其中的专业活动数"),
			new Computation("premisesArea", FactType.DECIMAL, "判断日在用场地的总面积（㎡）"),
			new Computation("premisesOfficeArea", FactType.DECIMAL, "其中办公与公共服务面积（㎡）"),
			new Computation("workstations", FactType.INT, "在用场地的独立工位数"),
			new Computation("premisesTenure", FactType.ENUM, "主场地的性质（自有或租赁）"),
			new Computation("leaseStart", FactType.DATE, "主场地租期的开始日"),
			new Computation("leaseEnd", FactType.DATE, "主场地租期的到期日"),
			new Computation("operatingSince", FactType.DATE, "最早投入运营的日期（场地或载体登记）"),
			new Computation("infrastructureReady", FactType.BOOL, "在用场地配套设施均已具备"),
			new Computation("rdAndProductionFacilities", FactType.BOOL, "有场地具备研发与产业化条件"),
			new Computation("funds", FactType.LIST, "判断日已设立的基金（类型、角色、金额）"),
			new Computation("seedFundOrFinancingService", FactType.BOOL, "有种子基金或有效的融资服务协议"),
			new Computation("ipServicePlatform", FactType.BOOL, "有有效的知识产权服务协议"),
			new Computation("investmentCount", FactType.INT, "判断日之前的投资笔数"),
			new Computation("investmentAmount", FactType.DECIMAL, "判断日之前的投资金额合计（元）"),
			new Computation("specialization", FactType.ENUM, "载体登记（或申请）的类型：综合性或专业化"),
			new Computation("virtual", FactType.BOOL, "载体登记为虚拟众创空间"),
			new Computation("focusSegment", FactType.STRING, "载体登记的聚焦细分领域"),
			// 科技企业孵化机构（beijing-chaoyang-incubator-2014）
			new Computation("institutionKind", FactType.ENUM, "载体登记的类型：孵化器、加速器、大学科技园等"),
			new Computation("graduatesTotal", FactType.INT, "在孵企业名册中累计毕业的企业数"),
			new Computation("tenantsFinanced", FactType.INT, "判断日在孵企业中获得投融资的企业数"),
			new Computation("tenantsWithPatentApplications", FactType.INT, "判断日在孵企业中有专利申请的企业数"),
			new Computation("tenantsWithValidIp", FactType.INT, "判断日在孵企业中拥有有效知识产权的企业数"));

	/** 按名称查找。 */
	static Optional<Computation> named(String name) {
		return ALL.stream().filter((computation) -> computation.name().equals(name)).findFirst();
	}

	/**
	 * 本实现给出的名称（{@link #ALL} 中的）。
	 * @return 名称
	 */
	java.util.Set<String> names();

	/**
	 * 一个载体在某日的计算结果。
	 * @param institutionId 载体
	 * @param asOf 判断日
	 * @return 按计算名称的值与来源；记录不足以得出的名称不在其中
	 */
	Values compute(long institutionId, LocalDate asOf);

	/**
	 * 计算结果。
	 *
	 * @param byName 按名称的值：{@code Integer}/{@code Long} 计数、{@code BigDecimal}
	 * 面积与金额、{@code LocalDate} 日期、{@code Boolean}、{@code String}，{@code funds} 为
	 * role、kind、amountCny 的列表
	 * @param sources 每个名称的来源记录（中文，如"「兰州创业谷」在孵企业名册 12 家"）
	 */
	record Values(Map<String, Object> byName, Map<String, String> sources) {

		public Optional<Object> get(String name) {
			return Optional.ofNullable(this.byName.get(name));
		}

	}

}
