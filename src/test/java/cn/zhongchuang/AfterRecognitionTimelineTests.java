package cn.zhongchuang;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.assessment.AnnualFilings;
import cn.zhongchuang.assessment.AssessmentResult;
import cn.zhongchuang.assessment.AssessmentRound;
import cn.zhongchuang.assessment.Assessments;
import cn.zhongchuang.assessment.Filing;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.sanction.Sanctions;
import cn.zhongchuang.subsidy.Award;
import cn.zhongchuang.subsidy.Programme;
import cn.zhongchuang.subsidy.Subsidies;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Life after recognition, per jurisdiction, on a timeline moved by the test clock and
 * through the same services and pages a bureau and an operator use: a subsidy programme
 * filled to its budget (one more award refused); the annual filing; an assessment round
 * the institution fails; a rectification order answered and rejected; the recognition
 * lapsing by the pack's rule (Chaoyang: the rejected rectification; Lanzhou and Liaoning:
 * a second failing year); fraud by a second institution revoking its title, banning its
 * operator for the pack's years (Chaoyang 5, Liaoning 2, Lanzhou none) and, under
 * Lanzhou's rule, putting its subsidy on recovery; another region's bureau sees none of
 * it.
 */
@IntegrationTest
class AfterRecognitionTimelineTests {

	static final AtomicLong N = new AtomicLong(System.nanoTime() % 1_000_000 + 800_000);

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	Recognitions recognitions;

	@Autowired
	AnnualFilings filings;

	@Autowired
	Assessments assessments;

	@Autowired
	Sanctions sanctions;

	@Autowired
	Subsidies subsidies;

	/** One jurisdiction's facts as its pack states them. */
	record Jurisdiction(String region, String level, String policy, String authority, int cycleYears,
			boolean lapsesOnRejectedRectification, Integer banYears, boolean recoversSubsidies) {
	}

	// county-level bureau accounts of districts no other test uses, so the rounds hold
	// only this test's institutions (Chaoyang has no districts below it: its round is
	// moved to a year no other test reaches)
	static final Jurisdiction CHAOYANG = new Jurisdiction("110105", "DISTRICT", "beijing-chaoyang-2017",
			"北京市朝阳区科学技术委员会", 2, true, 5, false);

	static final Jurisdiction LANZHOU = new Jurisdiction("620111", "CITY", "lanzhou-2018", "兰州市科学技术局", 1, false, null,
			true);

	static final Jurisdiction LIAONING = new Jurisdiction("210402", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅",
			1, false, 2, false);

	@Test
	void chaoyangRectificationNotMetLapsesAndFraudBansForFiveYears() throws Exception {
		timeline(CHAOYANG, Duration.ofDays(8 * 365 + 2));
	}

	@Test
	void lanzhouLapsesAfterTwoFailingYearsAndFraudRecoversTheSubsidyWithoutABan() throws Exception {
		timeline(LANZHOU, Duration.ZERO);
	}

	@Test
	void liaoningLapsesAfterTwoFailingYearsAndFraudBansForTwoYears() throws Exception {
		timeline(LIAONING, Duration.ZERO);
	}

