package cn.zhongchuang.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.notice.NoticeItem;
import cn.zhongchuang.notice.Notices;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 撤回公示: the applications on a withdrawn notice wait at the notice stage again, on no
 * notice, with the withdrawal in their history, and go on a new notice.
 */
@IntegrationTest
class NoticeWithdrawalTests {

	static final String POLICY = "lanzhou-2018";

	@Autowired
	Applications applications;

	@Autowired
	ApplicationNotices applicationNotices;

	@Autowired
	ApplicationRecords records;

	@Autowired
	Notices notices;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theApplicationsOfAWithdrawnNoticeAreFreeForANewNotice() {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application first = atNoticeStage(operator);
		Application second = atNoticeStage(operator);
		ReviewStage stage = noticeStage(first);
		CurrentUser bureau = this.fixtures.user(Role.valueOf(stage.role().name()), regionOf(stage));

		long noticeId = this.applicationNotices.putOnNotice(POLICY, List.of(first.id(), second.id()), "拟认定名单公示",
				bureau);
		this.notices.publish(noticeId, ChinaTime.today(this.clock), bureau);
		assertThat(candidates(bureau)).doesNotContain(first.id(), second.id());

		this.notices.withdraw(noticeId, "名单中一家机构的申报材料需补正。", bureau);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.fixtures.load(first.id()).noticeId() == null
					&& this.fixtures.load(second.id()).noticeId() == null);
		for (Application app : List.of(first, second)) {
			Application now = this.fixtures.load(app.id());
			assertThat(now.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
			assertThat(now.currentStage()).isEqualTo(stage.code());
			assertThat(this.records.decisions(app.id())).last().satisfies((d) -> {
				assertThat(d.decision()).isEqualTo("NOTICE_WITHDRAWN");
				assertThat(d.reasons()).contains("名单中一家机构的申报材料需补正。");
			});
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM audit_event WHERE action = 'APPLICATION_NOTICE_WITHDRAWN'
					  AND object_type = 'application' AND object_id = :id
					""").param("id", String.valueOf(app.id())).query(Long.class).single()).isEqualTo(1);
		}
		assertThat(candidates(bureau)).contains(first.id(), second.id());

		long again = this.applicationNotices.putOnNotice(POLICY, List.of(first.id(), second.id()), "拟认定名单重新公示", bureau);
		assertThat(again).isNotEqualTo(noticeId);
		assertThat(this.fixtures.load(first.id()).noticeId()).isEqualTo(again);
		assertThat(this.fixtures.load(second.id()).noticeId()).isEqualTo(again);

		// a redelivered withdrawal of the old notice leaves them on the new one
		this.applicationNotices.apply(new Notices.NoticeWithdrawn(noticeId, POLICY, List.of(first.id(), second.id()),
				List.of(first, second)
					.stream()
					.map((a) -> new NoticeItem(Applications.OWNER_TYPE, a.id(), a.spaceName(), a.operatorName(), null,
							a.kind(), a.specialization(), "CITY", a.regionCode()))
					.toList(),
				"重复投递"));
		assertThat(this.fixtures.load(first.id()).noticeId()).isEqualTo(again);
	}

	/**
	 * A submitted application moved straight to the pack's notice stage, as if every
	 * stage before it had passed (the journey test walks them).
	 */
	private Application atNoticeStage(CurrentUser operator) {
		Application app = this.applications.submit(this.fixtures.readyDraft(operator, POLICY, "620102").id(), null,
				operator);
		ReviewStage stage = noticeStage(app);
		this.jdbc.sql("""
				UPDATE application SET status = 'IN_REVIEW', current_stage = :code, current_stage_name = :name,
				  current_stage_role = :role WHERE id = :id
				""")
			.param("code", stage.code())
			.param("name", stage.name())
			.param("role", stage.role().name())
			.param("id", app.id())
			.update();
		return this.fixtures.load(app.id());
	}

	private ReviewStage noticeStage(Application app) {
		String code = Applications.noticeStage(this.applications.packOf(app).definition()).orElseThrow();
		return this.applications.stagesOf(app).stream().filter((s) -> s.code().equals(code)).findFirst().orElseThrow();
	}

	private static String regionOf(ReviewStage stage) {
		return switch (stage.role()) {
			case COUNTY_REVIEWER -> "620102";
			case CITY_BUREAU -> "620100";
			default -> "620000";
		};
	}

	private List<Long> candidates(CurrentUser bureau) {
		return this.applicationNotices.candidates(bureau)
			.values()
			.stream()
			.flatMap(List::stream)
			.map(Application::id)
			.toList();
	}

}
