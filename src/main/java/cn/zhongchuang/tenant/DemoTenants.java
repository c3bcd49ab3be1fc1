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

	private final boolean demo;

	DemoTenants(Accounts accounts, Operators operators, Institutions institutions, Tenants tenants,
			TenantRepository repository, AuditTrail audit, JdbcClient jdbc, java.time.Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
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

	static final String[] CHAOYANG = { "北京智云数联科技有限公司", "北京青禾生物科技有限公司", "北京星途智能装备有限公司", "北京绿源节能技术有限公司", "北京知行文化传媒有限公司",
			"北京医联健康科技有限公司", "北京云帆软件有限公司", "北京慧眼视觉科技有限公司", "北京聚能新材料有限公司", "北京乐学教育科技有限公司", "北京数字孪生科技有限公司",
			"北京安芯网络安全技术有限公司", "北京小禾农业科技有限公司", "北京趣玩互动娱乐有限公司" };

	static final String[] LANZHOU = { "兰州陇原数据科技有限公司", "兰州金城农业科技有限公司", "兰州丝路文创有限公司", "兰州黄河智能科技有限公司", "兰州西部云计算有限公司",
			"兰州百合生物科技有限公司", "兰州敦煌数字文化有限公司", "兰州新能电力技术有限公司", "兰州牛肉面餐饮管理有限公司", "兰州智慧物流科技有限公司", "兰州青创软件有限公司" };

	static final String[] LIAONING = { "沈阳精工机器人有限公司", "沈阳数控智联科技有限公司", "沈阳工业视觉技术有限公司", "沈阳增材制造科技有限公司", "沈阳智能传感器有限公司",
			"沈阳工业互联网科技有限公司", "沈阳精密减速器有限公司", "沈阳协作机器人有限公司", "沈阳伺服驱动技术有限公司", "沈阳焊接自动化有限公司", "沈阳激光装备有限公司", "沈阳智能仓储有限公司",
			"沈阳机器视觉软件有限公司", "沈阳液压元件有限公司", "沈阳运动控制技术有限公司", "沈阳工业软件有限公司", "沈阳智能检测装备有限公司", "沈阳新材料应用有限公司" };

}
