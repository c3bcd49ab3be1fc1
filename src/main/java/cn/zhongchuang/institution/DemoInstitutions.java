package cn.zhongchuang.institution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.platform.CurrentUser;
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
 * In demo mode, the institutions each demo operator runs, created once after its
 * organisation (operator.DemoOrganisations) and before its records and tenants are placed
 * on them: three maker-space bases (一号, 二号, 三号基地: the names the demo recognitions and
 * filings use) and a nursery (创业苗圃) of another kind, whose figures differ because their
 * records differ.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class DemoInstitutions implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoInstitutions.class);

	private final Institutions institutions;

	private final Accounts accounts;

	private final boolean demo;

	DemoInstitutions(Institutions institutions, Accounts accounts, @Value("${zhongchuang.demo-data}") boolean demo) {
		this.institutions = institutions;
		this.accounts = accounts;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		int n = 0;
		n += create("cy_operator", "朝阳创客空间", "110105", null, "朝阳望京创业苗圃", "北京市朝阳区望京街9号望京SOHO塔1-12层");
		n += create("lz_operator", "兰州星火众创空间", "620102", "COMPREHENSIVE", "兰州星火创业苗圃", "甘肃省兰州市城关区雁滩路3456号");
		n += create("ln_operator", "沈阳智造专业化众创空间", "210102", "SPECIALIZED", "沈阳智造创业苗圃", "辽宁省沈阳市和平区南京南街1号");
		n += create("js_operator", "南京玄武创客空间", "320102", null, "玄武创业苗圃", "江苏省南京市玄武区珠江路88号新世界中心A座5层");
		if (n > 0) {
			log.info("Created {} demo institutions", n);
		}
	}

	private int create(String username, String prefix, String region, String specialization, String nursery,
			String nurseryAddress) {
		Optional<CurrentUser> user = this.accounts.find(username).map(CurrentUser.class::cast);
		if (user.isEmpty() || !this.institutions.mine(user.get()).isEmpty()) {
			return 0;
		}
		String spec = (specialization != null) ? specialization : "COMPREHENSIVE";
		List<String> bases = List.of("一号基地", "二号基地", "三号基地");
		List<List<String>> models = List.of(List.of("INVESTMENT_PROMOTION", "TRAINING_COACHING"),
				List.of("PROFESSIONAL_SERVICE"), List.of("MAKER_INCUBATION", "MEDIA_EXTENSION"));
		String sector = region.startsWith("62") ? "TECH_STARTUP" : null;
		for (int i = 0; i < bases.size(); i++) {
			this.institutions.register(
					new InstitutionForm(prefix + "（" + bases.get(i) + "）", "MAKER_SPACE", spec, models.get(i),
							(i == 1 && sector != null) ? "E_COMMERCE" : sector, region, null, false,
							"SPECIALIZED".equals(spec) ? "工业互联网与智能装备" : null, LocalDate.of(2019 + i, 3, 1), List.of()),
					user.get());
		}
		this.institutions.register(new InstitutionForm(nursery, "NURSERY", null, List.of("TRAINING_COACHING"),
				(sector != null) ? "INTERNET_PLUS" : null, region, nurseryAddress, false, null,
				LocalDate.of(2022, 9, 1), List.of("NURSERY")), user.get());
		return bases.size() + 1;
	}

}
