package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.reference.CreditCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, one organisation for each demo operator account, created once (after the
 * accounts, {@code identity.InitialAccounts}), and the realistic records that
 * {@link DemoOperatorRecords} places on its institutions once the institution module's
 * demo data made them. Dates are relative to the day of creation, so that 朝阳's first base
 * meets most automatic criteria of beijing-chaoyang-2017 on that day: 920 ㎡, 12 mentors
 * with counselling records (the tenants they counsel are admitted by the tenant module's
 * demo data), 16 events in the last 12 months of which 6 financing matches, a self-built
 * angel fund.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoOrganisations implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

	private static final String[] SURNAMES = { "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
			"高", "林" };

	private static final String[] GIVEN = { "晓明", "建华", "志强", "雪梅", "海涛", "丽娟", "文博", "思远", "嘉怡", "国庆", "子涵", "宏伟",
			"雅琴", "振宇", "春燕", "立新" };

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Accounts accounts;

	private final Clock clock;

	private final boolean demo;

	DemoOrganisations(Organisations organisations, AuditTrail audit, Accounts accounts, Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.organisations = organisations;
		this.audit = audit;
		this.accounts = accounts;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		LocalDate today = ChinaTime.today(this.clock);
		int created = 0;
		created += create("cy_operator", chaoyang(today), today) ? 1 : 0;
		created += create("lz_operator", lanzhou(today), today) ? 1 : 0;
		created += create("ln_operator", liaoning(today), today) ? 1 : 0;
		// chains: the three Jiangsu operators of the demo chain (records none;
		// chain.internal.DemoChains)
		created += create("js_chain_nursery", jiangsu("南京玄武创业苗圃管理有限公司", "MA1JX0N1", "孙立", "南京市玄武区珠江路88号"), today) ? 1
				: 0;
		created += create("js_chain_incubator", jiangsu("南京玄武科技企业孵化器有限公司", "MA1JX0K2", "钟宁", "南京市玄武区徐庄软件园1号"), today)
				? 1 : 0;
		created += create("js_chain_accelerator", jiangsu("南京玄武企业加速器发展有限公司", "MA1JX0A3", "蒋涛", "南京市玄武区玄武大道699号"), today)
				? 1 : 0;
		created += create("js_operator", jiangsu(today), today) ? 1 : 0;
		if (created > 0) {
			log.info("Created {} demo operator organisations", created);
		}
	}

	/**
	 * Creates the organisation unless the account is missing or already belongs to one;
	 * its records are placed on its institutions later ({@link DemoOperatorRecords}).
	 */
	private boolean create(String username, Demo d, LocalDate today) {
		Optional<Long> userId = this.accounts.idOf(username);
		if (userId.isEmpty() || this.organisations.isMember(userId.get())
				|| this.organisations.idByCreditCode(d.org().creditCode()).isPresent()) {
			return false;
		}
		Instant now = this.clock.instant();
		Organisation org = this.organisations.save(Organisation.register(d.org(), now));
		this.organisations.addMember(userId.get(), org.id(), now);
		this.audit.record(new AuditEntry("OPERATOR_REGISTER", "operator_organisation", String.valueOf(org.id()),
				AuditEntry.Result.SUCCESS, "初始化演示运营机构 " + org.name(), org.regionCode(), "system", "system"));
		return true;
	}

	/** The demo data of a demo operator account, dated relative to {@code today}. */
	static Optional<Demo> demo(String username, LocalDate today) {
		return switch (username) {
			case "cy_operator" -> Optional.of(chaoyang(today));
			case "lz_operator" -> Optional.of(lanzhou(today));
			case "ln_operator" -> Optional.of(liaoning(today));
			case "js_operator" -> Optional.of(jiangsu(today));
			default -> Optional.empty();
		};
	}

	static final List<String> USERNAMES = List.of("cy_operator", "lz_operator", "ln_operator", "js_operator");

	static List<Counselling> counselling(int mentor, List<String> tenants, LocalDate today) {
		String[] topics = { "商业计划书打磨", "股权结构设计", "融资路演辅导", "产品市场验证", "知识产权布局", "团队激励方案" };
		int n = 1 + mentor % 3;
		return java.util.stream.IntStream.range(0, n)
			.mapToObj((k) -> new Counselling(today.minusDays(15 + 37L * k + 9L * mentor),
					tenants.get((mentor + k) % tenants.size()), topics[(mentor + k) % topics.length],
					new BigDecimal("2.0").add(BigDecimal.valueOf(k % 2)),
					"围绕" + topics[(mentor + k) % topics.length] + "进行一对一辅导，形成改进清单并约定下次跟进时间。"))
			.toList();
	}

	private static String person(int i) {
		return SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7 + 3) % GIVEN.length];
	}

	private static String code(String region, String organisation8) {
		return CreditCodes.generate("9", "1", region, organisation8);
	}

	private static List<Event> events(int count, int financing, int professional, LocalDate today, String city) {
		String[][] kinds = { { "ROADSHOW", "项目路演日" }, { "SALON", "创业沙龙" }, { "LECTURE", "创业大讲堂" },
				{ "BOOTCAMP", "创业训练营" }, { "TRAINING", "政策申报培训" } };
		List<Event> events = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			LocalDate day = today.minusDays(10 + 21L * i);
			boolean isFinancing = i % (count / Math.max(financing, 1)) == 0
					&& events.stream().filter((e) -> e.type() == Event.Type.FINANCING_MATCH).count() < financing;
			String[] kind = kinds[i % kinds.length];
			Event.Type type = isFinancing ? Event.Type.FINANCING_MATCH : Event.Type.valueOf(kind[0]);
			String title = city + (isFinancing ? "投融资对接会（第" + (i + 1) + "期）" : kind[1] + "（第" + (i + 1) + "期）");
			events.add(new Event(title, type, day, 30 + (i * 13) % 90, i < professional,
					(i % 3 == 0) ? "https://www.example.cn/news/" + day + "-" + (i + 1) + ".html" : null));
		}
		// One older event, outside the last 12 months.
		events.add(new Event(city + "创业者年会", Event.Type.OTHER, today.minusMonths(14), 200, false, null));
		return events;
	}

	private static List<Mentor> mentors(int count, int industry, int leading, LocalDate today) {
		String[][] employers = { { "红杉资本中国基金", "股权投资" }, { "创新工场", "早期投资" }, { "清华大学经济管理学院", "创业管理" },
				{ "北京大学光华管理学院", "公司金融" }, { "中关村知识产权促进局", "知识产权" }, { "京东科技", "供应链金融" }, { "华为技术有限公司", "通信与硬件" },
				{ "中国科学院计算技术研究所", "人工智能" }, { "普华永道中天会计师事务所", "财税合规" }, { "金杜律师事务所", "公司法务" }, { "美团", "本地生活与运营" },
				{ "北汽集团", "智能网联汽车" } };
		List<Mentor> mentors = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			String[] e = employers[i % employers.length];
			mentors.add(new Mentor(person(i + 3), e[0], e[1], i >= count - industry, i < leading,
					today.minusMonths(26 - i), today.plusMonths(10 + i)));
		}
		return mentors;
	}

	private static List<StaffMember> staff(String[] names, int management, int degree, int professionals,
			LocalDate today) {
		List<StaffMember> staff = new java.util.ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			StaffMember.Role role = (i < management) ? StaffMember.Role.MANAGEMENT : (i < management + professionals)
					? StaffMember.Role.INCUBATION_PROFESSIONAL : StaffMember.Role.OTHER;
			boolean founder = i == 0;
			staff.add(new StaffMember(names[i], role, i < degree || i >= management, founder, founder, founder,
					today.minusMonths(40 - 3L * i), null));
		}
		// Someone who left: kept as a record, not counted.
		staff.add(new StaffMember("郑凯", StaffMember.Role.MANAGEMENT, true, false, false, false, today.minusMonths(36),
				today.minusMonths(4)));
		return staff;
	}

	private static Demo chaoyang(LocalDate today) {
		OrganisationForm org = new OrganisationForm("北京朝阳创客空间科技有限公司", code("110105", "MA01CY58"), "110105", "王立",
				"010-84561234", "北京市朝阳区酒仙桥路10号恒通商务园B座3层", LocalDate.of(2018, 5, 10), true, true, LeadEntity.NONE,
				"北京朝阳科技创新投资有限公司");
		List<Premises> premises = List.of(
				new Premises("北京市朝阳区酒仙桥路10号恒通商务园B座3层", "110105", new BigDecimal("620"), new BigDecimal("540"), 60,
						Premises.Tenure.LEASED, today.minusYears(3).withDayOfMonth(1),
						today.plusYears(2).withDayOfMonth(1), true, false, LocalDate.of(2019, 3, 1)),
				new Premises("北京市朝阳区酒仙桥路10号恒通商务园B座4层", "110105", new BigDecimal("300"), new BigDecimal("260"), 30,
						Premises.Tenure.LEASED, today.minusYears(2).withDayOfMonth(1),
						today.plusYears(3).withDayOfMonth(1), true, false, today.minusYears(2).withDayOfMonth(1)));
		String[] tenants = { "北京智云数联科技有限公司", "北京青禾生物科技有限公司", "北京星途智能装备有限公司", "北京绿源节能技术有限公司", "北京知行文化传媒有限公司",
				"北京医联健康科技有限公司", "北京云帆软件有限公司", "北京慧眼视觉科技有限公司", "北京聚能新材料有限公司", "北京乐学教育科技有限公司", "北京数字孪生科技有限公司",
				"北京安芯网络安全技术有限公司", "北京小禾农业科技有限公司", "北京趣玩互动娱乐有限公司" };
		return new Demo(org, premises,
				staff(new String[] { "王立", "陈静怡", "刘洋", "赵雪", "孙浩然", "周敏", "吴凡", "马丽" }, 5, 4, 2, today),
				List.of(tenants), mentors(12, 3, 4, today), 12, events(16, 6, 4, today, "朝阳"),
				List.of(new Fund("朝阳创客天使投资基金", Fund.Role.SELF_BUILT, Fund.Kind.ANGEL, 10_000_000L,
						LocalDate.of(2020, 9, 1)),
						new Fund("京东方创新创业投资基金", Fund.Role.COOPERATIVE, Fund.Kind.VC, 50_000_000L,
								LocalDate.of(2021, 6, 18))),
				List.of(new Agreement(Agreement.Kind.IP_SERVICE, "北京知桥知识产权代理有限公司", today.minusMonths(20),
						today.plusMonths(16)),
						new Agreement(Agreement.Kind.FINANCING, "北京中泽科技融资服务有限公司", today.minusMonths(18),
								today.plusMonths(18))));
	}

	private static Demo lanzhou(LocalDate today) {
		OrganisationForm org = new OrganisationForm("兰州星火众创科技有限公司", code("620102", "MA72LH06"), "620102", "马强",
				"0931-8812345", "甘肃省兰州市城关区张苏滩808号科技大厦5层", LocalDate.of(2019, 8, 20), true, true, LeadEntity.NONE,
				"兰州高新技术产业开发区管委会");
		List<Premises> premises = List.of(new Premises("甘肃省兰州市城关区张苏滩808号科技大厦5层", "620102", new BigDecimal("580"),
				new BigDecimal("480"), 24, Premises.Tenure.LEASED, today.minusYears(1).withDayOfMonth(1),
				today.plusYears(2).withDayOfMonth(1), true, false, LocalDate.of(2020, 4, 1)));
		String[] tenants = { "兰州陇原数据科技有限公司", "兰州金城农业科技有限公司", "兰州丝路文创有限公司", "兰州黄河智能科技有限公司", "兰州西部云计算有限公司",
				"兰州百合生物科技有限公司", "兰州敦煌数字文化有限公司", "兰州新能电力技术有限公司", "兰州牛肉面餐饮管理有限公司", "兰州智慧物流科技有限公司", "兰州青创软件有限公司" };
		return new Demo(org, premises, staff(new String[] { "马强", "何丽", "杨帆", "朱婷" }, 3, 2, 1, today), List.of(tenants),
				mentors(6, 1, 1, today), 5, events(8, 3, 1, today, "兰州"),
				List.of(new Fund("兰州星火种子基金", Fund.Role.COOPERATIVE, Fund.Kind.SEED, 2_000_000L,
						LocalDate.of(2021, 3, 15))),
				List.of(new Agreement(Agreement.Kind.FINANCING, "甘肃陇原创业投资服务有限公司", today.minusMonths(8), null)));
	}

	/**
	 * chains: a Jiangsu operator of 玄武区 without records (its institution is registered by
	 * DemoChains).
	 */
	private static Demo jiangsu(String name, String organisation8, String person, String address) {
		return new Demo(
				new OrganisationForm(name, code("320102", organisation8), "320102", person, "025-84561234", address,
						LocalDate.of(2016, 4, 1), true, true, LeadEntity.NONE, "南京市玄武区人民政府"),
				List.of(), List.of(), List.of(), List.of(), 0, List.of(), List.of(), List.of());
	}

	private static Demo liaoning(LocalDate today) {
		OrganisationForm org = new OrganisationForm("沈阳智造众创空间管理有限公司", code("210102", "MA0LN0A3"), "210102", "周涛",
				"024-22345678", "辽宁省沈阳市和平区三好街96号智造大厦", LocalDate.of(2017, 11, 8), true, true,
				LeadEntity.LEADING_ENTERPRISE, "沈阳智能装备集团有限公司");
		List<Premises> premises = List.of(new Premises("辽宁省沈阳市和平区三好街96号智造大厦", "210102", new BigDecimal("1350"),
				new BigDecimal("900"), 45, Premises.Tenure.OWNED, null, null, true, true, LocalDate.of(2018, 6, 1)));
		String[] tenants = { "沈阳精工机器人有限公司", "沈阳数控智联科技有限公司", "沈阳工业视觉技术有限公司", "沈阳增材制造科技有限公司", "沈阳智能传感器有限公司",
				"沈阳工业互联网科技有限公司", "沈阳精密减速器有限公司", "沈阳协作机器人有限公司", "沈阳伺服驱动技术有限公司", "沈阳焊接自动化有限公司", "沈阳激光装备有限公司",
				"沈阳智能仓储有限公司", "沈阳机器视觉软件有限公司", "沈阳液压元件有限公司", "沈阳运动控制技术有限公司", "沈阳工业软件有限公司", "沈阳智能检测装备有限公司",
				"沈阳新材料应用有限公司" };
		return new Demo(org, premises, staff(new String[] { "周涛", "韩雪", "郭磊", "唐敏", "冯宇" }, 3, 3, 2, today),
				List.of(tenants), mentors(8, 3, 2, today), 6, events(10, 2, 6, today, "沈阳"),
				List.of(new Fund("沈阳智造产业创投基金", Fund.Role.LED, Fund.Kind.VC, 30_000_000L, LocalDate.of(2019, 12, 1))),
				List.of(new Agreement(Agreement.Kind.IP_SERVICE, "辽宁北方知识产权服务有限公司", today.minusMonths(6),
						today.plusMonths(30))));
	}

	/** 玄武区 maker space filed by the province under jiangsu-2015 (jsfiling). */
	private static Demo jiangsu(LocalDate today) {
		OrganisationForm org = new OrganisationForm("南京玄武创客空间运营管理有限公司", code("320102", "MA1JN0W2"), "320102", "林杰",
				"025-84561234", "江苏省南京市玄武区珠江路88号新世界中心A座6层", LocalDate.of(2018, 4, 16), true, true, LeadEntity.NONE,
				"南京玄武科技创业投资有限公司");
		List<Premises> premises = List.of(new Premises("江苏省南京市玄武区珠江路88号新世界中心A座6层", "320102", new BigDecimal("820"),
				new BigDecimal("650"), 42, Premises.Tenure.LEASED, today.minusYears(2).withDayOfMonth(1),
				today.plusYears(3).withDayOfMonth(1), true, false, LocalDate.of(2019, 9, 1)));
		String[] tenants = { "南京紫金智能科技有限公司", "南京钟山生物医药有限公司", "南京玄武数据服务有限公司", "南京秦淮文创科技有限公司", "南京新街口软件有限公司",
				"南京玄武湖环保科技有限公司", "南京金陵智造有限公司", "南京石城医疗器械有限公司", "南京鼓楼教育科技有限公司", "南京栖霞新材料有限公司", "南京江宁物联网有限公司",
				"南京浦口机器人有限公司", "南京六合农业科技有限公司", "南京溧水新能源有限公司", "南京高淳数字文化有限公司", "南京雨花芯片设计有限公司", "南京建邺金融科技有限公司",
				"南京仙林人工智能有限公司", "南京麒麟信息安全有限公司", "南京燕子矶智能装备有限公司", "南京中山门健康科技有限公司" };
		return new Demo(org, premises, staff(new String[] { "林杰", "许静", "蒋涛", "陆敏", "韦强", "丁宁" }, 3, 3, 3, today),
				List.of(tenants), mentors(5, 1, 1, today), 4, events(12, 3, 2, today, "南京"),
				List.of(new Fund("玄武创客种子基金", Fund.Role.SELF_BUILT, Fund.Kind.SEED, 5_000_000L,
						LocalDate.of(2020, 11, 1))),
				List.of(new Agreement(Agreement.Kind.FINANCING, "江苏紫金科技融资服务有限公司", today.minusMonths(10),
						today.plusMonths(26))));
	}

	record Demo(OrganisationForm org, List<Premises> premises, List<StaffMember> staff, List<String> tenants,
			List<Mentor> mentors, int mentorsWithCounselling, List<Event> events, List<Fund> funds,
			List<Agreement> agreements) {
	}

}
