package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.assessment.AssessmentFixtures.Holder;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.reference.WorkingDays;
import cn.zhongchuang.supervision.Supervision;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A failing or missed assessment opens a rectification order by itself where the pack
 * says so: Chaoyang 第九条 (不参加考核或考核评估不合格的，提出整改措施) for failing and not-assessed results,
 * Lanzhou (年度考核不合格的…限期整改) for failing ones, Liaoning not at all. One order per result
 * with the pack's deadline, the operator told, nothing twice on redelivery; Chaoyang's
 * rule then lapses the title when the order runs out.
 */
@IntegrationTest
class AssessmentRectificationTests {

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentFixtures fixtures;

	@Autowired
	Recognitions recognitions;

	@Autowired
	Supervision supervision;

	@Autowired
	TestAccounts accounts;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	/** A year no other test opens rounds for. */
	private int year() {
		return ChinaTime.today(this.clock).getYear() - 3;
	}

	@Test
	void chaoyangOpensAnOrderForEachFailingAndEachMissedResultAndLapsesWhenItRunsOut() throws Exception {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		int y = year();
		Holder failing = this.fixtures.operator("110105");
		Holder missing = this.fixtures.operator("110105");
		Holder passing = this.fixtures.operator("110105");
		LocalDate on = LocalDate.of(y - 2, 6, 1);
		var fails = recognize(failing, "110105", "DISTRICT", "beijing-chaoyang-2017", on, bureau);
		var misses = recognize(missing, "110105", "DISTRICT", "beijing-chaoyang-2017", on, bureau);
		var passes = recognize(passing, "110105", "DISTRICT", "beijing-chaoyang-2017", on, bureau);

		AssessmentRound round = this.assessments.open(bureau, "beijing-chaoyang-2017", y);
		AssessmentResult missed = resultOf(round, misses.id());
		this.mvc.perform(get("/bureau/assessments/" + round.id()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"auto-rectification\""),
					containsString("不合格或未参加考核的机构自动下达整改通知（期限 30 个工作日）"), containsString("记为未参加考核"))));
		this.mvc
			.perform(
					post("/bureau/assessments/" + round.id() + "/results/" + missed.id() + "/not-assessed").with(csrf())
						.with(user(bureau))
						.param("version", String.valueOf(missed.version())))
			.andExpect(status().is3xxRedirection());
		assertThat(resultOf(round, misses.id()).notAssessed()).isTrue();
		assertThat(resultOf(round, misses.id()).scored()).isFalse();
		scoreAllBut(round, fails.id(), 40, misses.id(), bureau);
		this.assessments.publish(bureau, round.id(), round.version());
		assertThatThrownBy(() -> this.assessments.markNotAssessed(bureau, missed.id(), missed.version() + 1))
			.isInstanceOf(ConflictException.class);

		LocalDate today = ChinaTime.today(this.clock);
		LocalDate due = this.workingDays.add(today, 30).date();
		await().atMost(Duration.ofSeconds(20)).until(() -> orders(round.id(), fails.id()) == 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> orders(round.id(), misses.id()) == 1);
		assertThat(orders(round.id(), passes.id())).isZero();
		assertThat(deadline(round.id(), fails.id())).isEqualTo(due);
		assertThat(reason(round.id(), fails.id())).startsWith(y + " 年度考核不合格。依据第九条");
		assertThat(reason(round.id(), misses.id())).startsWith("未参加 " + y + " 年度考核");
		assertThat(notifications(failing, "整改通知：%")).isEqualTo(1);
		assertThat(notifications(missing, "整改通知：%")).isEqualTo(1);
		assertThat(notifications(passing, "整改通知：%")).isZero();

		// redelivery of the publication opens nothing twice
		assertThat(this.supervision.openOnAssessment(round.id(), y, fails.id(), false)).isEmpty();
		assertThat(orders(round.id(), fails.id())).isEqualTo(1);

		// Chaoyang: an order left unanswered past its deadline lapses the title
		this.supervision.lapseOverdue(due.plusDays(1));
		assertThat(this.recognitions.find(fails.id()).orElseThrow().status()).isEqualTo("LAPSED");
		assertThat(this.recognitions.find(misses.id()).orElseThrow().status()).isEqualTo("LAPSED");
		assertThat(this.recognitions.find(passes.id()).orElseThrow().status()).isEqualTo("ACTIVE");
	}

	@Test
	void lanzhouRectifiesAFirstFailingYearAndLapsesOnTheSecondWithoutAnotherOrder() {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620105").principal();
		int y = year();
		Holder h = this.fixtures.operator("620105");
		Holder absent = this.fixtures.operator("620105");
		var rec = recognize(h, "620105", "CITY", "lanzhou-2018", LocalDate.of(y - 1, 6, 1), bureau);
		var away = recognize(absent, "620105", "CITY", "lanzhou-2018", LocalDate.of(y - 1, 6, 1), bureau);

		AssessmentRound one = this.assessments.open(bureau, "lanzhou-2018", y);
		AssessmentResult skipped = resultOf(one, away.id());
		this.assessments.markNotAssessed(bureau, skipped.id(), skipped.version());
		scoreAllBut(one, rec.id(), 50, away.id(), bureau);
		this.assessments.publish(bureau, one.id(), one.version());
		await().atMost(Duration.ofSeconds(20)).until(() -> orders(one.id(), rec.id()) == 1);
		// Lanzhou's text names failing only: no order for not taking part
		assertThat(orders(one.id(), away.id())).isZero();

		AssessmentRound two = this.assessments.open(bureau, "lanzhou-2018", y + 1);
		AssessmentResult again = resultOf(two, away.id());
		this.assessments.markNotAssessed(bureau, again.id(), again.version());
		scoreAllBut(two, rec.id(), 30, away.id(), bureau);
		this.assessments.publish(bureau, two.id(), two.version());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "LAPSED".equals(this.recognitions.find(rec.id()).orElseThrow().status()));
		assertThat(orders(two.id(), rec.id())).isZero();
	}

	@Test
	void liaoningOpensNoOrderAndAnUnscoredResultStillBlocksPublication() {
		AuthenticatedUser bureau = this.accounts.create(Role.PROVINCE, "210211").principal();
		int y = year();
		Holder h = this.fixtures.operator("210211");
		var rec = recognize(h, "210211", "PROVINCE", "liaoning-specialized-2019", LocalDate.of(y - 1, 6, 1), bureau);
		AssessmentRound round = this.assessments.open(bureau, "liaoning-specialized-2019", y);
		assertThatThrownBy(() -> this.assessments.publish(bureau, round.id(), round.version())).isInstanceOfSatisfying(
				FieldErrorException.class, (ex) -> assertThat(ex.errors().get("round")).contains("未参加考核"));
		scoreAllBut(round, rec.id(), 20, -1, bureau);
		this.assessments.publish(bureau, round.id(), round.version());
		assertThat(this.assessments.definition("liaoning-specialized-2019").dynamic().rectifyOnFailing()).isFalse();
		// what the listener would do on the publication: Liaoning sets no rectification
		this.supervision.openOnAssessment(round.id(), y, rec.id(), false);
		assertThat(orders(round.id(), rec.id())).isZero();
	}

	private Recognitions.Recognized recognize(Holder h, String region, String level, String policy, LocalDate on,
			AuthenticatedUser bureau) {
		String authority = this.assessments.definition(policy).authority();
		return this.fixtures.recognize(h, region, level, policy, authority, on, bureau);
	}

	/**
	 * Scores every result but {@code skip}: {@code failing} at the percentage, the others
	 * full marks.
	 */
	private void scoreAllBut(AssessmentRound round, long failing, int percent, long skip, AuthenticatedUser bureau) {
		PackDefinition.Assessment a = this.assessments.definition(round.policyId()).assessment();
		for (AssessmentResult r : this.assessments.results(round.id())) {
			if (r.recognitionId() == skip || r.notAssessed()) {
				continue;
			}
			int p = (r.recognitionId() == failing) ? percent : 100;
			Map<String, String> scores = new LinkedHashMap<>();
			a.indicators()
				.forEach((i) -> scores.put(i.code(),
						BigDecimal.valueOf(i.maxScore() * p, 2).setScale(1, RoundingMode.HALF_UP).toPlainString()));
			this.assessments.score(bureau, r.id(), scores, r.version());
		}
	}

	private AssessmentResult resultOf(AssessmentRound round, long recognitionId) {
		List<AssessmentResult> results = this.assessments.results(round.id());
		return results.stream().filter((r) -> r.recognitionId() == recognitionId).findFirst().orElseThrow();
	}

	private long orders(long roundId, long recognitionId) {
		return order(roundId, recognitionId, "count(*)", Long.class);
	}

	private LocalDate deadline(long roundId, long recognitionId) {
		return order(roundId, recognitionId, "deadline", LocalDate.class);
	}

	private String reason(long roundId, long recognitionId) {
		return order(roundId, recognitionId, "reason", String.class);
	}

	/** One column of the order the round opened for the recognition. */
	private <T> T order(long roundId, long recognitionId, String column, Class<T> type) {
		return this.jdbc
			.sql("SELECT " + column
					+ " FROM rectification_order WHERE assessment_round_id = :round AND recognition_id = :rec")
			.param("round", roundId)
			.param("rec", recognitionId)
			.query(type)
			.single();
	}

	private long notifications(Holder h, String title) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :u AND title LIKE :t")
			.param("u", h.operator().id())
			.param("t", title)
			.query(Long.class)
			.single();
	}

}
