package cn.zhongchuang.application;

import java.time.Clock;
import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.sanction.Ban;
import cn.zhongchuang.sanction.Sanctions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Fraud found during review (seed 000 第十条 在认定…过程中; seed 003 四(一)3 申报材料存虚假) is recorded
 * against the application: it is rejected with the finding, the pack's ban applies to the
 * operator's credit code (Chaoyang 5 years, Liaoning 2, Lanzhou none and the page says
 * so), audited, listed in the sanctions register with the application as its subject.
 */
@IntegrationTest
class FraudDuringReviewTests {

	@Autowired
	Applications applications;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	Sanctions sanctions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Test
	void chaoyangRejectsTheApplicationAndBansTheOperatorForFiveYears() throws Exception {
		CurrentUser operator = this.fixtures.operator("110105").principal();
		CurrentUser bureau = this.fixtures.user(Role.CITY_BUREAU, "110105");
		Application app = submitted(operator, "beijing-chaoyang-2017", "110105");
		LocalDate today = ChinaTime.today(this.clock);

		this.mvc.perform(get("/applications/" + app.id()).with(user(TestPrincipal.of(bureau))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"fraud-form\""),
					containsString("5 年内（至" + ChinaTime.format(today.plusYears(5)) + "）不得提出任何级别的认定申请"),
					containsString("data-confirm"))));
		// a finding must be written: nothing is recorded without one
		this.mvc
			.perform(post("/applications/" + app.id() + "/fraud").with(csrf())
				.with(user(TestPrincipal.of(bureau)))
				.param("finding", "  ")
				.param("version", String.valueOf(app.version())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请填写认定的欺诈事实")));
		assertThat(this.fixtures.load(app.id()).status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(sanctionsOf(app)).isZero();

		this.mvc
			.perform(post("/applications/" + app.id() + "/fraud").with(csrf())
				.with(user(TestPrincipal.of(bureau)))
				.param("finding", "在孵企业孵化协议系伪造")
				.param("version", String.valueOf(app.version())))
			.andExpect(status().is3xxRedirection());

		Application rejected = this.fixtures.load(app.id());
		assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(this.applications.history(app.id(), bureau)).last().satisfies((h) -> {
			assertThat(h.decision()).isEqualTo("FRAUD");
			assertThat(h.reasons()).contains("在孵企业孵化协议系伪造", "5 年内");
		});
		String creditCode = creditCodeOf(app);
		Ban ban = this.sanctions.activeBan(creditCode, today).orElseThrow();
		assertThat(ban.endsOn()).isEqualTo(today.plusYears(5));
		assertThat(ban.recognitionNumber()).isNull();
		assertThat(ban.message()).contains("认定申请「" + app.spaceName() + "」");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'APPLICATION_FRAUD' AND object_id = :id")
					.param("id", String.valueOf(app.id()))
					.query(Long.class)
					.single())
			.isEqualTo(1);
		// the banned operator can open no new application
		assertThatThrownBy(() -> this.fixtures.readyDraft(operator, "beijing-chaoyang-2017", "110105"))
			.isInstanceOf(FieldErrorException.class);

		this.mvc.perform(get("/api/v1/sanctions").param("q", creditCode).with(user(TestPrincipal.of(bureau))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].subjectType").value("application"))
			.andExpect(jsonPath("$.items[0].applicationId").value(app.id()))
			.andExpect(jsonPath("$.items[0].recognitionId").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.items[0].titleRevoked").value(false))
			.andExpect(jsonPath("$.items[0].banYears").value(5))
			.andExpect(jsonPath("$.items[0].banActive").value(true));
		this.mvc.perform(get("/bureau/sanctions").param("q", creditCode).with(user(TestPrincipal.of(bureau))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("认定申请 #" + app.id()),
					containsString("/applications/" + app.id()), containsString("在孵企业孵化协议系伪造"))));

		// decided: no second finding, no fraud form any more
		assertThatThrownBy(() -> this.applications.reportFraud(app.id(), "再次", rejected.version(), bureau))
			.isInstanceOf(ConflictException.class);
		this.mvc.perform(get("/applications/" + app.id()).with(user(TestPrincipal.of(bureau))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"fraud-form\""))));
	}

	@Test
	void liaoningBansForTwoYearsAndLanzhouSetsNoBanAndSaysSo() {
		CurrentUser liaoningOperator = this.fixtures.operator("210102").principal();
		CurrentUser city = this.fixtures.user(Role.CITY_BUREAU, "210100");
		Application liaoning = submitted(liaoningOperator, "liaoning-specialized-2019", "210102");
		LocalDate today = ChinaTime.today(this.clock);
		this.applications.reportFraud(liaoning.id(), "细分领域企业名单虚报", liaoning.version(), city);
		assertThat(this.sanctions.activeBan(creditCodeOf(liaoning), today).orElseThrow().endsOn())
			.isEqualTo(today.plusYears(2));

		CurrentUser lanzhouOperator = this.fixtures.operator("620102").principal();
		CurrentUser county = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		Application lanzhou = submitted(lanzhouOperator, "lanzhou-2018", "620102");
		assertThat(this.applications.fraudConsequence(lanzhou).text()).contains("未规定禁止申请年限");
		Application rejected = this.applications.reportFraud(lanzhou.id(), "场地租赁合同系伪造", lanzhou.version(), county);
		assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(this.sanctions.activeBan(creditCodeOf(lanzhou), today)).isEmpty();
		assertThat(this.jdbc
			.sql("SELECT ban_years IS NULL AND ban_ends_on IS NULL FROM sanction WHERE application_id = :id")
			.param("id", lanzhou.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void onlyAReviewerOfThePackInTheRegionMayRecordIt() {
		CurrentUser operator = this.fixtures.operator("110105").principal();
		Application app = submitted(operator, "beijing-chaoyang-2017", "110105");
		// Chaoyang's stages are the district bureau's (and its experts'): a province user
		// reviews none
		CurrentUser province = this.fixtures.user(Role.PROVINCE, "110000");
		assertThatThrownBy(() -> this.applications.reportFraud(app.id(), "虚假", app.version(), province))
			.isInstanceOf(AccessDeniedException.class);
		CurrentUser elsewhere = this.fixtures.user(Role.CITY_BUREAU, "110108");
		assertThatThrownBy(() -> this.applications.reportFraud(app.id(), "虚假", app.version(), elsewhere))
			.isInstanceOf(cn.zhongchuang.platform.NotFoundException.class);
		assertThatThrownBy(() -> this.applications.reportFraud(app.id(), "虚假", app.version(), operator))
			.isInstanceOf(cn.zhongchuang.platform.NotFoundException.class);
		CurrentUser bureau = this.fixtures.user(Role.CITY_BUREAU, "110105");
		assertThatThrownBy(() -> this.applications.reportFraud(app.id(), "虚假", app.version() + 1, bureau))
			.isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
		assertThat(sanctionsOf(app)).isZero();
		assertThat(this.fixtures.load(app.id()).status()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	private Application submitted(CurrentUser operator, String policy, String region) {
		return this.applications.submit(this.fixtures.readyDraft(operator, policy, region).id(), null, operator);
	}

	private long sanctionsOf(Application app) {
		return this.jdbc.sql("SELECT count(*) FROM sanction WHERE application_id = :id")
			.param("id", app.id())
			.query(Long.class)
			.single();
	}

	private String creditCodeOf(Application app) {
		return this.jdbc.sql("SELECT credit_code FROM operator_organisation WHERE id = :id")
			.param("id", app.operatorId())
			.query(String.class)
			.single();
	}

}
