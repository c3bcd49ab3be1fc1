package cn.zhongchuang.assessment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.assessment.AssessmentFixtures.Holder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Per jurisdiction, a two-year timeline driven by the test clock: the annual filing with
 * computed and declared figures, a failing grade in year one and in year two; Lanzhou and
 * Liaoning lapse after two consecutive failing years and the registry announces it;
 * Chaoyang has no round in an off year of its two-year cycle and a failing grade lapses
 * nothing by itself; Liaoning's filing is due on the system setting (03-31); no region
 * sees another's rounds, no operator another's filing.
 */
@IntegrationTest
class AssessmentTests {

	@Autowired
	Assessments assessments;

	@Autowired
	AnnualFilings filings;

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	AssessmentFixtures fixtures;

	Holder operator(String region) {
		return this.fixtures.operator(region);
	}

	Recognitions.Recognized recognize(Holder h, String region, String level, String policy, String authority,
			LocalDate on, AuthenticatedUser bureau) {
		return this.fixtures.recognize(h, region, level, policy, authority, on, bureau);
	}

	int thisYear() {
		return ChinaTime.today(this.clock).getYear();
	}

	/**
	 * Scores every institution of the round: the given recognition at the score, others
	 * full marks.
	 */
	void scoreAll(AssessmentRound round, long failingRecognition, int percent, AuthenticatedUser bureau) {
		PackDefinition.Assessment a = this.assessments.definition(round.policyId()).assessment();
		for (AssessmentResult r : this.assessments.results(round.id())) {
			Map<String, String> scores = new LinkedHashMap<>();
			int p = (r.recognitionId() == failingRecognition) ? percent : 100;
			a.indicators()
				.forEach((i) -> scores.put(i.code(),
						java.math.BigDecimal.valueOf(i.maxScore() * p, 2)
							.setScale(1, java.math.RoundingMode.HALF_UP)
							.toPlainString()));
			this.assessments.score(bureau, r.id(), scores, r.version());
		}
	}

	AssessmentResult resultOf(AssessmentRound round, long recognitionId) {
		return this.assessments.results(round.id())
			.stream()
			.filter((r) -> r.recognitionId() == recognitionId)
			.findFirst()
			.orElseThrow();
	}

