package cn.zhongchuang.subsidy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.assessment.AssessmentRound;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
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
 * In demo mode, the Jiangsu province's 后补助 (seed 002 四(一), 分阶段): the filing-year
 * programme paying the spaces the province filed this year through the system, and the
 * programme on last year's published evaluation paying by grade (A/B/C; D nothing), one
 * award disbursed. Runs after the demo applications and assessments, once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 45)
class DemoJiangsuSubsidies implements ApplicationRunner {

	static final String POLICY = "jiangsu-2015";

	private static final Logger log = LoggerFactory.getLogger(DemoJiangsuSubsidies.class);

	private final Subsidies subsidies;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final boolean demo;

	DemoJiangsuSubsidies(Subsidies subsidies, JdbcClient jdbc, java.time.Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.subsidies = subsidies;
		this.jdbc = jdbc;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo || this.jdbc.sql("SELECT count(*) FROM subsidy_programme WHERE policy_id = :p")
			.param("p", POLICY)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		CurrentUser province = new DemoUser("js_province", Role.PROVINCE, "320000");
		int year = ChinaTime.today(this.clock).getYear();
		Programme first = this.subsidies.create(
				new Subsidies.ProgrammeForm(year + "年江苏省省级备案众创空间后补助（备案当年）", year, "320000", "2000000.00",
						Programme.ON_RECOGNITION, null, POLICY, Map.of("PROVINCE", "200000.00"), Programme.FILING_YEAR),
				province);
		first = this.subsidies.open(first.id(), first.version(), province);
		int filed = 0;
		if (!this.subsidies.propose(first.id(), province).isEmpty()) {
			filed = this.subsidies.confirm(first.id(), List.of(), province).size();
		}
		Optional<AssessmentRound> round = this.subsidies.publishedRounds(province)
			.stream()
			.filter((r) -> POLICY.equals(r.policyId()) && r.year() == year - 1)
			.findFirst();
		int graded = 0;
		if (round.isPresent()) {
			Programme p = this.subsidies.create(new Subsidies.ProgrammeForm((year - 1) + "年度江苏省众创空间绩效评价后补助", year,
					"320000", "3000000.00", Programme.ON_ASSESSMENT, round.get().id(), null,
					Map.of("优秀", "300000.00", "良好", "150000.00", "合格", "50000.00")), province);
			p = this.subsidies.open(p.id(), p.version(), province);
			if (!this.subsidies.propose(p.id(), province).isEmpty()) {
				List<Award> awards = this.subsidies.confirm(p.id(), List.of(), province);
				graded = awards.size();
				Award a = awards.get(0);
				this.subsidies.disburse(a.id(), ChinaTime.today(this.clock), "苏财教〔" + year + "〕0018号", a.version(),
						province);
			}
		}
		log.info("Created the Jiangsu post-subsidy programmes ({} filed this year, {} by grade)", filed, graded);
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
