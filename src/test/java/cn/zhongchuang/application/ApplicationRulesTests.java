package cn.zhongchuang.application;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.attachment.AttachmentRef;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may see and do what, the stage order, optimistic locking, idempotent submission,
 * return and resubmission, and refused uploads — through the service and the pages.
 */
@IntegrationTest
class ApplicationRulesTests {

	@Autowired
	Applications applications;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private Application submittedLanzhou(CurrentUser operator) {
		Application app = this.fixtures.readyDraft(operator, "lanzhou-2018", "620102");
		return this.applications.submit(app.id(), null, operator);
	}

	@Test
	void anOperatorCannotSeeAnotherOperatorsApplicationOrAttachment() throws Exception {
		CurrentUser mine = this.fixtures.operator("620102").principal();
		CurrentUser theirs = this.fixtures.operator("620102").principal();
		Application app = this.fixtures.readyDraft(theirs, "lanzhou-2018", "620102");
		AttachmentRef file = this.applications.materials(app, this.applications.packOf(app)).get(0).files().get(0);

		assertThatThrownBy(() -> this.applications.get(app.id(), mine)).isInstanceOf(NotFoundException.class);
		this.mvc.perform(get("/applications/" + app.id()).with(user((TestPrincipal.of(mine)))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/applications/" + app.id() + "/attachments/" + file.id()).with(user(TestPrincipal.of(mine))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(
					get("/applications/" + app.id() + "/attachments/" + file.id()).with(user(TestPrincipal.of(theirs))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		this.mvc.perform(post("/applications/" + app.id() + "/submit").with(csrf()).with(user(TestPrincipal.of(mine))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCountyReviewerCannotSeeOrActOnAnotherCountysApplication() throws Exception {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application app = submittedLanzhou(operator);
		CurrentUser otherCounty = this.fixtures.user(Role.COUNTY_REVIEWER, "620103");
		CurrentUser ownCounty = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");

		assertThat(this.applications.queue(otherCounty, null, null)).extracting(Application::id)
			.doesNotContain(app.id());
		assertThat(this.applications.queue(ownCounty, null, null)).extracting(Application::id).contains(app.id());
		assertThatThrownBy(() -> this.applications.decide(app.id(), "COUNTY_PRELIMINARY_REVIEW",
				Application.Decision.APPROVE, null, app.version(), otherCounty))
			.isInstanceOf(NotFoundException.class);
		this.mvc
			.perform(post("/applications/" + app.id() + "/decision").with(csrf())
				.with(user(TestPrincipal.of(otherCounty)))
				.param("stage", "COUNTY_PRELIMINARY_REVIEW")
				.param("decision", "APPROVE")
				.param("version", String.valueOf(app.version())))
			.andExpect(status().isNotFound());
		// experts and other roles see nothing
		CurrentUser expert = this.fixtures.user(Role.EXPERT, "620100");
		assertThatThrownBy(() -> this.applications.get(app.id(), expert)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aStageCannotBeSkippedNorDecidedByTheWrongRole() throws Exception {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application app = submittedLanzhou(operator);
		CurrentUser bureau = this.fixtures.user(Role.CITY_BUREAU, "620100");

		assertThatThrownBy(() -> this.applications.decide(app.id(), "BUREAU_DECISION", Application.Decision.APPROVE,
				null, app.version(), bureau))
			.isInstanceOf(ConflictException.class);
		this.mvc
			.perform(post("/applications/" + app.id() + "/decision").with(csrf())
				.with(user(TestPrincipal.of(bureau)))
				.param("stage", "BUREAU_DECISION")
				.param("decision", "APPROVE")
				.param("version", String.valueOf(app.version())))
			.andExpect(status().isConflict());
		assertThatThrownBy(() -> this.applications.decide(app.id(), "COUNTY_PRELIMINARY_REVIEW",
				Application.Decision.APPROVE, null, app.version(), bureau))
			.isInstanceOf(AccessDeniedException.class);
		this.mvc
			.perform(post("/applications/" + app.id() + "/decision").with(csrf())
				.with(user(TestPrincipal.of(bureau)))
				.param("stage", "COUNTY_PRELIMINARY_REVIEW")
				.param("decision", "APPROVE")
				.param("version", String.valueOf(app.version())))
			.andExpect(status().isForbidden());
		assertThat(this.applications.get(app.id(), operator).currentStage()).isEqualTo("COUNTY_PRELIMINARY_REVIEW");
	}

	@Test
	void twoConcurrentSubmitsMakeOneSubmission() throws Exception {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application app = this.fixtures.readyDraft(operator, "lanzhou-2018", "620102");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Application>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Callable<Application> submit = () -> {
					start.await();
					return this.applications.submit(app.id(), "double-click-" + app.id(), operator);
				};
				results.add(pool.submit(submit));
			}
			start.countDown();
			for (Future<Application> result : results) {
				assertThat(result.get().status()).isEqualTo(ApplicationStatus.SUBMITTED);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM application_decision WHERE application_id = :id AND decision = 'SUBMIT'")
			.param("id", app.id())
			.query(Long.class)
			.single()).isEqualTo(1L);
		// a later retry with a new key is refused: it is no longer a draft
		assertThatThrownBy(() -> this.applications.submit(app.id(), "another", operator))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aStaleDecisionIsRefusedAndNothingIsLost() throws Exception {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application app = submittedLanzhou(operator);
		CurrentUser first = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		CurrentUser second = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		this.applications.decide(app.id(), "COUNTY_PRELIMINARY_REVIEW", Application.Decision.APPROVE, "推荐",
				app.version(), first);
		assertThatThrownBy(() -> this.applications.decide(app.id(), "COUNTY_PRELIMINARY_REVIEW",
				Application.Decision.RETURN, "材料不全", app.version(), second))
			.isInstanceOf(OptimisticLockingFailureException.class);
		this.mvc
			.perform(post("/applications/" + app.id() + "/decision").with(csrf())
				.with(user(TestPrincipal.of(second)))
				.param("stage", "COUNTY_PRELIMINARY_REVIEW")
				.param("decision", "RETURN")
				.param("reasons", "材料不全")
				.param("version", String.valueOf(app.version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("已被他人修改")));
		Application now = this.applications.visible(app.id(), operator);
		assertThat(now.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(now.currentStage()).isEqualTo("EXPERT_REVIEW");
	}

	@Test
	void aReturnedApplicationIsRevisedAndGoesBackToTheStageThatReturnedIt() {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application app = submittedLanzhou(operator);
		CurrentUser county = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		CurrentUser bureau = this.fixtures.user(Role.CITY_BUREAU, "620100");
		Application a = this.applications.decide(app.id(), "COUNTY_PRELIMINARY_REVIEW", Application.Decision.APPROVE,
				null, app.version(), county);
		assertThatThrownBy(() -> this.applications.decide(app.id(), "EXPERT_REVIEW", Application.Decision.RETURN, " ",
				a.version(), bureau))
			.isInstanceOf(FieldErrorException.class);
		Application returned = this.applications.decide(app.id(), "EXPERT_REVIEW", Application.Decision.RETURN,
				"请补充场地租赁合同", a.version(), bureau);
		assertThat(returned.status()).isEqualTo(ApplicationStatus.RETURNED);
		assertThat(this.applications.queue(bureau, null, null)).extracting(Application::id).doesNotContain(app.id());
		Application resubmitted = this.applications.resubmit(app.id(), returned.version(), operator);
		assertThat(resubmitted.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(resubmitted.currentStage()).isEqualTo("EXPERT_REVIEW");
		Application rejected = this.applications.decide(app.id(), "EXPERT_REVIEW", Application.Decision.REJECT,
				"不符合第 3 条", resubmitted.version(), bureau);
		assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThatThrownBy(() -> this.applications.withdraw(app.id(), rejected.version(), operator))
			.isInstanceOf(ConflictException.class);
		assertThat(this.applications.history(app.id(), county)).extracting(ApplicationRecords.DecisionRow::reasons)
			.contains("请补充场地租赁合同", "不符合第 3 条");
	}

	@Test
	void submitNeedsTheRequiredMaterialsAndAnOverrideNeedsAReason() {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application app = this.applications.create(operator, "lanzhou-2018", "缺材料空间", "620102", null);
		assertThatThrownBy(() -> this.applications.submit(app.id(), null, operator)).isInstanceOfSatisfying(
				FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("material.APPLICATION_FORM"));
		assertThatThrownBy(() -> this.applications.saveFacts(app.id(), operator,
				java.util.Map.of("o.operator.registeredRegion", "620103")))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKey("r.operator.registeredRegion"));
		var view = this.applications.saveFacts(app.id(), operator,
				java.util.Map.of("d.operator.stableRevenue", "true", "d.space.onlineServices", "false"));
		assertThat(view.facts()).filteredOn((r) -> r.field().path().equals("operator.stableRevenue"))
			.singleElement()
			.satisfies((r) -> assertThat(r.value()).isEqualTo("true"));
		assertThatThrownBy(() -> this.applications.create(operator, "beijing-chaoyang-2017", "外地", "110105", null))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("policyId"));
	}

	@Test
	void uploadsRefuseRenamedExecutablesOversizedFilesAndKeepNoPathFromTheName() throws Exception {
		TestAccounts.Account account = this.fixtures.operator("620102");
		CurrentUser operator = account.principal();
		Application app = this.applications.create(operator, "lanzhou-2018", "上传空间", "620102", null);
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertThatThrownBy(() -> this.applications.upload(app.id(), "APPLICATION_FORM", "申报书.pdf",
				new ByteArrayInputStream(exe), exe.length, operator))
			.isInstanceOf(FieldErrorException.class);
		byte[] big = new byte[(int) cn.zhongchuang.attachment.Policy.MAX_BYTES + 10];
		System.arraycopy(ApplicationFixtures.PDF, 0, big, 0, ApplicationFixtures.PDF.length);
		assertThatThrownBy(() -> this.applications.upload(app.id(), "APPLICATION_FORM", "big.pdf",
				new ByteArrayInputStream(big), big.length, operator))
			.isInstanceOf(FieldErrorException.class);
		this.mvc
			.perform(multipart("/applications/" + app.id() + "/materials/APPLICATION_FORM")
				.file(new MockMultipartFile("file", "../../etc/passwd.pdf", "application/pdf", ApplicationFixtures.PDF))
				.with(csrf())
				.with(user(TestPrincipal.of(operator))))
			.andExpect(status().is3xxRedirection());
		AttachmentRef stored = this.applications.materials(app, this.applications.packOf(app)).get(0).files().get(0);
		assertThat(stored.displayName()).doesNotContain("/").doesNotContain("..");
	}

	@Test
	void pagesRenderForTheOperatorAndTheReviewer() throws Exception {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application draft = this.fixtures.readyDraft(operator, "lanzhou-2018", "620102");
		this.mvc.perform(get("/applications").with(user(TestPrincipal.of(operator))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(draft.spaceName())));
		this.mvc.perform(get("/applications/new").with(user(TestPrincipal.of(operator)))).andExpect(status().isOk());
		this.mvc.perform(get("/applications/" + draft.id()).with(user(TestPrincipal.of(operator))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("系统计算")));
		this.mvc
			.perform(post("/applications/" + draft.id() + "/facts").with(csrf())
				.with(user(TestPrincipal.of(operator)))
				.header("HX-Request", "true")
				.param("d.space.onlineServices", "maybe"))
			.andExpect(status().is(422));
		this.mvc
			.perform(post("/applications/" + draft.id() + "/submit").with(csrf())
				.with(user(TestPrincipal.of(operator)))
				.param("submissionKey", "page-" + draft.id()))
			.andExpect(status().is3xxRedirection());
		CurrentUser county = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		this.mvc.perform(get("/applications").with(user(TestPrincipal.of(county))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(draft.spaceName())));
		this.mvc.perform(get("/applications/" + draft.id()).with(user(TestPrincipal.of(county))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("decision-form")));
	}

	@Test
	void theApiAnswersInTheSameScope() throws Exception {
		CurrentUser mine = this.fixtures.operator("620102").principal();
		CurrentUser theirs = this.fixtures.operator("620102").principal();
		Application app = submittedLanzhou(theirs);
		this.mvc.perform(get("/api/v1/applications/" + app.id()).with(user(TestPrincipal.of(theirs))))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
				.value("SUBMITTED"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.currentStage")
				.value("COUNTY_PRELIMINARY_REVIEW"))
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.history[1].decision")
						.value("SUBMIT"));
		this.mvc.perform(get("/api/v1/applications/" + app.id()).with(user(TestPrincipal.of(mine))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		CurrentUser county = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		this.mvc.perform(get("/api/v1/applications").with(user(TestPrincipal.of(county))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(app.spaceName())));
	}

}
