package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.assessment.AssessmentFixtures.Holder;
import cn.zhongchuang.expert.ExpertPanels;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Liaoning (旅顺口区 210212): a round with two institutions. The bureau scores one itself;
 * for the other it draws an expert panel (the operator's mentor, also in the pool,
 * excluded with the reason). Publishing is refused while the panel is sealed; one expert
 * scores on the expert API with a real EXPERT account, the other's paper sheet is typed
 * in by the bureau; on the reveal the result's scores, total and grade become the
 * experts' mean (不合格, where the bureau's own full marks would have been 优秀), the page
 * names the source of each result, and the round publishes. Another region's bureau gets
 * 404.
 */
@IntegrationTest
class AssessmentExpertTests {

	static final String REGION = "210212";

	static final String POLICY = "liaoning-specialized-2019";

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentPanels panels;

	@Autowired
	ExpertPanels expertPanels;

	@Autowired
	AssessmentFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Operators operators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Test
	void anInstitutionScoredByADrawnPanelTakesTheExpertsMean() throws Exception {
		int y0 = ChinaTime.today(this.clock).getYear() - 2;
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, REGION).principal();
		Holder byExperts = this.fixtures.operator(REGION);
		Holder byBureau = this.fixtures.operator(REGION);
		Recognitions.Recognized recA = this.fixtures.recognize(byExperts, REGION, "PROVINCE", POLICY, "辽宁省科学技术厅",
				LocalDate.of(y0, 6, 1), bureau);
		Recognitions.Recognized recB = this.fixtures.recognize(byBureau, REGION, "PROVINCE", POLICY, "辽宁省科学技术厅",
				LocalDate.of(y0, 7, 1), bureau);
		String field = "考核领域" + UUID.randomUUID().toString().substring(0, 8);
		String mentor = "导师" + field;
		addMentor(this.operators.idByCreditCode(byExperts.creditCode()).orElseThrow(), mentor);
		TestAccounts.Account first = this.accounts.create(Role.EXPERT, REGION);
		TestAccounts.Account second = this.accounts.create(Role.EXPERT, REGION);
		long firstId = expert("专家甲" + field, field, first.id());
		long secondId = expert("专家乙" + field, field, second.id());
		long mentorId = expert(mentor, field, null);

		AssessmentRound round = this.assessments.open(bureau, POLICY, y0 + 1);
		AssessmentResult a = resultOf(round, recA.id());
		// the bureau's own full marks, before any expert is drawn
		a = this.assessments.score(bureau, a.id(), full(), a.version());
		assertThat(a.scoreSource()).isEqualTo(AssessmentResult.BUREAU);
		assertThat(a.grade()).isEqualTo("优秀");
		AssessmentResult b = resultOf(round, recB.id());
		this.assessments.score(bureau, b.id(), full(), b.version());

