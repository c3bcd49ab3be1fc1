package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, for each demo operator three bases recognized in an earlier year (一号, 二号,
 * 三号基地) with last year's annual filing: submitted on time, submitted late, a draft; and
 * last year's assessment round of each demo bureau: Lanzhou (lz_bureau) and Liaoning
 * (ln_province, the recognizing authority of provincial spaces) published with one 不合格,
 * Chaoyang (every two years, so the bases are recognized two years before) left open.
 * Runs after the demo recognitions, through the services, once; each region in its own
 * transaction, one that fails (an older demo database) skipped with a warning.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class DemoAssessments implements ApplicationRunner {

	static final String[] BASES = { "一号基地", "二号基地", "三号基地" };

	private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);

	private final Accounts accounts;

	private final Operators operators;

	private final Recognitions recognitions;

	private final AnnualFilings filings;

	private final Assessments assessments;

	private final Clock clock;

	private final boolean demo;

	private final TransactionTemplate transactions;

	DemoAssessments(Accounts accounts, Operators operators, Recognitions recognitions, AnnualFilings filings,
			Assessments assessments, Clock clock, @Value("${zhongchuang.demo-data}") boolean demo,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.accounts = accounts;
		this.operators = operators;
		this.recognitions = recognitions;
		this.filings = filings;
		this.assessments = assessments;
		this.clock = clock;
		this.demo = demo;
	}

	record Jurisdiction(String operator, String bureau, String policy, String level, String specialization,
			String authority, String prefix, boolean publish, int subject) {
	}

	static List<Jurisdiction> jurisdictions() {
		return List.of(
				new Jurisdiction("cy_operator", "cy_bureau", "beijing-chaoyang-2017", "DISTRICT", null, "北京市朝阳区科学技术委员会",
						"朝阳创客空间", false, 9100),
				new Jurisdiction("lz_operator", "lz_bureau", "lanzhou-2018", "CITY", "COMPREHENSIVE", "兰州市科学技术局",
						"兰州星火众创空间", true, 9110),
				new Jurisdiction("ln_operator", "ln_province", "liaoning-specialized-2019", "PROVINCE", "SPECIALIZED",
						"辽宁省科学技术厅", "沈阳智造专业化众创空间", true, 9120),
				new Jurisdiction("js_operator", "js_province", "jiangsu-2015", "PROVINCE", "COMPREHENSIVE", "江苏省科学技术厅",
						"南京玄武创客空间", true, 9130));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		int n = 0;
		for (Jurisdiction j : jurisdictions()) {
			try {
				n += Boolean.TRUE.equals(this.transactions.execute((status) -> create(j))) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				// an older demo database where a bureau already did this by hand
				log.warn("Demo data for {} not created: {}", j.operator(), ex.toString());
			}
		}
		if (n > 0) {
			log.info("Created demo annual filings and assessment rounds for {} regions", n);
		}
	}

	private boolean create(Jurisdiction j) {
		Optional<CurrentUser> op = user(j.operator());
		Optional<CurrentUser> bureau = user(j.bureau());
		Optional<OperatorOrganisation> org = op.flatMap(this.operators::organisationOf);
		if (bureau.isEmpty() || org.isEmpty()
				|| this.recognitions.ofCreditCode(org.get().creditCode())
					.stream()
					.anyMatch((r) -> r.name().endsWith("（" + BASES[0] + "）"))) {
			return false;
		}
		LocalDate today = ChinaTime.today(this.clock);
		int year = today.getYear() - 1;
		int cycle = this.assessments.definition(j.policy()).assessment().cycleYears();
		LocalDate recognizedOn = LocalDate.of(year - cycle, 5, 20);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < BASES.length; i++) {
			ids.add(this.recognitions
				.recognize(
						new RecognitionRequest("demo", j.subject() + i, j.prefix() + "（" + BASES[i] + "）",
								org.get().name(), org.get().creditCode(), "MAKER_SPACE", j.specialization(), j.level(),
								org.get().regionCode(), j.policy(), j.authority(), recognizedOn.plusDays(7L * i)),
						bureau.get())
				.id());
		}
		// last year's filings: on time, late, a draft
		Filing onTime = this.filings.saveDraft(op.get(), ids.get(0), year, declared(12, 3, 860, 24, 610, 5));
		this.filings.submit(op.get(), onTime.id(), onTime.dueOn().minusDays(18));
		Filing late = this.filings.saveDraft(op.get(), ids.get(1), year, declared(6, 1, 120, 10, 230, 1));
		this.filings.submit(op.get(), late.id());
		this.filings.saveDraft(op.get(), ids.get(2), year, declared(2, 0, 0, 3, 40, 0));
		// last year's assessment round: 优秀, 合格 and 不合格
		AssessmentRound round = this.assessments.open(bureau.get(), j.policy(), year);
		PackDefinition.Assessment a = this.assessments.definition(j.policy()).assessment();
		int[] percents = { 93, 72, 48 };
		for (AssessmentResult r : this.assessments.results(round.id())) {
			int at = ids.indexOf(r.recognitionId());
			if (!j.publish() && at != 0) {
				continue;
			}
			int percent = (at >= 0) ? percents[at] : 85;
			Map<String, String> scores = new LinkedHashMap<>();
			a.indicators()
				.forEach((ind) -> scores.put(ind.code(),
						BigDecimal.valueOf(ind.maxScore() * percent, 2)
							.setScale(1, RoundingMode.HALF_UP)
							.toPlainString()));
			this.assessments.score(bureau.get(), r.id(), scores, r.version());
		}
		if (j.publish()) {
			this.assessments.publish(bureau.get(), round.id(),
					this.assessments.round(round.id(), bureau.get()).version());
		}
		return true;
	}

	private static Map<String, String> declared(int graduates, int companies, int financing, int sessions, int trainees,
			int ip) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("GRADUATES", String.valueOf(graduates));
		m.put("NEW_COMPANIES", String.valueOf(companies));
		m.put("FINANCING", String.valueOf(financing));
		m.put("TRAINING_SESSIONS", String.valueOf(sessions));
		m.put("TRAINEES", String.valueOf(trainees));
		m.put("IP_COUNT", String.valueOf(ip));
		return m;
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