	private void timeline(Jurisdiction j, Duration start) throws Exception {
		try {
			this.clock.advance(start);
			LocalDate today = ChinaTime.today(this.clock);
			int year = today.getYear();
			AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, j.region()).principal();
			AuthenticatedUser elsewhere = this.accounts
				.create(Role.CITY_BUREAU, j.region().startsWith("62") ? "210100" : "620100")
				.principal();
			PackDefinition pack = this.assessments.definition(j.policy());
			assertThat(pack.dynamic().lapseRule())
				.isEqualTo(j.lapsesOnRejectedRectification() ? PackDefinition.LapseRule.RECTIFICATION_NOT_MET
						: PackDefinition.LapseRule.CONSECUTIVE_FAILING_YEARS);
			assertThat(pack.assessment().cycleYears()).isEqualTo(j.cycleYears());

			// recognized so that this year is an assessment year of the pack's cycle
			LocalDate recognizedOn = LocalDate.of(year - j.cycleYears(), 6, 1);
			TestOrganisations.Registered failing = this.organisations.register(j.region(), "时间线运营机构");
			TestOrganisations.Registered cheat = this.organisations.register(j.region(), "时间线欺诈机构");
			Recognitions.Recognized a = recognize(j, failing, recognizedOn, bureau);
			Recognitions.Recognized b = recognize(j, cheat, recognizedOn, bureau);

			// subsidies: the budget is spent to the last yuan, one more award is refused
			Programme p = this.subsidies.create(new Subsidies.ProgrammeForm("时间线奖补" + N.incrementAndGet(), year,
					j.region(), "300000.00", Programme.ON_RECOGNITION, null, j.policy(), Map.of("DEFAULT", "100000")),
					bureau);
			p = this.subsidies.open(p.id(), p.version(), bureau);
			long programme = p.id();
			this.subsidies.award(programme, a.number(), "200000", "认定奖补", bureau);
			Award paid = this.subsidies.award(programme, b.number(), "100000", "认定奖补", bureau);
			paid = this.subsidies.disburse(paid.id(), today, "财" + year + "-" + N.get(), paid.version(), bureau);
			TestOrganisations.Registered third = this.organisations.register(j.region(), "时间线第三机构");
			Recognitions.Recognized c = recognize(j, third, recognizedOn, bureau);
			assertThatThrownBy(() -> this.subsidies.award(programme, c.number(), "0.01", "超出预算", bureau))
				.isInstanceOf(ConflictException.class)
				.hasMessageContaining("预算");
			assertThat(this.subsidies.totals(this.subsidies.programme(programme, bureau)).remaining())
				.isEqualByComparingTo("0");
			assertThatThrownBy(() -> this.subsidies.programme(programme, elsewhere))
				.isInstanceOf(NotFoundException.class);

			// last year's annual filing, with the tenants counted by the system
			Filing filing = this.filings.submit(failing.account().principal(),
					this.filings
						.saveDraft(failing.account().principal(), a.id(), year - 1,
								Map.of("FINANCING", "50", "TRAINEES", "12"))
						.id());
			assertThat(filing.figure("TENANTS").computed()).isTrue();
			assertThat(filing.late()).isEqualTo(today.isAfter(filing.dueOn()));
			assertThat(this.filings.forBureau(elsewhere, year - 1)).noneMatch((r) -> r.recognition().id() == a.id());

			// this year's round (opened once the year has ended): the institution fails,
			// the recognition stays for now
			AssessmentRound round = failRound(j, bureau, year, a.id());
			assertThatThrownBy(() -> this.assessments.round(round.id(), elsewhere))
				.isInstanceOf(NotFoundException.class);
			assertThat(this.recognitions.find(a.id()).orElseThrow().status()).isEqualTo("ACTIVE");

			// rectification ordered, answered, rejected
			long order = issueOrder(a.number(), year + " 年度考核不合格", today.plusDays(45), bureau);
			this.mvc.perform(get("/bureau/supervision/orders/" + order).with(user(elsewhere)))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(post("/supervision/orders/" + order + "/answer").param("version", "0")
					.param("answer", "已补充在孵企业并完善服务台账")
					.with(user(failing.account().principal()))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
			this.mvc
				.perform(post("/bureau/supervision/orders/" + order + "/decide").param("version", "1")
					.param("outcome", "REJECT")
					.param("note", "整改后仍不符合认定条件")
					.with(user(bureau))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());

			if (j.lapsesOnRejectedRectification()) {
				assertThat(this.recognitions.find(a.id()).orElseThrow().status()).isEqualTo("LAPSED");
				this.mvc.perform(get("/api/v1/registry/" + a.number()))
					.andExpect(jsonPath("$.status").value("LAPSED"))
					.andExpect(jsonPath("$.announcement", containsString("整改")));
			}
			else {
				// one failing year and a rejected rectification are not yet enough
				assertThat(this.recognitions.find(a.id()).orElseThrow().status()).isEqualTo("ACTIVE");
				this.clock.advance(Duration.ofDays(366));
				this.filings.submit(failing.account().principal(),
						this.filings.saveDraft(failing.account().principal(), a.id(), year, Map.of()).id());
				failRound(j, bureau, year + 1, a.id());
				Recognitions.RecognitionSummary lapsed = this.recognitions.find(a.id()).orElseThrow();
				assertThat(lapsed.status()).isEqualTo("LAPSED");
				assertThat(lapsed.announcement()).contains(year + " 年").contains((year + 1) + " 年");
				this.mvc.perform(get("/api/v1/registry/" + a.number())).andExpect(jsonPath("$.status").value("LAPSED"));
			}

			// fraud: the title revoked, the operator banned for the pack's years
			this.mvc
				.perform(post("/bureau/sanctions").param("number", b.number())
					.param("finding", "虚报在孵企业数量骗取认定及奖补")
					.with(user(elsewhere))
					.with(csrf()))
				.andExpect(status().is(422));
			this.mvc
				.perform(post("/bureau/sanctions").param("number", b.number())
					.param("finding", "虚报在孵企业数量骗取认定及奖补")
					.with(user(bureau))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
			this.mvc.perform(get("/api/v1/registry/" + b.number())).andExpect(jsonPath("$.status").value("REVOKED"));
			LocalDate found = ChinaTime.today(this.clock);
			long awardId = paid.id();
			if (j.recoversSubsidies()) {
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(
							() -> assertThat(this.subsidies.award(awardId, bureau).status()).isEqualTo("RECOVERY_DUE"));
			}
			else {
				assertThat(this.subsidies.award(awardId, bureau).status()).isEqualTo("DISBURSED");
			}
			if (j.banYears() == null) {
				assertThat(this.sanctions.activeBan(cheat.creditCode(), found)).isEmpty();
				assertThat(apply(j, cheat).getResponse().getStatus()).isEqualTo(302);
			}
			else {
				assertThat(this.sanctions.activeBan(cheat.creditCode(), found).orElseThrow().endsOn())
					.isEqualTo(found.plusYears(j.banYears()));
				MvcResult refused = apply(j, cheat);
				assertThat(refused.getResponse().getStatus()).isEqualTo(422);
				assertThat(refused.getResponse().getContentAsString()).contains("禁止期至");
				// the day after the ban ends the operator may apply again
				this.clock.advance(Duration.ofDays(j.banYears() * 366L + 1));
				assertThat(apply(j, cheat).getResponse().getStatus()).isEqualTo(302);
			}
		}
		finally {
			this.clock.reset();
		}
	}

	private Recognitions.Recognized recognize(Jurisdiction j, TestOrganisations.Registered org, LocalDate on,
			AuthenticatedUser bureau) {
		return this.recognitions.recognize(new RecognitionRequest("application", N.incrementAndGet(), "时间线空间" + N.get(),
				org.name(), org.creditCode(), "MAKER_SPACE", "COMPREHENSIVE", j.level(), j.region(), j.policy(),
				j.authority(), on), bureau);
	}

	/**
	 * Opens the year's round, scores the given recognition at 40 % of every indicator and
	 * every other institution at full marks, publishes it.
	 */
	private AssessmentRound failRound(Jurisdiction j, AuthenticatedUser bureau, int year, long failingId) {
		// a round opens only once its year has ended: the clock steps into the next year
		// to open it, and back for the scoring and the rest of the timeline
		Duration step = (ChinaTime.today(this.clock).getYear() <= year) ? Duration.ofDays(366) : Duration.ZERO;
		AssessmentRound round;
		this.clock.advance(step);
		try {
			round = this.assessments.open(bureau, j.policy(), year);
		}
		finally {
			this.clock.advance(step.negated());
		}
		PackDefinition.Assessment a = this.assessments.definition(j.policy()).assessment();
		for (AssessmentResult r : this.assessments.results(round.id())) {
			int percent = (r.recognitionId() == failingId) ? 40 : 100;
			Map<String, String> scores = new LinkedHashMap<>();
			a.indicators()
				.forEach((i) -> scores.put(i.code(),
						BigDecimal.valueOf((long) i.maxScore() * percent, 2)
							.setScale(1, RoundingMode.HALF_UP)
							.toPlainString()));
			this.assessments.score(bureau, r.id(), scores, r.version());
		}
		assertThat(this.assessments.results(round.id())).filteredOn((r) -> r.recognitionId() == failingId)
			.singleElement()
			.extracting(AssessmentResult::grade)
			.isEqualTo(Assessments.FAILING);
		AssessmentRound current = this.assessments.round(round.id(), bureau);
		return this.assessments.publish(bureau, current.id(), current.version());
	}

	private long issueOrder(String number, String reason, LocalDate deadline, AuthenticatedUser bureau)
			throws Exception {
		String location = this.mvc
			.perform(post("/bureau/supervision/orders").param("number", number)
				.param("reason", reason)
				.param("deadline", deadline.toString())
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private MvcResult apply(Jurisdiction j, TestOrganisations.Registered org) throws Exception {
		return this.mvc
			.perform(post("/applications").param("policyId", j.policy())
				.param("spaceName", "新申请空间" + N.incrementAndGet())
				.param("regionCode", j.region())
				.with(user(org.account().principal()))
				.with(csrf()))
			.andReturn();
	}

}