		ExpertPanels.Drawn drawn = this.panels.draw(bureau, a.id(), 2, 0, Set.of(field), a.version());
		assertThat(drawn.members()).containsExactlyInAnyOrder(firstId, secondId);
		assertThat(drawn.excluded()).singleElement().satisfies((x) -> {
			assertThat(x.expertId()).isEqualTo(mentorId);
			assertThat(x.reason()).contains("导师");
		});
		a = resultOf(round, recA.id());
		assertThat(a.expertPanelId()).isEqualTo(drawn.panelId());
		assertThat(a.scored()).isFalse();
		assertThat(a.bureauScores()).isEqualTo(full().entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, (e) -> new BigDecimal(e.getValue()))));
		AssessmentResult sealed = a;
		assertThatThrownBy(() -> this.panels.draw(bureau, sealed.id(), 2, 0, Set.of(field), sealed.version()))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("尚未全部提交");
		AuthenticatedUser other = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		assertThatThrownBy(() -> this.panels.draw(other, sealed.id(), 2, 0, Set.of(field), sealed.version()))
			.isInstanceOf(NotFoundException.class);

		// publishing waits for the experts
		assertThatThrownBy(() -> this.assessments.publish(bureau, round.id(), round.version())).isInstanceOfSatisfying(
				FieldErrorException.class,
				(ex) -> assertThat(ex.errors().get("round")).contains("专家评分未全部提交")
					.contains(recA.number())
					.doesNotContain(recB.number()));

		// the first expert finds it on 我的评审 and scores it on the expert API
		this.mvc.perform(get("/my-reviews").with(user(first.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString((y0 + 1) + " 年度考核：")));
		this.mvc.perform(
				post("/api/v1/expert-panels/" + drawn.panelId() + "/scores").contentType("application/json").content("""
						{"version":0,"scores":{"ANNUAL_STATISTICS":"10","INCUBATION_RESULTS":"15",
						"TRAINING_AND_ROADSHOWS":"10","COMPETITIONS":"7","MODEL_INNOVATION":"8"},
						"opinion":"孵化成果偏少，培训活动记录不全。"}
						""").with(user(first.principal())).with(csrf()))
			.andExpect(status().isOk());
		assertThat(resultOf(round, recA.id()).scored()).isFalse();
		// the second signed a paper sheet on site; the bureau types it in
		this.expertPanels.recordPaperScores(
				drawn.panelId(), secondId, Map.of("ANNUAL_STATISTICS", "13", "INCUBATION_RESULTS", "20",
						"TRAINING_AND_ROADSHOWS", "14", "COMPETITIONS", "9", "MODEL_INNOVATION", "9"),
				"基本达到要求，经营模式有一定创新。", bureau);

		await().atMost(Duration.ofSeconds(20)).until(() -> resultOf(round, recA.id()).byExperts());
		AssessmentResult scored = resultOf(round, recA.id());
		assertThat(scored.expertCount()).isEqualTo(2);
		assertThat(scored.scores()).containsEntry("ANNUAL_STATISTICS", new BigDecimal("11.5"))
			.containsEntry("INCUBATION_RESULTS", new BigDecimal("17.5"))
			.containsEntry("TRAINING_AND_ROADSHOWS", new BigDecimal("12.0"))
			.containsEntry("COMPETITIONS", new BigDecimal("8.0"))
			.containsEntry("MODEL_INNOVATION", new BigDecimal("8.5"));
		// weights equal the maximum scores in Liaoning: the total is the sum of the means
		assertThat(scored.total()).isEqualByComparingTo("57.5");
		assertThat(scored.grade()).isEqualTo("不合格");
		assertThat(scored.bureauScores()).containsEntry("ANNUAL_STATISTICS", new BigDecimal("20"));
		assertThat(resultOf(round, recB.id()).scoreSource()).isEqualTo(AssessmentResult.BUREAU);

		// the bureau's own score afterwards is kept for comparison, the experts' stays
		this.assessments.score(bureau, scored.id(), full(), scored.version());
		assertThat(resultOf(round, recA.id()).total()).isEqualByComparingTo("57.5");

		this.mvc.perform(get("/bureau/assessments/" + round.id()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("专家评分（2 位专家均值）")))
			.andExpect(content().string(containsString("局评分")))
			.andExpect(content().string(containsString("专家 11.5")));

		AssessmentRound current = this.assessments.round(round.id(), bureau);
		this.assessments.publish(bureau, round.id(), current.version());
		assertThat(this.assessments.publishedRound(round.id()).published()).isTrue();
		assertThat(resultOf(round, recA.id()).failing()).isTrue();
		assertThat(resultOf(round, recB.id()).grade()).isEqualTo("优秀");
		assertThatThrownBy(() -> this.panels.draw(bureau, scored.id(), 2, 0, Set.of(field), scored.version() + 1))
			.isInstanceOf(ConflictException.class);

		List<String> audited = this.jdbc.sql(
				"SELECT action FROM audit_event WHERE object_type = 'assessment_result' AND object_id = :id ORDER BY id")
			.param("id", String.valueOf(scored.id()))
			.query(String.class)
			.list();
		assertThat(audited).containsSubsequence("ASSESSMENT_SCORE", "ASSESSMENT_PANEL", "ASSESSMENT_EXPERT_SCORES");
	}

	@Test
	void publishingAdoptsARevealedMeanWhoseListenerHasNotRunAndRefusesASealedPanel() {
		int y0 = ChinaTime.today(this.clock).getYear() - 1;
		String region = "210214";
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, region).principal();
		Holder h = this.fixtures.operator(region);
		Recognitions.Recognized rec = this.fixtures.recognize(h, region, "PROVINCE", POLICY, "辽宁省科学技术厅",
				LocalDate.of(y0 - 1, 3, 1), bureau);
		String field = "考核领域" + UUID.randomUUID().toString().substring(0, 8);
		long expertId = expert(region, "专家丙" + field, field, null);
		AssessmentRound round = this.assessments.open(bureau, POLICY, y0);
		AssessmentResult r = resultOf(round, rec.id());
		ExpertPanels.Drawn drawn = this.panels.draw(bureau, r.id(), 1, 0, Set.of(field), r.version());
		assertThatThrownBy(() -> this.assessments.publish(bureau, round.id(), round.version())).isInstanceOfSatisfying(
				FieldErrorException.class,
				(ex) -> assertThat(ex.errors().get("round")).contains("专家评分未全部提交").contains("专家组 #" + drawn.panelId()));
		// the paper sheet reveals the panel; the listener takes the mean
		this.expertPanels.recordPaperScores(
				drawn.panelId(), expertId, Map.of("ANNUAL_STATISTICS", "18", "INCUBATION_RESULTS", "27",
						"TRAINING_AND_ROADSHOWS", "18", "COMPETITIONS", "14", "MODEL_INNOVATION", "13"),
				"运营规范。", bureau);
		await().atMost(Duration.ofSeconds(20)).until(() -> resultOf(round, rec.id()).byExperts());
		// as if the listener had not run yet: publishing takes the mean itself
		this.jdbc.sql("""
				UPDATE assessment_result SET score_source = NULL, scores = NULL, total = NULL, grade = NULL,
				  expert_count = NULL WHERE id = :id
				""").param("id", r.id()).update();
		assertThat(resultOf(round, rec.id()).scored()).isFalse();
		AssessmentRound current = this.assessments.round(round.id(), bureau);
		this.assessments.publish(bureau, round.id(), current.version());
		AssessmentResult published = resultOf(round, rec.id());
		assertThat(published.byExperts()).isTrue();
		assertThat(published.total()).isEqualByComparingTo("90");
		assertThat(published.grade()).isEqualTo("优秀");
	}

	AssessmentResult resultOf(AssessmentRound round, long recognitionId) {
		return this.assessments.results(round.id())
			.stream()
			.filter((r) -> r.recognitionId() == recognitionId)
			.findFirst()
			.orElseThrow();
	}

	static Map<String, String> full() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("ANNUAL_STATISTICS", "20");
		m.put("INCUBATION_RESULTS", "30");
		m.put("TRAINING_AND_ROADSHOWS", "20");
		m.put("COMPETITIONS", "15");
		m.put("MODEL_INNOVATION", "15");
		return m;
	}

	long expert(String name, String field, Long userId) {
		return expert(REGION, name, field, userId);
	}

	long expert(String region, String name, String field, Long userId) {
		return this.jdbc.sql("""
				INSERT INTO expert (region_code, name, fields, employer, user_id, created_at)
				VALUES (:region, :name, ARRAY[:field], :employer, :user, now()) RETURNING id
				""")
			.param("region", region)
			.param("name", name)
			.param("field", field)
			.param("employer", name + "所在大学")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	void addMentor(long operatorId, String name) {
		this.jdbc.sql("""
				INSERT INTO operator_mentor (operator_id, name, employer, field, industry_mentor,
				  from_leading_investor_or_firm, contract_start, created_at)
				VALUES (:op, :name, '某咨询公司', '企业管理', true, false, :start, :now)
				""")
			.param("op", operatorId)
			.param("name", name)
			.param("start", LocalDate.of(2024, 1, 1))
			.param("now", OffsetDateTime.now())
			.update();
	}

}
