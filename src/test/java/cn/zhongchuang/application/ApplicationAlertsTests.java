package cn.zhongchuang.application;

import java.time.Duration;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The people who must act next hear of it in their message centre. */
@IntegrationTest
class ApplicationAlertsTests {

	@Autowired
	Applications applications;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSubmissionReachesTheCountyReviewersAndAReturnReachesTheOperator() {
		var operatorAccount = this.fixtures.operator("620102");
		CurrentUser operator = operatorAccount.principal();
		CurrentUser county = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		CurrentUser otherCounty = this.fixtures.user(Role.COUNTY_REVIEWER, "620103");
		Application app = this.fixtures.readyDraft(operator, "lanzhou-2018", "620102");

		Application submitted = this.applications.submit(app.id(), "alert-" + app.id(), operator);

		await().atMost(Duration.ofSeconds(20)).until(() -> count(county.id(), app.id()) == 1);
		assertThat(count(otherCounty.id(), app.id())).as("another county hears nothing").isZero();

		this.applications.decide(app.id(), submitted.currentStage(), Application.Decision.RETURN, "请补充场地租赁合同",
				submitted.version(), county);

		await().atMost(Duration.ofSeconds(20)).until(() -> count(operator.id(), app.id()) == 1);
		assertThat(this.jdbc.sql("SELECT body FROM notification WHERE recipient_id = :u AND link = :l")
			.param("u", operator.id())
			.param("l", "/applications/" + app.id())
			.query(String.class)
			.single()).contains("请补充场地租赁合同");
	}

	private long count(long userId, long applicationId) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :u AND link = :l")
			.param("u", userId)
			.param("l", "/applications/" + applicationId)
			.query(Long.class)
			.single();
	}

}
