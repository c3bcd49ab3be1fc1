package cn.zhongchuang.identity;

import java.time.Clock;
import java.util.List;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator, and in demo mode one account per role in the demo regions. In
 * production the administrator's password must come from configuration and must not be a
 * default: start-up refuses otherwise, before any request is served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAccounts implements ApplicationRunner {

	static final String DEMO_PASSWORD = "Demo@2026";

	private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

	/**
	 * username, name, role, region, organization: one per role of domain.md in 朝阳、兰州、辽宁,
	 * the Beijing municipal level above 朝阳 and the national level.
	 */
	static final List<DemoAccount> DEMO = List.of(
			new DemoAccount("auditor", "审计员 孙敏", Role.AUDITOR, Region.NATION, "安全审计"),
			new DemoAccount("secadmin", "安全管理员 韩冰", Role.SECURITY_ADMIN, Region.NATION, "安全管理"),
			new DemoAccount("cy_operator", "王立（朝阳创客空间运营方）", Role.OPERATOR, "110105", "北京朝阳创客空间科技有限公司"),
			new DemoAccount("cy_bureau", "朝阳区科委 李静", Role.CITY_BUREAU, "110105", "北京市朝阳区科学技术委员会"),
			new DemoAccount("cy_expert", "专家 张伟", Role.EXPERT, "110105", "清华大学"),
			new DemoAccount("bj_city", "北京市科委 刘畅", Role.CITY_BUREAU, "110000", "北京市科学技术委员会"),
			new DemoAccount("lz_operator", "马强（兰州星火众创空间运营方）", Role.OPERATOR, "620102", "兰州星火众创科技有限公司"),
			new DemoAccount("lz_county", "城关区科技局 赵琳", Role.COUNTY_REVIEWER, "620102", "兰州市城关区科学技术局"),
			new DemoAccount("lz_bureau", "兰州市科技局 陈刚", Role.CITY_BUREAU, "620100", "兰州市科学技术局"),
			new DemoAccount("lz_expert", "专家 刘洋", Role.EXPERT, "620100", "兰州大学"),
			new DemoAccount("ln_operator", "周涛（沈阳智造众创空间运营方）", Role.OPERATOR, "210102", "沈阳智造众创空间管理有限公司"),
			new DemoAccount("ln_city", "沈阳市科技局 吴霞", Role.CITY_BUREAU, "210100", "沈阳市科学技术局"),
			new DemoAccount("ln_province", "辽宁省科技厅 郑斌", Role.PROVINCE, "210000", "辽宁省科学技术厅"),
			new DemoAccount("ln_expert", "专家 何敏", Role.EXPERT, "210000", "东北大学"),
			// jiangsu-2015 省级备案 (jsfiling): 玄武区 operator, 南京市 and the province
			new DemoAccount("js_operator", "林杰（南京玄武创客空间运营方）", Role.OPERATOR, "320102", "南京玄武创客空间运营管理有限公司"),
			new DemoAccount("js_city", "南京市科技局 沈悦", Role.CITY_BUREAU, "320100", "南京市科学技术局"),
			// js_province also designates the 孵化链条试点 and 众创集聚区 (chain, cluster demos)
			new DemoAccount("js_province", "江苏省科技厅 顾明", Role.PROVINCE, "320000", "江苏省科学技术厅"),
			new DemoAccount("js_expert", "专家 钱进", Role.EXPERT, "320000", "南京大学"),
			// chains: 孵化链条试点 and 众创集聚区 in Jiangsu (chain.internal.DemoChains)
			new DemoAccount("js_chain_nursery", "孙立（玄武创业苗圃运营方）", Role.OPERATOR, "320102", "南京玄武创业苗圃管理有限公司"),
			new DemoAccount("js_chain_incubator", "钟宁（玄武科技孵化器运营方）", Role.OPERATOR, "320102", "南京玄武科技企业孵化器有限公司"),
			new DemoAccount("js_chain_accelerator", "蒋涛（玄武加速器运营方）", Role.OPERATOR, "320102", "南京玄武企业加速器发展有限公司"),
			new DemoAccount("national", "科技部火炬中心 周宁", Role.NATIONAL, Region.NATION, "科学技术部火炬高技术产业开发中心"));

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final boolean demo;

	private volatile int createdThisStart;

	private final String adminUsername;

	private final String adminPassword;

	private final Environment environment;

	private final String securityAdminUsername;

	private final String securityAdminPassword;

	InitialAccounts(UserAccounts accounts, PasswordEncoder encoder, AuditTrail audit, Clock clock,
			Environment environment, @Value("${zhongchuang.demo-data}") boolean demo,
			@Value("${zhongchuang.admin.username}") String adminUsername,
			@Value("${zhongchuang.admin.initial-password:}") String adminPassword,
			@Value("${zhongchuang.security-admin.username:secadmin}") String securityAdminUsername,
			@Value("${zhongchuang.security-admin.initial-password:}") String securityAdminPassword) {
		if (!demo) {
			requireProductionPassword(adminPassword, adminUsername);
		}
		if (securityAdminPassword != null && !securityAdminPassword.isBlank()) {
			requireProductionPassword(securityAdminPassword, securityAdminUsername);
		}
		this.securityAdminUsername = securityAdminUsername;
		this.securityAdminPassword = (securityAdminPassword == null || securityAdminPassword.isBlank()) ? null
				: securityAdminPassword;
		this.accounts = accounts;
		this.environment = environment;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
		this.demo = demo;
		this.adminUsername = adminUsername;
		this.adminPassword = (adminPassword == null || adminPassword.isBlank()) ? DEMO_PASSWORD : adminPassword;
	}

	static void requireProductionPassword(String password, String username) {
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("Refusing to start: no administrator password configured. "
					+ "Set ZHONGCHUANG_ADMIN_INITIAL_PASSWORD (zhongchuang.admin.initial-password).");
		}
		if (PasswordPolicy.violation(password, username).isPresent()) {
			throw new IllegalStateException("Refusing to start: the configured administrator password is a default "
					+ "or too weak (" + PasswordPolicy.violation(password, username).get() + ").");
		}
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.countByRole(Role.ADMIN) == 0 && !this.accounts.existsByUsername(this.adminUsername)) {
			create(new DemoAccount(this.adminUsername, "系统管理员", Role.ADMIN, Region.NATION, null), this.adminPassword);
		}
		// 三员分立: the administrator cannot create the security administrator, so the first
		// one
		// comes from configuration (ZHONGCHUANG_SECURITY_ADMIN_INITIAL_PASSWORD)
		if (this.securityAdminPassword != null && this.accounts.countByRole(Role.SECURITY_ADMIN) == 0
				&& !this.accounts.existsByUsername(this.securityAdminUsername)) {
			create(new DemoAccount(this.securityAdminUsername, "安全管理员", Role.SECURITY_ADMIN, Region.NATION, null),
					this.securityAdminPassword);
		}
		if (this.demo) {
			int created = 0;
			for (DemoAccount account : DEMO) {
				if (!this.accounts.existsByUsername(account.username())) {
					create(account, DEMO_PASSWORD);
					created++;
				}
			}
			this.createdThisStart = created;
		}
	}

	/**
	 * The demo hint, once the application is ready: after every runner, so after the demo
	 * data, and with the port the server really listens on.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void demoBanner() {
		if (this.demo) {
			int created = this.createdThisStart;
			log.info("""

					============================================================
					 众创 Zhongchuang demo: open http://localhost:{}
					 Sign in as admin, secadmin, auditor, cy_operator, cy_bureau, cy_expert,
					 bj_city, lz_operator, lz_county, lz_bureau, lz_expert,
					 ln_operator, ln_city, ln_province, ln_expert,
					 js_operator, js_city, js_province, js_expert or national;
					 password: {}
					 ({} demo accounts created this start)
					============================================================""", port(), DEMO_PASSWORD, created);
		}
	}

	/** The port the server listens on (known once it has started), for the hint above. */
	private String port() {
		return this.environment.getProperty("local.server.port", this.environment.getProperty("server.port", "8080"));
	}

	private void create(DemoAccount a, String password) {
		UserAccount saved = this.accounts
			.save(UserAccount.create(a.username(), a.displayName(), this.encoder.encode(password), a.role(), a.region(),
					a.organization(), null, false, this.clock.instant()));
		this.audit.record(new AuditEntry("USER_CREATE", "user", String.valueOf(saved.id()), AuditEntry.Result.SUCCESS,
				"初始化账户 " + a.username(), a.region(), "system", "system"));
	}

	record DemoAccount(String username, String displayName, Role role, String region, String organization) {
	}

}
