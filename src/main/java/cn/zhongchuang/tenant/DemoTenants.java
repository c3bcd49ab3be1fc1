package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.reference.CreditCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, the tenants of each demo operator's organisation (after
 * {@code operator.DemoOrganisations}), admitted through the eligibility check, with
 * monthly tax filings: most file and pay every month; in 朝阳 one stopped filing seven
 * months ago (异常名录 after a scan) and one has paid no tax for over two years (清退).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class DemoTenants implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTenants.class);

	private final Accounts accounts;

	private final Operators operators;

	private final Institutions institutions;

	private final Tenants tenants;

	private final TenantRepository repository;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final TenantFigures figures;

	private final boolean demo;

	DemoTenants(Accounts accounts, Operators operators, Institutions institutions, Tenants tenants,
			TenantRepository repository, AuditTrail audit, JdbcClient jdbc, java.time.Clock clock,
			TenantFigures figures, @Value("${zhongchuang.demo-data}") boolean demo) {
		this.figures = figures;
		this.accounts = accounts;
		this.operators = operators;
		this.institutions = institutions;
		this.tenants = tenants;
		this.repository = repository;
		this.audit = audit;
		this.jdbc = jdbc;
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
		created += create("cy_operator", "110105", "MA0", CHAOYANG, 12, 12, 4, true, today);
		created += create("lz_operator", "620102", "MA7", LANZHOU, 10, 8, 0, false, today);
		created += create("ln_operator", "210102", "MA1", LIAONING, 17, 15, 16, false, today);
		if (created > 0) {
			log.info("Admitted {} demo tenants", created);
		}
		int teams = 0;
		teams += teams("cy_operator", "110105", "MA0", CHAOYANG_TEAMS, today);
		teams += teams("lz_operator", "620102", "MA7", LANZHOU_TEAMS, today);
		teams += teams("ln_operator", "210102", "MA1", LIAONING_TEAMS, today);
		if (teams > 0) {
			log.info("Admitted {} demo teams into the nurseries, with the tenants' figures of last year", teams);
		}
	}

	/**
	 * Teams in the operator's 创业苗圃 (the first one, 苗圃 stage), the first of which
	 * registered its company five months ago (毕业团队注册企业, filing since, its figures of that
	 * year declared); and last year's figures of the tenants of both institutions, half
	 * imported from the operator's records, half declared, so that the maker space and
	 * the nursery report different figures. In 朝阳 the bureau marks one tenant 黑马 and one
	 * 重点培育.
	 */
	private int teams(String username, String region, String prefix, String[][] teams, LocalDate today) {
		Accounts.Entry operator = this.accounts.find(username).orElse(null);
		OperatorOrganisation org = (operator != null) ? this.operators.organisationOf(operator).orElse(null) : null;
		if (org == null) {
			return 0;
		}
		InstitutionSummary nursery = this.institutions.ofOperator(org.id())
			.stream()
			.filter((i) -> i.kind() == cn.zhongchuang.institution.InstitutionKind.NURSERY)
			.findFirst()
			.orElse(null);
		if (nursery == null || !this.repository.ofInstitution(nursery.id()).isEmpty()) {
			return 0;
		}
		int year = today.getYear() - 1;
		for (int i = 0; i < teams.length; i++) {
			String[] t = teams[i];
			LocalDate admitted = today.minusMonths(14 - 2 * i).withDayOfMonth(5);
			long id = this.tenants.admitTeamInto(nursery.id(), new TeamForm(t[0], t[1], List.of(t[2].split("、")), null,
					t[3], admitted, admitted, i % 2 == 0, ChainStage.NURSERY), null);
			if (i == 0) {
				LocalDate registered = today.minusMonths(5).withDayOfMonth(12);
				String code = CreditCodes.generate("9", "1", region, prefix + String.format("%05d", 90000 + i));
				this.tenants.registerCompany(id, 0, t[4], code, registered, operator);
				filings(id, registered, today, 0, 0);
				this.figures.record(id, registered.getYear(),
						new TenantFigures.Values(new BigDecimal("36.5"), 1, 1, false, new BigDecimal("50")),
						TenantFigures.Source.DECLARED, null, operator);
			}
		}
		List<Tenant> enterprises = this.repository.ofOperator(org.id())
			.stream()
			.filter((t) -> !t.team() && t.institutionId() != nursery.id()
					&& !t.admittedOn().isAfter(today.minusYears(1)))
			.toList();
		for (int i = 0; i < enterprises.size(); i++) {
			Tenant t = enterprises.get(i);
			this.figures.record(t.id(), year,
					new TenantFigures.Values(new BigDecimal(180 + 45 * i), i % 4, 1 + i % 3, i % 3 == 0,
							(i % 2 == 0) ? new BigDecimal(100 * (i + 1)) : null),
					(i % 2 == 0) ? TenantFigures.Source.IMPORTED : TenantFigures.Source.DECLARED, null, operator);
		}
		Accounts.Entry bureau = "cy_operator".equals(username) ? this.accounts.find("cy_bureau").orElse(null) : null;
		if (bureau != null && enterprises.size() > 3) {
			this.figures.mark(enterprises.get(0).id(), year, TenantFigures.Mark.DARK_HORSE, bureau);
			this.figures.mark(enterprises.get(3).id(), year, TenantFigures.Mark.KEY_CULTIVATION, bureau);
		}
		return teams.length;
	}

	private int create(String username, String region, String prefix, String[] names, int active, int withAgreement,
			int inFocus, boolean exitCases, LocalDate today) {
		OperatorOrganisation org = this.accounts.find(username).flatMap(this.operators::organisationOf).orElse(null);
		if (org == null || !this.repository.ofOperator(org.id()).isEmpty()) {
			return 0;
		}
		List<InstitutionSummary> runs = this.institutions.ofOperator(org.id());
		if (runs.isEmpty()) {
			return 0;
		}
		long first = runs.get(0).id();
		long second = runs.get(Math.min(1, runs.size() - 1)).id();
		for (int i = 0; i < names.length; i++) {
			LocalDate admitted = today.minusMonths(36 - i);
			boolean signed = i < withAgreement || i >= active;
			String code = CreditCodes.generate("9", "1", region, prefix + String.format("%05d", 10000 + i * 37));
			long id = this.tenants.admitInto((i % 5 == 4) ? second : first,
					new AdmissionForm(names[i], code, admitted, signed ? admitted : null, i < inFocus,
							ChainStage.INCUBATOR, true, "SOFTWARE_IT", 12 + i, new BigDecimal(200 + 20 * i),
							new BigDecimal(300 + 10 * i), false, 9 + i, new BigDecimal("40"), new BigDecimal("150"),
							"互联网+"),
					null);
			if (i >= active) {
				Tenant t = this.repository.find(id).orElseThrow();
				Tenant saved = this.repository.update(t.graduate(today.minusMonths(2)));
				this.audit.record(AuditEntry
					.success("TENANT_GRADUATE", "tenant", id, saved.name() + " 毕业（演示数据）", saved.regionCode())
					.by("system", "system"));
			}
			filings(id, admitted, today, (exitCases && i == 1) ? 7 : 0, (exitCases && i == 2) ? 26 : 0);
		}
		return names.length;
	}

	/**
	 * Monthly filings from the month after admission to last month; the last
	 * {@code silentMonths} without a filing, the last {@code untaxedMonths} filed with 0.
	 */
	private void filings(long tenantId, LocalDate admitted, LocalDate today, int silentMonths, int untaxedMonths) {
		LocalDate first = admitted.withDayOfMonth(1).plusMonths(1);
		LocalDate last = today.withDayOfMonth(1).minusMonths(1);
		this.jdbc.sql("""
				INSERT INTO tenant_tax_filing (tenant_id, period, filed, tax_paid_cny)
				SELECT :t, p::date, true,
				       CASE WHEN p > CAST(:last AS date) - make_interval(months => :untaxed) THEN 0
				            ELSE 3000 + (extract(month FROM p) * 517)::int % 9000 END
				FROM generate_series(CAST(:first AS date), CAST(:last AS date) - make_interval(months => :silent),
				                     interval '1 month') AS p
				""")
			.param("t", tenantId)
			.param("first", first)
			.param("last", last)
			.param("silent", silentMonths)
			.param("untaxed", untaxedMonths)
			.update();
	}

	/** name, leader, members, field, the company the first one registered. */
	static final String[][] CHAOYANG_TEAMS = { { "望京云图创业团队", "周航", "林夕、马骁", "数字孪生", "北京云图数智科技有限公司" },
			{ "青禾食品创新团队", "王蕾", "何川", "食品科技", "" }, { "元宇互动设计团队", "孙悦", "冯琪、邓凯、曹宁", "数字创意", "" } };

	static final String[][] LANZHOU_TEAMS = { { "雁滩智农创业团队", "马永福", "李娟、张强", "智慧农业", "兰州雁滩智农科技有限公司" },
			{ "黄河文旅创意团队", "杨帆", "赵琳", "文化旅游", "" }, { "陇原电商青年团队", "郭亮", "韩梅、朱峰", "电子商务", "" } };

	static final String[][] LIAONING_TEAMS = { { "盛京机器人创客团队", "刘铁", "王博、陈曦", "工业机器人", "沈阳盛京机器人科技有限公司" },
			{ "浑河视觉算法团队", "高远", "唐宁", "机器视觉", "" } };

	static final String[] CHAOYANG = { "北京智云数联科技有限公司", "北京青禾生物科技有限公司", "北京星途智能装备有限公司", "北京绿源节能技术有限公司", "北京知行文化传媒有限公司",
			"北京医联健康科技有限公司", "北京云帆软件有限公司", "北京慧眼视觉科技有限公司", "北京聚能新材料有限公司", "北京乐学教育科技有限公司", "北京数字孪生科技有限公司",
			"北京安芯网络安全技术有限公司", "北京小禾农业科技有限公司", "北京趣玩互动娱乐有限公司" };

	static final String[] LANZHOU = { "兰州陇原数据科技有限公司", "兰州金城农业科技有限公司", "兰州丝路文创有限公司", "兰州黄河智能科技有限公司", "兰州西部云计算有限公司",
			"兰州百合生物科技有限公司", "兰州敦煌数字文化有限公司", "兰州新能电力技术有限公司", "兰州牛肉面餐饮管理有限公司", "兰州智慧物流科技有限公司", "兰州青创软件有限公司" };

	static final String[] LIAONING = { "沈阳精工机器人有限公司", "沈阳数控智联科技有限公司", "沈阳工业视觉技术有限公司", "沈阳增材制造科技有限公司", "沈阳智能传感器有限公司",
			"沈阳工业互联网科技有限公司", "沈阳精密减速器有限公司", "沈阳协作机器人有限公司", "沈阳伺服驱动技术有限公司", "沈阳焊接自动化有限公司", "沈阳激光装备有限公司", "沈阳智能仓储有限公司",
			"沈阳机器视觉软件有限公司", "沈阳液压元件有限公司", "沈阳运动控制技术有限公司", "沈阳工业软件有限公司", "沈阳智能检测装备有限公司", "沈阳新材料应用有限公司" };

}