	void twoFailingYearsLapse(String region, String bureauRegion, String level, String policy, String authority) {
		Holder h = operator(region);
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, bureauRegion).principal();
		int y0 = thisYear() - 1;
		Recognitions.Recognized rec = recognize(h, region, level, policy, authority, LocalDate.of(y0, 6, 1), bureau);
		try {
			// the annual filing for the recognition year: tenants, events and mentors
			// computed
			Filing draft = this.filings.saveDraft(h.operator(), rec.id(), y0,
					Map.of("FINANCING", "120.5", "TRAINEES", "40"));
			assertThat(draft.figure("TENANTS").computed()).isTrue();
			assertThat(draft.figure("TENANTS").source()).startsWith("系统计算");
			assertThat(draft.figure("FINANCING").computed()).isFalse();
			assertThat(draft.figure("FINANCING").value()).isEqualByComparingTo("120.5");
			Filing submitted = this.filings.submit(h.operator(), draft.id());
			assertThat(this.filings.submit(h.operator(), draft.id()).version()).isEqualTo(submitted.version());
			assertThatThrownBy(() -> this.filings.saveDraft(h.operator(), rec.id(), y0, Map.of()))
				.isInstanceOf(ConflictException.class);
			assertThat(this.filings.forBureau(bureau, y0))
				.anySatisfy((row) -> assertThat(row.recognition().id()).isEqualTo(rec.id()));

			// year one (opened once it has ended): failing, the recognition stays
			this.clock.advance(Duration.ofDays(366));
			AssessmentRound one = this.assessments.open(bureau, policy, y0 + 1);
			assertThat(resultOf(one, rec.id()).scored()).isFalse();
			assertThatThrownBy(() -> this.assessments.publish(bureau, one.id(), one.version()))
				.isInstanceOf(FieldErrorException.class);
			scoreAll(one, rec.id(), 50, bureau);
			assertThat(resultOf(one, rec.id()).grade()).isEqualTo("不合格");
			assertThat(resultOf(one, rec.id()).total()).isEqualByComparingTo("50");
			this.assessments.publish(bureau, one.id(), one.version());
			assertThat(this.recognitions.find(rec.id()).orElseThrow().status()).isEqualTo("ACTIVE");
			assertThatThrownBy(() -> this.assessments.publish(bureau, one.id(), one.version()))
				.isInstanceOf(ConflictException.class);

			// a year later: failing again, the recognition lapses with an announcement
			// naming both years
			this.clock.advance(Duration.ofDays(366));
			AssessmentRound two = this.assessments.open(bureau, policy, y0 + 2);
			scoreAll(two, rec.id(), 30, bureau);
			this.assessments.publish(bureau, two.id(), two.version());
			Recognitions.RecognitionSummary after = this.recognitions.find(rec.id()).orElseThrow();
			assertThat(after.status()).isEqualTo("LAPSED");
			assertThat(after.announcement()).contains((y0 + 1) + " 年").contains((y0 + 2) + " 年").contains("不合格");
			assertThat(resultOf(two, rec.id()).lapsed()).isTrue();
			assertThat(this.recognitions.byNumber(rec.number()).orElseThrow().status()).isEqualTo("LAPSED");
			assertThat(this.assessments.publishedRound(two.id()).published()).isTrue();

			// another region's bureau does not see the round, another operator not the
			// filing
			AuthenticatedUser other = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
			assertThatThrownBy(() -> this.assessments.round(two.id(), other)).isInstanceOf(NotFoundException.class);
			assertThat(this.assessments.rounds(other)).noneMatch((r) -> r.id() == two.id());
			assertThat(this.filings.forBureau(other, y0)).noneMatch((r) -> r.recognition().id() == rec.id());
			Holder stranger = operator(region);
			assertThatThrownBy(() -> this.filings.get(draft.id(), stranger.operator()))
				.isInstanceOf(NotFoundException.class);
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void lanzhouLapsesAfterTwoConsecutiveFailingYears() {
		twoFailingYearsLapse("620121", "620121", "CITY", "lanzhou-2018", "兰州市科学技术局");
	}

	@Test
	void liaoningLapsesAfterTwoConsecutiveFailingYears() {
		twoFailingYearsLapse("210283", "210283", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅");
	}

	@Test
	void liaoningFilingFollowsTheSystemSettingNotTheProvincesReviewDeadline() {
		// 每年5月底前 is when the province finishes reviewing the year's batch
		// (review.annualCall);
		// the seed sets no date for the operator's annual statistics: the system setting
		int y = thisYear() - 2;
		assertThat(this.filings.dueOn("liaoning-specialized-2019", y).date()).isEqualTo(LocalDate.of(y + 1, 3, 31));
		assertThat(this.filings.dueOn("liaoning-specialized-2019", y).fromPolicy()).isFalse();
		assertThat(this.filings.dueOn("lanzhou-2018", y).date()).isEqualTo(LocalDate.of(y + 1, 3, 31));
		assertThat(this.filings.dueOn("lanzhou-2018", y).fromPolicy()).isFalse();

		Holder h = operator("210281");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "210281").principal();
		Recognitions.Recognized rec = recognize(h, "210281", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅",
				LocalDate.of(y, 3, 1), bureau);
		AnnualFilings.Row missing = this.filings.forBureau(bureau, y)
			.stream()
			.filter((r) -> r.recognition().id() == rec.id())
			.findFirst()
			.orElseThrow();
		assertThat(missing.state()).isEqualTo("OVERDUE");
		assertThat(this.filings.remind(bureau, y)).isGreaterThanOrEqualTo(1);
		long reminders = this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :u AND title LIKE :t")
			.param("u", h.operator().id())
			.param("t", "%" + y + " 年度备案%")
			.query(Long.class)
			.single();
		assertThat(reminders).isEqualTo(1);
		Filing f = this.filings.submit(h.operator(), this.filings.saveDraft(h.operator(), rec.id(), y, Map.of()).id());
		assertThat(f.late()).isTrue();
		assertThat(f.dueOn()).isEqualTo(LocalDate.of(y + 1, 3, 31));
		assertThat(this.filings.forBureau(bureau, y)
			.stream()
			.filter((r) -> r.recognition().id() == rec.id())
			.findFirst()
			.orElseThrow()
			.state()).isEqualTo("FILED_LATE");
	}

	@Test
	void aTitleRecognizedThisYearOwesNoFilingForLastYear() {
		int last = thisYear() - 1;
		Holder h = operator("210281");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "210281").principal();
		Recognitions.Recognized fresh = recognize(h, "210281", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅",
				LocalDate.of(thisYear(), 1, 2), bureau);
		assertThat(this.filings.forBureau(bureau, last)).noneMatch((r) -> r.recognition().id() == fresh.id());
		assertThat(this.filings.mine(h.operator(), last)).noneMatch((r) -> r.recognition().id() == fresh.id());
		assertThat(this.filings.forBureau(bureau, thisYear())).anyMatch((r) -> r.recognition().id() == fresh.id());
	}

