package cn.zhongchuang.notice;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notice's life through its API: the period on the official calendar, objections, and
 * the guarded close that reports the items no upheld objection removed.
 */
@IntegrationTest
@RecordApplicationEvents
class NoticeTests {

	@Autowired
	Notices notices;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	static NoticeItem item(long id, String name, String region) {
		return new NoticeItem("application", id, name, name + "运营有限公司",
				CreditCodes.generate("9", "1", "620100", String.format("MA7%05d", id)), "MAKER_SPACE", "COMPREHENSIVE",
				"CITY", region);
	}

	CurrentUser lanzhouBureau() {
		return this.accounts.create(Role.CITY_BUREAU, "620100").principal();
	}

	long draft(CurrentUser bureau, NoticeItem... items) {
		return this.notices.draft("lanzhou-2018", "620100", "兰州市众创空间拟认定名单公示", List.of(items), bureau);
	}

	@Test
	void theLanzhouPeriodIsFiveWorkingDaysOverTheSpringFestival() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(101, "春节空间", "620102"));
		// Thu 12 Feb, Fri 13 Feb, Sat 14 Feb (make-up day), holiday 15–23 Feb, Tue 24,
		// Wed 25.
		Notices.Published published = this.notices.publishRecorded(id, LocalDate.of(2026, 2, 12), bureau);
		assertThat(published.endsOn()).isEqualTo(LocalDate.of(2026, 2, 25));
		assertThat(published.workingDays()).isEqualTo(5);
		assertThat(published.calendarWarning()).isNull();
	}

	@Test
	void aNoticeStartsTodayOrLaterAndCannotBeClosedBeforeItsLastWorkingDay() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(105, "补课空间", "620102"));
		LocalDate today = this.notices.today();
		assertThatThrownBy(() -> this.notices.publish(id, today.minusDays(30), bureau)).isInstanceOfSatisfying(
				FieldErrorException.class, (ex) -> assertThat(ex.errors().get("startsOn")).contains("不能早于今天"));
		assertThat(this.notices.get(id, bureau).status()).isEqualTo(Notice.Status.DRAFT);
		this.notices.publish(id, today, bureau);
		LocalDate last = this.notices.get(id, bureau).endsOn();
		assertThatThrownBy(() -> this.notices.close(id, bureau)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("期满后才能结束公示");
		// on its last working day it is still open: closing waits for the day after
		assertThatThrownBy(() -> this.notices.close(id, bureau, last)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("期满后才能结束公示");
		assertThat(this.notices.get(id, bureau).status()).isEqualTo(Notice.Status.PUBLISHED);
	}

	@Test
	void aPublishedNoticeIsWithdrawnOnlyWithAReasonAndAudited() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(111, "撤回甲空间", "620102"), item(112, "撤回乙空间", "620103"));
		assertThatThrownBy(() -> this.notices.withdraw(id, "草稿也想撤回", bureau)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("只有公示中的公示可以撤回");
		this.notices.publish(id, this.notices.today(), bureau);

		for (String blank : new String[] { null, "", "   " }) {
			assertThatThrownBy(() -> this.notices.withdraw(id, blank, bureau)).isInstanceOfSatisfying(
					FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsOnlyKeys("reason"));
		}
		assertThatThrownBy(() -> this.notices.withdraw(id, "长".repeat(501), bureau)).isInstanceOfSatisfying(
				FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsOnlyKeys("reason"));
		assertThat(this.notices.get(id, bureau).status()).isEqualTo(Notice.Status.PUBLISHED);
		assertThat(withdrawAudits(id)).isZero();

		Notices.NoticeWithdrawn withdrawn = this.notices.withdraw(id, "  名单中一家机构的申报材料需补正。 ", bureau);
		assertThat(withdrawn.subjectIds()).containsExactly(111L, 112L);
		assertThat(withdrawn.reason()).isEqualTo("名单中一家机构的申报材料需补正。");
		assertThat(this.events.stream(Notices.NoticeWithdrawn.class).toList()).contains(withdrawn);
		Notice stored = this.notices.get(id, bureau);
		assertThat(stored.status()).isEqualTo(Notice.Status.WITHDRAWN);
		assertThat(stored.withdrawalReason()).isEqualTo("名单中一家机构的申报材料需补正。");
		assertThat(stored.withdrawnBy()).isEqualTo(bureau.username());
		assertThat(stored.withdrawnAt()).isNotNull();
		assertThat(withdrawAudits(id)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'NOTICE_WITHDRAW' AND object_id = :id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single()).contains("名单中一家机构的申报材料需补正。");

		// withdrawn is final: no second withdrawal, no close, no objection
		assertThatThrownBy(() -> this.notices.withdraw(id, "再撤一次", bureau)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.notices.close(id, bureau, LocalDate.of(2099, 1, 1)))
			.isInstanceOf(ConflictException.class);
		long itemId = stored.items().get(0).id();
		assertThatThrownBy(() -> this.notices.lodgeObjection(id, itemId, "张三", "13800001111", "撤回后仍想提出的异议内容。"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anOperatorOrAnotherRegionCannotWithdraw() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(113, "他区空间", "620102"));
		this.notices.publish(id, this.notices.today(), bureau);
		CurrentUser operator = this.accounts.create(Role.OPERATOR, "620102").principal();
		CurrentUser liaoning = this.accounts.create(Role.PROVINCE, "210000").principal();
		assertThatThrownBy(() -> this.notices.withdraw(id, "越权撤回", operator)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.notices.withdraw(id, "越权撤回", liaoning)).isInstanceOf(NotFoundException.class);
		assertThat(this.notices.get(id, bureau).status()).isEqualTo(Notice.Status.PUBLISHED);
		assertThat(withdrawAudits(id)).isZero();
	}

	long withdrawAudits(long noticeId) {
		return this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE action = 'NOTICE_WITHDRAW' AND object_type = 'notice' AND object_id = :id")
			.param("id", String.valueOf(noticeId))
			.query(Long.class)
			.single();
	}

	@Test
	void andOverNationalDay() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(102, "国庆空间", "620102"));
		// Tue 29 Sep, Wed 30 Sep, holiday 1–7 Oct, Thu 8, Fri 9, Sat 10 Oct (make-up
		// day).
		assertThat(this.notices.publishRecorded(id, LocalDate.of(2026, 9, 29), bureau).endsOn())
			.isEqualTo(LocalDate.of(2026, 10, 10));
	}

	@Test
	void aYearWithoutScheduleIsCountedMondayToFridayWithAWarning() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(103, "远期空间", "620102"));
		Notices.Published published = this.notices.publishRecorded(id, LocalDate.of(2031, 3, 3), bureau);
		assertThat(published.endsOn()).isEqualTo(LocalDate.of(2031, 3, 7));
		assertThat(published.calendarWarning()).contains("2031年");
		assertThat(this.notices.get(id, bureau).calendarWarning()).contains("2031年");
	}

	@Test
	void aPolicyWithoutNoticeAndAnEmptyListAreRefused() {
		CurrentUser chaoyang = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		assertThatThrownBy(() -> this.notices.draft("beijing-chaoyang-2017", "110105", "朝阳公示",
				List.of(item(104, "朝阳空间", "110105")), chaoyang))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("policyId"));
		assertThatThrownBy(() -> this.notices.draft("lanzhou-2018", "620100", "空名单", List.of(), lanzhouBureau()))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("items"));
	}

	@Test
	void closeIsRefusedBeforeTheEndAndWhileAnObjectionIsOpen() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(105, "甲空间", "620102"), item(106, "乙空间", "620103"));
		this.notices.publishRecorded(id, LocalDate.of(2026, 9, 29), bureau);
		long itemId = this.notices.get(id, bureau).items().get(0).id();
		long objection = this.notices.lodgeObjection(id, itemId, "张三", "13800001111", "该空间的场地面积与申报不符，请核实。",
				LocalDate.of(2026, 10, 8));

		assertThatThrownBy(() -> this.notices.close(id, bureau, LocalDate.of(2026, 10, 10)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("期满");
		assertThatThrownBy(() -> this.notices.close(id, bureau, LocalDate.of(2026, 10, 12)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("异议");
		// After the end, nobody can lodge another.
		assertThatThrownBy(() -> this.notices.lodgeObjection(id, itemId, "李四", "13800002222", "公示期后才提出的异议内容。",
				LocalDate.of(2026, 10, 12)))
			.isInstanceOf(ConflictException.class);

		Objection stored = this.notices.objections(id).get(0);
		this.notices.answerObjection(id, objection, stored.version(), "DISMISSED", "实地核查，面积属实。", "异议不成立。", bureau);
		assertThatThrownBy(() -> this.notices.answerObjection(id, objection, stored.version() + 1, "UPHELD", "再答一次",
				"再答一次", bureau))
			.isInstanceOf(ConflictException.class);
		Notices.NoticeClosed closed = this.notices.close(id, bureau, LocalDate.of(2026, 10, 12));
		assertThat(closed.subjectIds()).containsExactly(105L, 106L);
		assertThat(this.events.stream(Notices.NoticeClosed.class).toList()).contains(closed);
		assertThatThrownBy(() -> this.notices.close(id, bureau, LocalDate.of(2026, 10, 13)))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anUpheldObjectionRemovesTheItemFromNoticeClosed() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(107, "真空间", "620102"), item(108, "假空间", "620103"));
		this.notices.publishRecorded(id, LocalDate.of(2026, 2, 12), bureau);
		long fake = this.notices.get(id, bureau).items().get(1).id();
		long objection = this.notices.lodgeObjection(id, fake, "王五", "13900003333", "该空间无实际运营，活动照片系伪造。",
				LocalDate.of(2026, 2, 13));
		this.notices.answerObjection(id, objection, 0, "UPHELD", "实地核查，空间未运营。", "异议成立，不予认定。", bureau);

		Notices.NoticeClosed closed = this.notices.close(id, bureau, LocalDate.of(2026, 2, 26));
		assertThat(closed.subjectIds()).containsExactly(107L);
		assertThat(closed.items()).extracting(NoticeItem::institutionName).containsExactly("真空间");
		assertThat(closed.removed()).singleElement().satisfies((r) -> {
			assertThat(r.item().subjectId()).isEqualTo(108L);
			assertThat(r.answer()).isEqualTo("异议成立，不予认定。");
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'notice' AND object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void objectionsAreCheckedFieldByField() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(109, "丙空间", "620102"));
		this.notices.publishRecorded(id, LocalDate.of(2026, 2, 12), bureau);
		assertThatThrownBy(() -> this.notices.lodgeObjection(id, -1, "", "12", "短", LocalDate.of(2026, 2, 12)))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKeys("itemId", "name", "phone", "content"));
		long itemId = this.notices.get(id, bureau).items().get(0).id();
		assertThatThrownBy(() -> this.notices.lodgeObjection(id, itemId, "赵六", "13800004444", "长".repeat(2001),
				LocalDate.of(2026, 2, 12)))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsOnlyKeys("content"));
	}

	@Test
	void anotherRegionsNoticeIsNotFoundAndAStaleAnswerIsRefused() {
		CurrentUser bureau = lanzhouBureau();
		long id = draft(bureau, item(110, "丁空间", "620102"));
		CurrentUser liaoning = this.accounts.create(Role.PROVINCE, "210000").principal();
		assertThatThrownBy(() -> this.notices.get(id, liaoning)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.notices.publishRecorded(id, LocalDate.of(2026, 3, 2), liaoning))
			.isInstanceOf(NotFoundException.class);

		this.notices.publishRecorded(id, LocalDate.of(2026, 3, 2), bureau);
		long itemId = this.notices.get(id, bureau).items().get(0).id();
		long objection = this.notices.lodgeObjection(id, itemId, "钱七", "13800005555", "该机构运营团队人数与申报不符。",
				LocalDate.of(2026, 3, 3));
		this.notices.answerObjection(id, objection, 0, "DISMISSED", "核查属实", "不成立", bureau);
		assertThatThrownBy(() -> this.notices.answerObjection(id, objection, 0, "UPHELD", "晚到的答复", "晚到的答复", bureau))
			.isInstanceOf(OptimisticLockingFailureException.class);
	}

}
