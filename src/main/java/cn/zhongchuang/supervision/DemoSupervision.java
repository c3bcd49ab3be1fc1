package cn.zhongchuang.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.assessment.AssessmentRound;
import cn.zhongchuang.assessment.Assessments;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
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
 * In demo mode, for each demo operator: an open rectification order (the base that failed
 * last year's assessment; in Lanzhou, whose pack rectifies a failing grade by itself, the
 * system's order of the published round) and an answered one awaiting the bureau; in
 * Chaoyang, where rectification not met ends a recognition, a further base whose answer
 * the bureau rejected, so that the registry shows it LAPSED with its announcement; in
 * Liaoning a change of premises reported later than the month the pack allows. Runs after
 * the demo filings and assessments, through the services, once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 41)
class DemoSupervision implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

	private final Accounts accounts;

	private final Supervision supervision;

	private final Recognitions recognitions;

	private final Assessments assessments;

	private final Clock clock;

	private final boolean demo;

	private final TransactionTemplate transactions;

	DemoSupervision(Accounts accounts, Supervision supervision, Recognitions recognitions, Assessments assessments,
			Clock clock, @Value("${zhongchuang.demo-data}") boolean demo,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.accounts = accounts;
		this.supervision = supervision;
		this.recognitions = recognitions;
		this.assessments = assessments;
		this.clock = clock;
		this.demo = demo;
	}

	private record Jurisdiction(String operator, String bureau, boolean lapse, boolean lateChange) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		int n = 0;
		for (Jurisdiction j : List.of(new Jurisdiction("cy_operator", "cy_bureau", true, false),
				new Jurisdiction("lz_operator", "lz_bureau", false, false),
				new Jurisdiction("ln_operator", "ln_province", false, true))) {
			try {
				n += Boolean.TRUE.equals(this.transactions.execute((status) -> create(j))) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				// an older demo database where a bureau already did this by hand
				log.warn("Demo data for {} not created: {}", j.operator(), ex.toString());
			}
		}
		if (n > 0) {
			log.info("Created demo rectification orders and change reports for {} regions", n);
		}
	}

	private boolean create(Jurisdiction j) {
		Optional<CurrentUser> op = user(j.operator());
		Optional<CurrentUser> bureau = user(j.bureau());
		if (op.isEmpty() || bureau.isEmpty()) {
			return false;
		}
		Optional<OperatorOrganisation> org = this.supervision.organisationOf(op.get());
		if (org.isEmpty() || this.supervision.orders(op.get(), null, null, null, 1, 100)
			.items()
			.stream()
			.anyMatch((o) -> !o.isFromAssessment())) {
			return false;
		}
		List<RecognitionSummary> bases = this.supervision.myRecognitions(op.get())
			.stream()
			.filter((r) -> r.name().endsWith("基地）"))
			.sorted(java.util.Comparator.comparing(RecognitionSummary::name))
			.toList();
		if (bases.size() < 3) {
			return false;
		}
		LocalDate today = ChinaTime.today(this.clock);
		int year = today.getYear() - 1;
		LocalDate deadline = today.plusDays(30);
		// open: the base graded 不合格 (三号基地)
		// where the pack rectifies a failing grade by itself (Lanzhou) and the demo round
		// is
		// published, the order is the system's (as the publication's listener opens it;
		// the
		// same call here makes it there before the demo goes on, never twice)
		RecognitionSummary failing = bases.stream().filter((r) -> r.name().contains("三号")).findFirst().orElseThrow();
		Optional<AssessmentRound> failedIn = this.assessments.rounds(bureau.get())
			.stream()
			.filter((r) -> r.published() && r.year() == year && r.policyId().equals(failing.policyId()))
			.filter((r) -> this.assessments.results(r.id())
				.stream()
				.anyMatch((x) -> x.recognitionId() == failing.id() && x.failing()))
			.findFirst();
		PackDefinition.Dynamic dynamic = this.supervision.dynamicOf(failing.policyId());
		if (failedIn.isPresent() && dynamic != null && dynamic.rectifyOnFailing()) {
			this.supervision.openOnAssessment(failedIn.get().id(), year, failing.id(), false);
		}
		else {
			this.supervision.issue(failing.id(), year + " 年度考核不合格，年度备案未按期报送：请补齐在孵企业服务记录和活动台账", deadline, bureau.get());
		}
		// answered, awaiting the bureau (二号基地)
		RecognitionSummary late = bases.stream().filter((r) -> r.name().contains("二号")).findFirst().orElseThrow();
		RectificationOrder answered = this.supervision.issue(late.id(), year + " 年度备案逾期报送：请说明原因并完善备案制度", deadline,
				bureau.get());
		this.supervision.answer(answered.id, answered.version, "已指定专人负责年度备案，建立月度台账；逾期原因为财务人员变动，已整改完毕。", op.get());
		if (j.lapse()) {
			RecognitionSummary first = bases.get(0);
			long id = this.recognitions
				.recognize(new RecognitionRequest("demo", 9130, "朝阳创客空间（四号基地）", org.get().name(),
						org.get().creditCode(), "MAKER_SPACE", null, first.level(), first.regionCode(),
						first.policyId(), "北京市朝阳区科学技术委员会", LocalDate.of(year - 1, 9, 1)), bureau.get())
				.id();
			RectificationOrder order = this.supervision.issue(id, "场地转作他用，在孵企业不足 5 家，不再符合认定条件", deadline, bureau.get());
			order = this.supervision.answer(order.id, order.version, "已与两家企业签订入孵协议，场地正在恢复。", op.get());
			this.supervision.decide(order.id, order.version, false, "现场核查：场地仍作为办公出租，在孵企业 3 家，整改未达要求", bureau.get());
		}
		if (j.lateChange()) {
			this.supervision.reportChange(bases.get(0).id(), "PREMISES", today.minusMonths(3),
					"运营场地由浑南区创新路 1 号迁至浑南区智慧四街 8 号，面积由 2200 平方米调整为 1800 平方米", op.get());
		}
		return true;
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