	@Test
	void chaoyangHasNoRoundInAnOffYearAndAFailingGradeLapsesNothing() {
		Holder h = operator("110105");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		int y0 = thisYear() - 1;
		Recognitions.Recognized rec = recognize(h, "110105", "DISTRICT", "beijing-chaoyang-2017", "北京市朝阳区科学技术委员会",
				LocalDate.of(y0, 6, 1), bureau);
		assertThat(Assessments.isDue(LocalDate.of(y0, 6, 1), y0 + 1, 2)).isFalse();
		assertThat(Assessments.isDue(LocalDate.of(y0, 6, 1), y0 + 2, 2)).isTrue();
		this.clock.advance(Duration.ofDays(366));
		try {
			AssessmentRound off = this.assessments.open(bureau, "beijing-chaoyang-2017", y0 + 1);
			assertThat(this.assessments.results(off.id())).noneMatch((r) -> r.recognitionId() == rec.id());
		}
		catch (FieldErrorException ex) {
			assertThat(ex.errors().get("year")).contains("每 2 年");
		}
		this.clock.advance(Duration.ofDays(366));
		try {
			AssessmentRound round = this.assessments.open(bureau, "beijing-chaoyang-2017", y0 + 2);
			scoreAll(round, rec.id(), 20, bureau);
			assertThat(resultOf(round, rec.id()).grade()).isEqualTo("不合格");
			this.assessments.publish(bureau, round.id(), round.version());
			assertThat(this.recognitions.find(rec.id()).orElseThrow().status()).isEqualTo("ACTIVE");
			assertThat(this.assessments.lapseRule("beijing-chaoyang-2017"))
				.isEqualTo(PackDefinition.LapseRule.RECTIFICATION_NOT_MET);
			List<AssessmentRound> published = this.assessments.publishedRounds();
			assertThat(published).anyMatch((r) -> r.id() == round.id());
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void scoresOutsideTheIndicatorRangeAreRefusedByField() {
		Holder h = operator("620122");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620122").principal();
		Recognitions.Recognized rec = recognize(h, "620122", "CITY", "lanzhou-2018", "兰州市科学技术局",
				LocalDate.of(thisYear() - 2, 6, 1), bureau);
		AssessmentRound round = this.assessments.open(bureau, "lanzhou-2018", thisYear() - 1);
		AssessmentResult r = resultOf(round, rec.id());
		assertThatThrownBy(() -> this.assessments.score(bureau, r.id(), Map.of("TRAINING_SESSIONS", "21"), r.version()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKeys("TRAINING_SESSIONS", "TRAINEES"));
		assertThatThrownBy(() -> this.assessments.open(bureau, "lanzhou-2018", thisYear() - 1))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.assessments.open(bureau, "lanzhou-2018", thisYear() + 1))
			.isInstanceOf(FieldErrorException.class);
	}

	@Test
	void aRoundOpensOnlyForAYearThatHasEnded() {
		Holder h = operator("620122");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620122").principal();
		Recognitions.Recognized rec = recognize(h, "620122", "CITY", "lanzhou-2018", "兰州市科学技术局",
				LocalDate.of(thisYear() - 1, 3, 1), bureau);
		// the institution is due this year, but the year has not ended: refused on the
		// year, nothing written
		assertThatThrownBy(() -> this.assessments.open(bureau, "lanzhou-2018", thisYear())).isInstanceOfSatisfying(
				FieldErrorException.class,
				(ex) -> assertThat(ex.errors().get("year")).contains(thisYear() + " 年度尚未结束"));
		assertThat(this.assessments.rounds(bureau)).noneMatch((x) -> x.year() == thisYear());
		assertThat(this.assessments.openableYears()).first().isEqualTo(thisYear() - 1);
		assertThat(this.assessments.openableYears()).doesNotContain(thisYear());
		// once the year has ended (the clock in the next year), the round opens
		this.clock.advance(Duration.ofDays(366));
		try {
			AssessmentRound round = this.assessments.open(bureau, "lanzhou-2018", thisYear() - 1);
			assertThat(resultOf(round, rec.id()).recognitionId()).isEqualTo(rec.id());
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void underACycleOfTwoYearsTheCycleYearMustHaveEnded() {
		Holder h = operator("110105");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		Recognitions.Recognized rec = recognize(h, "110105", "DISTRICT", "beijing-chaoyang-2017", "北京市朝阳区科学技术委员会",
				LocalDate.of(thisYear() - 2, 6, 1), bureau);
		assertThatThrownBy(() -> this.assessments.open(bureau, "beijing-chaoyang-2017", thisYear()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("year")).contains("每 2 年").contains("尚未结束"));
		this.clock.advance(Duration.ofDays(366));
		try {
			AssessmentRound round = this.assessments.open(bureau, "beijing-chaoyang-2017", thisYear() - 1);
			assertThat(resultOf(round, rec.id()).recognitionId()).isEqualTo(rec.id());
		}
		finally {
			this.clock.reset();
		}
	}

}
