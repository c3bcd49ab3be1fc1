package cn.zhongchuang.notification;

import java.util.List;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A county reviewer in a real Chromium at 1366×768: the top bar's badge shows the unread
 * count, 待办 lists the latest, opening one marks it read and follows its link, 全部标为已读
 * clears the badge. Screenshots in target/screenshots (not-*).
 */
class NotificationBrowserTests extends BrowserTest {

	@Autowired
	TestAccounts accounts;

	@Autowired
	Notifications notifications;

	@Test
	void theBadgeCountsUnreadAndTheListMarksRead() {
		var reviewer = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		this.notifications.notify(Recipients.user(reviewer.id()), "申报材料已补正", "请继续审核。", "/operators");
		this.notifications.notify(Recipients.roleCovering(Role.COUNTY_REVIEWER, "620102"), "新的申报待初审",
				"兰州星火众创空间提交了众创空间认定申报。", "/regions");
		this.notifications.notify(Recipients.user(reviewer.id()), "系统维护通知", "本周六 22:00 维护。", null);

		Page page = newPage();
		page.navigate(url("/login"));
		page.fill("#username", reviewer.username());
		page.fill("#password", TestAccounts.PASSWORD);
		page.click("button[type=submit]");

		assertThat(page.locator("#notification-badge .zc-unread")).hasText("3");
		assertThat(page.locator("#notification-latest")).containsText("新的申报待初审");
		shot(page, "not-01-home-badge");

		page.click("#notification-badge a");
		assertThat(page.locator("h1")).hasText("消息中心");
		assertThat(page.locator("#results")).containsText("共 3 条");
		assertThat(page.locator("#results .zc-unread-row")).hasCount(3);
		shot(page, "not-02-list");

		page.click("#results tr:has-text('新的申报待初审') .zc-open");
		page.waitForURL("**/regions");
		assertThat(page.locator("#notification-badge .zc-unread")).hasText("2");
		shot(page, "not-03-opened");

		page.navigate(url("/notifications"));
		assertThat(page.locator("#results tr:has-text('新的申报待初审')")).containsText("已读");
		page.click("#filter-unread");
		assertThat(page.locator("#results")).not().containsText("新的申报待初审");
		assertThat(page.locator("#results")).containsText("共 2 条");
		page.click("#read-all");
		assertThat(page.locator(".alert-success")).containsText("已将 2 条通知标为已读");
		assertThat(page.locator("#notification-badge a")).isVisible();
		assertThat(page.locator("#notification-badge .zc-unread")).hasCount(0);
		shot(page, "not-04-all-read");
		page.close();
	}

}
