package cn.zhongchuang.application;

import java.util.List;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.application.ApplicationEvents.ApplicationApproved;
import cn.zhongchuang.application.ApplicationEvents.ApplicationSubmitted;
import cn.zhongchuang.application.ApplicationEvents.StageDecided;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each bundled pack, through the service layer: create, upload the required
 * materials, submit, every stage of that pack in order by the role it names, approved;
 * with the events and the history.
 */
@IntegrationTest
@RecordApplicationEvents
class ApplicationJourneyTests {

	@Autowired
	Applications applications;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@ParameterizedTest
	@CsvSource({ "beijing-chaoyang-2017, 110105, 110105, 110105, 110000",
			"lanzhou-2018, 620102, 620102, 620100, 620000",
			"liaoning-specialized-2019, 210102, 210102, 210100, 210000" })
	void everyStageOfThePackInOrderLeadsToApproval(String policy, String spaceRegion, String county, String city,
			String province) {
		CurrentUser operator = this.fixtures.operator(spaceRegion).principal();
		Map<Role, CurrentUser> reviewers = Map.of(Role.COUNTY_REVIEWER,
				this.fixtures.user(Role.COUNTY_REVIEWER, county), Role.CITY_BUREAU,
				this.fixtures.user(Role.CITY_BUREAU, city), Role.PROVINCE, this.fixtures.user(Role.PROVINCE, province));
		Application app = this.fixtures.readyDraft(operator, policy, spaceRegion);

		Application submitted = this.applications.submit(app.id(), "key-" + app.id(), operator);
		assertThat(submitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(submitted.policyVersion()).isNotBlank();
		List<ReviewStage> stages = this.applications.stagesOf(submitted);
		assertThat(submitted.currentStage()).isEqualTo(stages.get(0).code());

		Application current = submitted;
		for (ReviewStage stage : stages) {
			assertThat(current.currentStage()).isEqualTo(stage.code());
			CurrentUser reviewer = reviewers.get(ApplicationRoles.deciding(stage));
			assertThat(this.applications.queue(reviewer, null, null)).extracting(Application::id).contains(app.id());
			current = this.applications.decide(app.id(), stage.code(), Application.Decision.APPROVE, "符合要求",
					current.version(), reviewer);
		}
		assertThat(current.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(current.currentStage()).isNull();

		assertThat(this.events.stream(ApplicationSubmitted.class).filter((e) -> e.applicationId() == app.id()))
			.hasSize(1);
		assertThat(this.events.stream(StageDecided.class).filter((e) -> e.applicationId() == app.id()))
			.extracting(StageDecided::stage)
			.containsExactlyElementsOf(stages.stream().map(ReviewStage::code).toList());
		assertThat(this.events.stream(ApplicationApproved.class).filter((e) -> e.applicationId() == app.id()))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.policyId()).isEqualTo(policy);
				assertThat(e.policyVersion()).isEqualTo(submitted.policyVersion());
				assertThat(e.regionCode()).isEqualTo(spaceRegion);
				assertThat(e.spaceName()).isEqualTo(app.spaceName());
			});

		List<ApplicationRecords.DecisionRow> history = this.applications.history(app.id(), operator);
		assertThat(history).extracting(ApplicationRecords.DecisionRow::decision)
			.startsWith("CREATE", "SUBMIT")
			.hasSize(2 + stages.size());
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'application' AND object_id = :id")
					.param("id", String.valueOf(app.id()))
					.query(Long.class)
					.single())
			.isEqualTo(2L + stages.size());
		assertThat(this.jdbc.sql("SELECT count(*) FROM application_material WHERE application_id = :id")
			.param("id", app.id())
			.query(Long.class)
			.single()).isEqualTo((long) this.applications.packOf(submitted).definition().materials().size());
	}

}
