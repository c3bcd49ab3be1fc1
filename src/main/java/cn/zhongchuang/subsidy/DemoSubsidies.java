package cn.zhongchuang.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
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
 * In demo mode, once, after the demo recognitions: Lanzhou's programme of 2593 万元 with
 * awards to the city's recognized spaces (one disbursed, one due for recovery) and a
 * Chaoyang programme on recognition (the demo data has no published assessment round).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class DemoSubsidies implements ApplicationRunner {

	static final String LANZHOU = "2018年兰州市众创空间财政奖补";

	private static final Logger log = LoggerFactory.getLogger(DemoSubsidies.class);

	private final Subsidies subsidies;

	private final Recognitions recognitions;

	private final JdbcClient jdbc;

	private final boolean demo;

	DemoSubsidies(Subsidies subsidies, Recognitions recognitions, JdbcClient jdbc,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.subsidies = subsidies;
		this.recognitions = recognitions;
		this.jdbc = jdbc;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo || this.jdbc.sql("SELECT count(*) FROM subsidy_programme WHERE name = :n")
			.param("n", LANZHOU)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		CurrentUser lz = new DemoUser("lz_bureau", Role.CITY_BUREAU, "620100");
		Programme p = this.subsidies.create(new Subsidies.ProgrammeForm(LANZHOU, 2018, "620100", "25930000.00",
				Programme.ON_RECOGNITION, null, "lanzhou-2018", Map.of("DEFAULT", "500000.00", "CITY", "800000.00")),
				lz);
		p = this.subsidies.open(p.id(), p.version(), lz);
		List<RecognitionSummary> spaces = this.recognitions.activeWithin("620100", "lanzhou-2018");
		int n = 0;
		for (RecognitionSummary r : spaces.subList(0, Math.min(3, spaces.size()))) {
			Award a = this.subsidies.award(p.id(), r.number(), (n == 2) ? "500000.00" : "800000.00",
					"市级众创空间认定奖补（兰州市扶持众创空间发展实施方案）", lz);
			if (n == 0) {
				this.subsidies.disburse(a.id(), LocalDate.of(2018, 12, 20), "兰财科〔2018〕0123号", a.version(), lz);
			}
			else if (n == 1) {
				this.subsidies.recoveryDue(a.id(), "现场核查发现在孵企业数量与申报不符，奖补资金应予收回", a.version(), lz);
			}
			n++;
		}
		CurrentUser cy = new DemoUser("cy_bureau", Role.CITY_BUREAU, "110105");
		Programme c = this.subsidies.create(new Subsidies.ProgrammeForm("2026年朝阳区众创空间认定奖励", 2026, "110105",
				"3000000.00", Programme.ON_RECOGNITION, null, "beijing-chaoyang-2017", Map.of("DEFAULT", "300000.00")),
				cy);
		c = this.subsidies.open(c.id(), c.version(), cy);
		List<RecognitionSummary> cySpaces = this.recognitions.activeWithin("110105", "beijing-chaoyang-2017");
		if (!cySpaces.isEmpty()) {
			this.subsidies.confirm(c.id(), List.of(cySpaces.get(0).id()), cy);
		}
		log.info("Created demo subsidy programmes (兰州 {} awards, 朝阳 {})", n, Math.min(1, cySpaces.size()));
	}

	private record DemoUser(String username, Role role, String regionCode) implements CurrentUser {

		@Override
		public long id() {
			return 0;
		}

		@Override
		public String displayName() {
			return this.username;
		}

	}

}
