package cn.zhongchuang.application;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.application.ApplicationEvents.ApplicationRecognized;
import cn.zhongchuang.application.ApplicationEvents.ApplicationSubmitted;
import cn.zhongchuang.expert.ExpertPanels;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.notice.Notices;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * For each bundled pack, through the service layer, two applications from apply to the
 * end: every stage in the pack's order by the role it names; at the expert stage a panel
 * drawn with the operator's mentor excluded, scored by the experts, sealed until all are
 * in; at the notice stage both on one public notice, an objection against each, one
 * dismissed and one upheld; then the first recognized with a number in the public
 * registry and the second rejected with the bureau's answer.
 */
@IntegrationTest
@RecordApplicationEvents
class ApplicationJourneyTests {

	@Autowired
	Applications applications;

	@Autowired
	ApplicationNotices applicationNotices;

	@Autowired
	Notices notices;

	@Autowired
	Recognitions recognitions;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@ParameterizedTest
	// the authority the pack names (seed 000 第三条: 朝阳区科委), and the number prefix after it
	@CsvSource({ "beijing-chaoyang-2017, 110105, 110105, 110105, 110000, 北京市朝阳区科学技术委员会, 朝科众",
			"lanzhou-2018, 620102, 620102, 620100, 620000, 兰州市科学技术局, 兰科众",
			"liaoning-specialized-2019, 210102, 210102, 210100, 210000, 辽宁省科学技术厅, 辽科众",
			"jiangsu-2015, 320102, 320102, 320100, 320000, 江苏省科学技术厅, 江科众" })
	void applicationsGoThroughEveryStageNoticeAndObjectionToRecognition(String policy, String spaceRegion,
			String county, String city, String province, String authority, String prefix) throws Exception {
		CurrentUser operator = this.fixtures.operator(spaceRegion).principal();
		long operatorId = operatorIdOf(operator);
		String mentor = "导师" + UUID.randomUUID().toString().substring(0, 6);
		addMentor(operatorId, mentor);
		Map<Role, CurrentUser> reviewers = Map.of(Role.COUNTY_REVIEWER,
				this.fixtures.user(Role.COUNTY_REVIEWER, county), Role.CITY_BUREAU,
				this.fixtures.user(Role.CITY_BUREAU, city), Role.PROVINCE, this.fixtures.user(Role.PROVINCE, province));
		Application kept = this.applications.submit(this.fixtures.readyDraft(operator, policy, spaceRegion).id(), null,
				operator);
		Application objected = this.applications.submit(this.fixtures.readyDraft(operator, policy, spaceRegion).id(),
				null, operator);
		List<ReviewStage> stages = this.applications.stagesOf(kept);
		PackDefinition definition = this.applications.packOf(kept).definition();
		String noticeStage = Applications.noticeStage(definition).orElse(null);
		boolean sawNotice = false;
		boolean sawExperts = false;

		for (ReviewStage stage : stages) {
			kept = reload(kept);
			objected = (objected == null) ? null : reload(objected);
			assertThat(kept.currentStage()).isEqualTo(stage.code());
			CurrentUser reviewer = reviewers.get(Role.valueOf(kept.currentStageRole()));
			assertThat(this.applications.queue(reviewer, null, null)).extracting(Application::id).contains(kept.id());
			if (stage.code().equals(noticeStage)) {
				sawNotice = true;
				Application atNotice = kept;
				assertThatThrownBy(() -> this.applications.decide(atNotice.id(), stage.code(),
						Application.Decision.APPROVE, null, atNotice.version(), reviewer))
					.isInstanceOf(ConflictException.class)
					.hasMessageContaining("公示");
				noticeWithObjections(definition, kept, objected, reviewer, policy);
				objected = null;
				continue;
			}
			if (stage.expertsScore()) {
				sawExperts = true;
				expertReview(kept, stage, reviewer, mentor, definition);
				if (objected != null) {
					expertReview(objected, stage, reviewer, mentor, definition);
				}
			}
			kept = this.applications.decide(kept.id(), stage.code(), Application.Decision.APPROVE, "符合要求",
					kept.version(), reviewer);
			if (objected != null) {
				objected = this.applications.decide(objected.id(), stage.code(), Application.Decision.APPROVE, "符合要求",
						objected.version(), reviewer);
			}
		}
		assertThat(sawExperts).isTrue();
		assertThat(sawNotice).isEqualTo(definition.notice().required());

		kept = reload(kept);
		assertThat(kept.status()).isEqualTo(ApplicationStatus.RECOGNIZED);
		assertThat(kept.recognitionNumber()).isNotBlank();
		Recognitions.RegistryEntry entry = this.recognitions.byNumber(kept.recognitionNumber()).orElseThrow();
		assertThat(entry.name()).isEqualTo(kept.spaceName());
		assertThat(entry.policy()).isEqualTo(policy);
		assertThat(entry.level()).isEqualTo(definition.level().name());
		assertThat(this.jdbc.sql("SELECT issuing_authority FROM recognition WHERE number = :n")
			.param("n", kept.recognitionNumber())
			.query(String.class)
			.single()).isEqualTo(authority);
		assertThat(kept.recognitionNumber()).startsWith(prefix + "〔");
		long recognizedId = kept.id();
		assertThat(this.events.stream(ApplicationRecognized.class).filter((e) -> e.applicationId() == recognizedId))
			.singleElement()
			.satisfies((e) -> assertThat(e.number()).isEqualTo(entry.number()));
		assertThat(this.events.stream(ApplicationSubmitted.class).filter((e) -> e.applicationId() == recognizedId))
			.hasSize(1);
		assertThat(this.applications.history(kept.id(), operator)).extracting(ApplicationRecords.DecisionRow::decision)
			.startsWith("CREATE", "SUBMIT")
			.endsWith("APPROVE", "RECOGNIZE");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE object_type = 'application' AND object_id = :id
				  AND action IN ('APPLICATION_DECIDE', 'APPLICATION_NOTICE_RESULT')
				""").param("id", String.valueOf(kept.id())).query(Long.class).single()).isEqualTo((long) stages.size());
	}

	/**
	 * Both on one notice; an objection against each; one dismissed, one upheld; the
	 * period runs out; closing lets the first through and rejects the second.
	 */
	private void noticeWithObjections(PackDefinition definition, Application kept, Application objected,
			CurrentUser bureau, String policy) {
		assertThat(this.applicationNotices.candidates(bureau).values().stream().flatMap(List::stream))
			.extracting(Application::id)
			.contains(kept.id(), objected.id());
		long noticeId = this.applicationNotices.putOnNotice(policy, List.of(kept.id(), objected.id()), "拟认定名单公示",
				bureau);
		assertThat(this.applicationNotices.candidates(bureau).values().stream().flatMap(List::stream))
			.extracting(Application::id)
			.doesNotContain(kept.id(), objected.id());
		Notices.Published published = this.notices.publish(noticeId, ChinaTime.today(this.clock), bureau);
		assertThat(published.workingDays()).isEqualTo(definition.notice().workingDays());
		long dismissed = this.notices.lodgeObjection(noticeId, itemId(noticeId, kept.id()), "张先生", "13800001111",
				"该空间的场地面积疑似虚报，请核实。");
		long upheld = this.notices.lodgeObjection(noticeId, itemId(noticeId, objected.id()), "李女士", "13900002222",
				"该空间并无实际运营，活动照片系伪造。");
		await().atMost(Duration.ofSeconds(20)).until(() -> notified(bureau.id(), "/bureau/notices/" + noticeId) == 2);
		this.notices.answerObjection(noticeId, dismissed, 0, "DISMISSED", "实地核查，面积属实。", "异议不成立。", bureau);
		this.notices.answerObjection(noticeId, upheld, 0, "UPHELD", "实地核查，空间未运营。", "异议成立，不予认定。", bureau);
		this.clock.advance(Duration.ofDays(20));
		try {
			this.notices.close(noticeId, bureau);
		}
		finally {
			this.clock.reset();
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !this.fixtures.load(kept.id()).currentStage().equals(kept.currentStage()));
		assertThat(this.fixtures.load(kept.id()).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.fixtures.load(objected.id()).status() == ApplicationStatus.REJECTED);
		Application rejected = this.fixtures.load(objected.id());
		assertThat(this.applications.history(rejected.id(), bureau)).last()
			.satisfies((h) -> assertThat(h.reasons()).contains("异议成立，不予认定。"));
	}

	/**
	 * Three experts in a field of their own, one of them the operator's mentor: the draw
	 * takes the other two; approving before they scored is refused; their scores reveal.
	 */
	private void expertReview(Application app, ReviewStage stage, CurrentUser bureau, String mentor,
			PackDefinition definition) throws Exception {
		String field = "领域" + UUID.randomUUID().toString().substring(0, 8);
		List<TestAccounts.Account> experts = new ArrayList<>();
		for (String name : List.of("专家甲" + field, "专家乙" + field)) {
			experts.add(expert(bureau.regionCode(), name, field));
		}
		expert(bureau.regionCode(), mentor, field);
		ExpertPanels.Drawn drawn = this.applications.drawPanel(app.id(), 2, 0, Set.of(field), bureau);
		assertThat(drawn.excluded()).singleElement().satisfies((x) -> assertThat(x.reason()).contains("导师"));
		for (TestAccounts.Account expert : experts) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> notified(expert.id(), "/my-reviews/" + drawn.panelId()) == 1);
		}
		Application current = reload(app);
		assertThatThrownBy(() -> this.applications.decide(app.id(), stage.code(), Application.Decision.APPROVE, null,
				current.version(), bureau))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("评分");
		for (TestAccounts.Account expert : experts) {
			StringBuilder scores = new StringBuilder();
			for (PackDefinition.ScoringItem item : definition.scoring()) {
				scores.append(scores.isEmpty() ? "" : ",")
					.append('"')
					.append(item.code())
					.append("\":\"")
					.append(item.maxPoints() * 4 / 5)
					.append('"');
			}
			this.mvc
				.perform(post("/api/v1/expert-panels/" + drawn.panelId() + "/scores").contentType("application/json")
					.content("{\"version\":0,\"scores\":{" + scores + "},\"opinion\":\"材料真实，运营规范，同意通过。\"}")
					.with(user(expert.principal()))
					.with(csrf()))
				.andExpect(status().isOk());
		}
		assertThat(this.applications.revealedPanel(reload(app), bureau)).get()
			.satisfies((r) -> assertThat(r.results().members()).hasSize(2));
	}

	private TestAccounts.Account expert(String region, String name, String field) {
		TestAccounts.Account account = this.accounts.create(Role.EXPERT, region);
		this.jdbc.sql("""
				INSERT INTO expert (region_code, name, fields, employer, user_id, created_at)
				VALUES (:region, :name, ARRAY[:field], :employer, :user, now())
				""")
			.param("region", region)
			.param("name", name)
			.param("field", field)
			.param("employer", name + "所在大学")
			.param("user", account.id())
			.update();
		return account;
	}

	private void addMentor(long operatorId, String name) {
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

	private long operatorIdOf(CurrentUser operator) {
		return this.jdbc.sql("SELECT operator_id FROM operator_member WHERE user_id = :u")
			.param("u", operator.id())
			.query(Long.class)
			.single();
	}

	private long itemId(long noticeId, long applicationId) {
		return this.jdbc
			.sql("SELECT id FROM notice_item WHERE notice_id = :n AND subject_type = 'application' AND subject_id = :a")
			.param("n", noticeId)
			.param("a", applicationId)
			.query(Long.class)
			.single();
	}

	private long notified(long userId, String link) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :u AND link = :l")
			.param("u", userId)
			.param("l", link)
			.query(Long.class)
			.single();
	}

	private Application reload(Application app) {
		return this.fixtures.load(app.id());
	}

}
