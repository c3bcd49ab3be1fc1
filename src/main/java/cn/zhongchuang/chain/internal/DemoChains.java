package cn.zhongchuang.chain.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.institution.InstitutionForm;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.reference.CreditCodes;
import cn.zhongchuang.tenant.AdmissionForm;
import cn.zhongchuang.tenant.ChainStage;
import cn.zhongchuang.tenant.Tenants;
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
 * In demo mode, once: three institutions of three operators in 南京市玄武区 (创业苗圃, 孵化器, 加速器,
 * the demo accounts {@code js_chain_*}), a company that moved along them (苗圃 → 孵化器 → 加速器:
 * two moves) and one that stayed, the chain applied for by the nursery's operator and
 * designated a pilot by 江苏省科学技术厅 ({@code js_province}). The cluster module's demo data
 * builds its 众创集聚区 on these institutions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 46)
class DemoChains implements ApplicationRunner {

	static final String CHAIN = "玄武区“苗圃—孵化器—加速器”科技创业孵化链条";

	private static final Logger log = LoggerFactory.getLogger(DemoChains.class);

	private final ChainService chains;

	private final Institutions institutions;

	private final Tenants tenants;

	private final Accounts accounts;

	private final java.time.Clock clock;

	private final boolean demo;

	DemoChains(ChainService chains, Institutions institutions, Tenants tenants, Accounts accounts,
			java.time.Clock clock, @Value("${zhongchuang.demo-data}") boolean demo) {
		this.chains = chains;
		this.institutions = institutions;
		this.tenants = tenants;
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
		Optional<CurrentUser> nursery = user("js_chain_nursery");
		Optional<CurrentUser> incubator = user("js_chain_incubator");
		Optional<CurrentUser> accelerator = user("js_chain_accelerator");
		Optional<CurrentUser> province = user("js_province");
		if (nursery.isEmpty() || incubator.isEmpty() || accelerator.isEmpty() || province.isEmpty()
				|| !this.institutions.mine(incubator.get()).isEmpty()) {
			return;
		}
		LocalDate today = ChinaTime.today(this.clock);
		InstitutionSummary n = register(nursery.get(), "玄武区大学生创业苗圃", "NURSERY", "南京市玄武区珠江路88号2层", "NURSERY");
		InstitutionSummary i = register(incubator.get(), "徐庄软件园科技企业孵化器", "INCUBATOR", "南京市玄武区徐庄软件园1号", "INCUBATOR");
		InstitutionSummary a = register(accelerator.get(), "玄武大道企业加速器", "ACCELERATOR", "南京市玄武区玄武大道699号", "ACCELERATOR");
		// 南京星链智能科技有限公司: 苗圃 → 孵化器 → 加速器 (two moves)
		String moved = CreditCodes.generate("9", "1", "320102", "MA1JX0M1");
		long t1 = this.tenants.admitInto(n.id(), form("南京星链智能科技有限公司", moved, today.minusDays(700), ChainStage.NURSERY),
				nursery.get());
		this.tenants.graduate(t1, 0, today.minusDays(420), nursery.get());
		long t2 = this.tenants.admitInto(i.id(),
				form("南京星链智能科技有限公司", moved, today.minusDays(410), ChainStage.INCUBATOR), incubator.get());
		this.tenants.graduate(t2, 0, today.minusDays(60), incubator.get());
		this.tenants.admitInto(a.id(), form("南京星链智能科技有限公司", moved, today.minusDays(45), ChainStage.ACCELERATOR),
				accelerator.get());
		// 南京青梧生物科技有限公司: in the incubator only (no move)
		this.tenants.admitInto(i.id(), form("南京青梧生物科技有限公司", CreditCodes.generate("9", "1", "320102", "MA1JX0M2"),
				today.minusDays(300), ChainStage.INCUBATOR), incubator.get());
		Chain chain = this.chains.apply(new ChainService.Application(CHAIN, List.of(n.id(), i.id(), a.id()),
				List.of("NURSERY", "INCUBATOR", "ACCELERATOR")), nursery.get());
		this.chains.designate(chain.id(), chain.version(), "苏科高〔" + today.getYear() + "〕8号", today, true,
				province.get());
		log.info("Created the demo chain pilot in 南京市玄武区 with its three institutions");
	}

	private InstitutionSummary register(CurrentUser user, String name, String kind, String address, String stage) {
		return this.institutions.register(new InstitutionForm(name, kind, null, List.of("TRAINING_COACHING"), null,
				"320102", address, false, null, LocalDate.of(2018, 6, 1), List.of(stage)), user);
	}

	private static AdmissionForm form(String name, String code, LocalDate on, ChainStage stage) {
		return new AdmissionForm(name, code, on, on, true, stage, true, "SOFTWARE_IT", 12, new BigDecimal("300"),
				new BigDecimal("400"), true, 10, new BigDecimal("60"), new BigDecimal("200"), null);
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
