package cn.zhongchuang.cluster.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.institution.InstitutionForm;
import cn.zhongchuang.institution.InstitutionKind;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
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
 * In demo mode, once (after the chain module's demo data): 玄武区众创集聚区, an institution of
 * kind 众创集聚区 run by the nursery's operator ({@code js_chain_nursery}), with the three
 * institutions of the demo chain as members and two service providers, recognized by
 * 江苏省科学技术厅 ({@code js_province}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 47)
class DemoClusters implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoClusters.class);

	private final ClusterService clusters;

	private final Institutions institutions;

	private final Accounts accounts;

	private final java.time.Clock clock;

	private final boolean demo;

	DemoClusters(ClusterService clusters, Institutions institutions, Accounts accounts, java.time.Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.clusters = clusters;
		this.institutions = institutions;
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
		Optional<CurrentUser> operator = user("js_chain_nursery");
		Optional<CurrentUser> province = user("js_province");
		if (operator.isEmpty() || province.isEmpty()) {
			return;
		}
		List<InstitutionSummary> own = this.institutions.mine(operator.get());
		if (own.isEmpty() || own.stream().anyMatch((i) -> i.kind() == InstitutionKind.MAKER_SPACE_CLUSTER)) {
			return;
		}
		List<Long> members = new java.util.ArrayList<>();
		for (String username : List.of("js_chain_nursery", "js_chain_incubator", "js_chain_accelerator")) {
			user(username).ifPresent((u) -> this.institutions.mine(u).forEach((i) -> members.add(i.id())));
		}
		InstitutionSummary cluster = this.institutions
			.register(
					new InstitutionForm("玄武区众创集聚区", "MAKER_SPACE_CLUSTER", null, List.of("PROFESSIONAL_SERVICE"), null,
							"320102", "南京市玄武区珠江路88号", false, null, LocalDate.of(2019, 1, 1), List.of()),
					operator.get());
		Cluster c = this.clusters.register(cluster.id(), members,
				List.of(new ClusterService.ProviderForm("南京紫金知识产权代理有限公司",
						CreditCodes.generate("9", "1", "320102", "MA1JX0P1"), "INTELLECTUAL_PROPERTY"),
						new ClusterService.ProviderForm("南京玄武天使投资管理有限公司",
								CreditCodes.generate("9", "1", "320102", "MA1JX0P2"), "ANGEL_INVESTMENT")),
				operator.get());
		LocalDate today = ChinaTime.today(this.clock);
		this.clusters.recognize(c.id(), c.version(), "苏科高〔" + today.getYear() + "〕9号", today, true, province.get());
		log.info("Created the demo 众创集聚区 in 南京市玄武区 with {} members", members.size());
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
