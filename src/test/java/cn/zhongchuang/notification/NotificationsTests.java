package cn.zhongchuang.notification;

import java.util.List;
import java.util.Set;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notify by account and by role + region, unread counts, reading, the open-redirect
 * guard, and notifications that live and die with the caller's transaction.
 */
@IntegrationTest
class NotificationsTests {

	@Autowired
	Notifications notifications;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void notifiesOneAccountOrASet() {
		var a = this.accounts.create(Role.OPERATOR, "110105");
		var b = this.accounts.create(Role.OPERATOR, "110105");

		this.notifications.notify(Recipients.user(a.id()), "您的申报已退回补正", "请补充导师聘任协议。", "/operator");
		this.notifications.notify(Recipients.users(Set.of(a.id(), b.id())), "政策包已更新", "", null);

		assertThat(this.notifications.unreadCount(a.id())).isEqualTo(2);
		assertThat(this.notifications.unreadCount(b.id())).isEqualTo(1);
		var page = this.notifications.page(a.principal(), false, 1, 20);
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.items()).extracting(Notification::title).containsExactly("政策包已更新", "您的申报已退回补正");
	}

	@Test
	void aRoleInARegionReachesOnlyAccountsWhoseScopeCoversIt() {
		var county = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		var city = this.accounts.create(Role.COUNTY_REVIEWER, "620100");
		var neighbour = this.accounts.create(Role.COUNTY_REVIEWER, "620103");
		var bureauSameRegion = this.accounts.create(Role.CITY_BUREAU, "620102");
		var elsewhere = this.accounts.create(Role.COUNTY_REVIEWER, "110105");

		List<Long> ids = this.notifications.notify(Recipients.roleCovering(Role.COUNTY_REVIEWER, "620102"), "新的申报待初审",
				"兰州星火众创空间提交了申报。", "/applications/1");

		assertThat(ids).isNotEmpty();
		assertThat(this.notifications.unreadCount(county.id())).isEqualTo(1);
		assertThat(this.notifications.unreadCount(city.id())).isEqualTo(1);
		assertThat(this.notifications.unreadCount(neighbour.id())).isZero();
		assertThat(this.notifications.unreadCount(bureauSameRegion.id())).isZero();
		assertThat(this.notifications.unreadCount(elsewhere.id())).isZero();
	}

	@Test
	void openingMarksReadOnceAndMarkAllReadClearsTheCount() {
		var a = this.accounts.create(Role.EXPERT, "620100");
		long first = this.notifications.notify(Recipients.user(a.id()), "您被抽选为评审专家", "", "/reviews/7").get(0);
		this.notifications.notify(Recipients.user(a.id()), "第二条", "", null);
		this.notifications.notify(Recipients.user(a.id()), "第三条", "", null);

		Notification opened = this.notifications.open(first, a.principal());
		assertThat(opened.unread()).isFalse();
		assertThat(opened.target()).isEqualTo("/reviews/7");
		assertThat(this.notifications.unreadCount(a.id())).isEqualTo(2);
		assertThat(this.notifications.open(first, a.principal()).readAt()).isEqualTo(opened.readAt());
		assertThatThrownBy(() -> this.notifications.markRead(first, a.principal()))
			.isInstanceOf(ConflictException.class);
		assertThat(this.notifications.page(a.principal(), true, 1, 20).total()).isEqualTo(2);

		assertThat(this.notifications.markAllRead(a.principal())).isEqualTo(2);
		assertThat(this.notifications.unreadCount(a.id())).isZero();
		assertThat(this.notifications.markAllRead(a.principal())).isZero();
		assertThat(this.notifications.page(a.principal(), false, 1, 20).total()).isEqualTo(3);
	}

	@Test
	void anotherUsersNotificationIsNotFound() {
		var owner = this.accounts.create(Role.OPERATOR, "110105");
		var other = this.accounts.create(Role.OPERATOR, "110105");
		long id = this.notifications.notify(Recipients.user(owner.id()), "私人通知", "", null).get(0);

		assertThatThrownBy(() -> this.notifications.open(id, other.principal())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.notifications.markRead(id, other.principal()))
			.isInstanceOf(NotFoundException.class);
		this.notifications.markAllRead(other.principal());
		assertThat(this.notifications.unreadCount(owner.id())).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example.com/", "http://evil.example.com", "//evil.example.com/x",
			"/\\evil.example.com", "javascript:alert(1)", "applications/1", "/a b", "/x\r\nLocation: https://e.com" })
	void absoluteOrForeignLinksAreRefused(String link) {
		var a = this.accounts.create(Role.OPERATOR, "110105");
		assertThatThrownBy(() -> this.notifications.notify(Recipients.user(a.id()), "标题", "", link))
			.isInstanceOf(FieldErrorException.class)
			.satisfies((ex) -> assertThat(((FieldErrorException) ex).errors()).containsKey("link"));
		assertThat(this.notifications.unreadCount(a.id())).isZero();
	}

	@Test
	void inAppLinksAreAccepted() {
		assertThat(Links.isInApp("/applications/42?tab=review#history")).isTrue();
		assertThat(Links.isInApp("/")).isTrue();
		assertThat(Links.check(" ")).isNull();
	}

	@Test
	void aRolledBackBusinessChangeLeavesNoNotification() {
		var a = this.accounts.create(Role.OPERATOR, "110105");
		this.tx.executeWithoutResult((status) -> {
			this.notifications.notify(Recipients.user(a.id()), "不会留下", "", null);
			assertThat(this.notifications.unreadCount(a.id())).isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(this.notifications.unreadCount(a.id())).isZero();
	}

	@Test
	void withoutAMailServerNotifyingAnAccountWithAnAddressStillWorks() {
		var a = this.accounts.create(Role.OPERATOR, "110105");
		this.jdbc.sql("INSERT INTO notification_email (user_id, email, updated_at) VALUES (:u, 'a@example.com', now())")
			.param("u", a.id())
			.update();
		this.notifications.notify(Recipients.user(a.id()), "无邮件服务器", "", null);
		assertThat(this.notifications.unreadCount(a.id())).isEqualTo(1);
	}

	@Test
	void demoAccountsHaveNotifications() {
		long lzCounty = this.jdbc.sql("SELECT id FROM user_account WHERE username = 'lz_county'")
			.query(Long.class)
			.single();
		assertThat(this.notifications.page(this.accounts.create(Role.OPERATOR, "110105").principal(), false, 1, 20)
			.total()).isZero();
		assertThat(this.jdbc.sql("SELECT title FROM notification WHERE recipient_id = :u")
			.param("u", lzCounty)
			.query(String.class)
			.list()).contains("新的申报待初审");
	}

}
