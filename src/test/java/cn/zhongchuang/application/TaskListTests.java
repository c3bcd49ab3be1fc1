package cn.zhongchuang.application;

import java.time.Clock;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TaskCounts;
import cn.zhongchuang.notice.NoticeItem;
import cn.zhongchuang.notice.Notices;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 待办 of a reviewer: the applications at the stage of their role and the objections to
 * answer count exactly the records made here, and a task done leaves the count; an
 * operator sees neither.
 */
@IntegrationTest
class TaskListTests {

	@Autowired
	Applications applications;

	@Autowired
	Notices notices;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Test
	void aReviewerCountsTheApplicationsAtTheirStageAndAReturnedOneLeaves() throws Exception {
		// 城关区 (620102): the first stage of the Lanzhou pack is the county's
		CurrentUser county = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		CurrentUser operator = this.fixtures.operator("620102").principal();
		long before = TaskCounts.on(this.mvc, county, "home-applications");

		Application first = this.applications.submit(this.fixtures.readyDraft(operator, "lanzhou-2018", "620102").id(),
				null, operator);
		this.applications.submit(this.fixtures.readyDraft(operator, "lanzhou-2018", "620102").id(), null, operator);
		assertThat(TaskCounts.on(this.mvc, county, "home-applications")).isEqualTo(before + 2);
		assertThat(this.mvc.perform(get("/").with(user(TestPrincipal.of(county))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("认定申请待审查 " + (before + 2) + " 件");

		first = this.fixtures.load(first.id());
		this.applications.decide(first.id(), first.currentStage(), Application.Decision.RETURN, "请补充场地租赁合同",
				first.version(), county);
		assertThat(TaskCounts.on(this.mvc, county, "home-applications")).isEqualTo(before + 1);
		// the operator's returned application is its own task, the reviews are not
		assertThat(TaskCounts.on(this.mvc, operator, "home-applications")).isEqualTo(1);
		assertThat(TaskCounts.on(this.mvc, operator, "home-task-objections")).isZero();
	}

	@Test
	void aBureauCountsTheObjectionsToAnswerAndAnAnsweredOneLeaves() throws Exception {
		CurrentUser county = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		long before = TaskCounts.on(this.mvc, county, "home-task-objections");
		long id = this.notices.draft("lanzhou-2018", "620102", "城关区众创空间拟认定名单公示",
				List.of(item(9101, "待办甲空间"), item(9102, "待办乙空间")), county);
		this.notices.publish(id, ChinaTime.today(this.clock), county);
		List<Long> items = this.jdbc.sql("SELECT id FROM notice_item WHERE notice_id = :id ORDER BY id")
			.param("id", id)
			.query(Long.class)
			.list();
		long objection = this.notices.lodgeObjection(id, items.get(0), "张三", "13800001111", "场地面积与申报不符，请核实。");
		this.notices.lodgeObjection(id, items.get(1), "李四", "13800002222", "运营团队人数与申报不符，请核实。");
		assertThat(TaskCounts.on(this.mvc, county, "home-task-objections")).isEqualTo(before + 2);
		// a county elsewhere does not see them
		CurrentUser other = this.fixtures.user(Role.COUNTY_REVIEWER, "620103");
		long otherBefore = TaskCounts.on(this.mvc, other, "home-task-objections");

		int version = this.jdbc.sql("SELECT version FROM notice_objection WHERE id = :id")
			.param("id", objection)
			.query(Integer.class)
			.single();
		this.notices.answerObjection(id, objection, version, "DISMISSED", "实地核查，面积属实。", "异议不成立。", county);
		assertThat(TaskCounts.on(this.mvc, county, "home-task-objections")).isEqualTo(before + 1);
		assertThat(TaskCounts.on(this.mvc, other, "home-task-objections")).isEqualTo(otherBefore);
	}

	private static NoticeItem item(long id, String name) {
		return new NoticeItem("application", id, name, name + "运营有限公司",
				CreditCodes.generate("9", "1", "620100", String.format("MA7%05d", id)), "MAKER_SPACE", "COMPREHENSIVE",
				"CITY", "620102");
	}

}
