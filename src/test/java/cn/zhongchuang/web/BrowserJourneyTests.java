package cn.zhongchuang.web;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A clerk's first minutes in a real Chromium at 1366×768: sign in, find the work, manage
 * users, browse regions, switch language. Screenshots of every page land in
 * target/screenshots.
 */
class BrowserJourneyTests extends BrowserTest {

	@Test
	void administratorSignsInManagesUsersAndBrowsesRegions() {
		Page page = newPage();
		page.navigate(url("/admin/users"));
		assertThat(page).hasURL(url("/login"));
		shot(page, "01-login");

		page.fill("#username", "admin");
		page.fill("#password", "wrong-password");
		page.click("button[type=submit]");
		assertThat(page.locator("#login-error")).containsText("用户名或密码错误");
		shot(page, "02-login-error");

		page.fill("#username", "admin");
		page.fill("#password", "Demo@2026");
		page.click("button[type=submit]");
		// Back where the user was going before the sign-in page.
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/users.*"));
		page.click(".zc-sidebar >> text=待办");
		assertThat(page.locator("h1")).containsText("您好，系统管理员");
		assertThat(page.locator(".zc-sidebar")).containsText("用户管理");
		shot(page, "03-home");

		page.click(".zc-sidebar >> text=用户管理");
		assertThat(page.locator("#results")).containsText("lz_bureau");
		// the filter answers on change once htmx has loaded: the table is there before
		// the
		// scripts are, and a change made in between would go unheard
		page.waitForLoadState();
		page.selectOption("#role", "EXPERT");
		// Other test classes add experts to the shared database: check the filter, not a
		// count.
		assertThat(page.locator("#results")).not().containsText("lz_bureau");
		java.util.List<String> roles = page.locator("#results tbody tr td:nth-child(3)").allTextContents();
		org.assertj.core.api.Assertions.assertThat(roles).isNotEmpty();
		for (String cell : roles) {
			org.assertj.core.api.Assertions.assertThat(cell).contains("评审专家");
		}
		shot(page, "04-users-filtered");

		page.click("text=新建用户");
		page.fill("#username", "9bad");
		page.click("#user-form button[type=submit]");
		assertThat(page.locator(".invalid-feedback").first()).isVisible();
		assertThat(page.locator("#user-form")).containsText("请填写姓名");
		shot(page, "05-user-form-errors");

		page.fill("#username", "chengguan_clerk");
		page.fill("#displayName", "城关区 新办事员");
		page.selectOption("#role", "COUNTY_REVIEWER");
		page.selectOption(".zc-region-picker select[data-level='0']", "620000");
		page.selectOption(".zc-region-picker select[data-level='1']", "620100");
		page.selectOption(".zc-region-picker select[data-level='2']", "620102");
		page.click("#user-form button[type=submit]");
		assertThat(page.locator("#temporary-password")).isVisible();
		shot(page, "06-temporary-password");

		page.click(".zc-sidebar >> text=行政区划");
		page.click("summary:has-text('甘肃省')");
		assertThat(page.locator("text=兰州市").first()).isVisible();
		shot(page, "07-regions");

		page.click("text=English");
		assertThat(page.locator(".zc-sidebar")).containsText("Users");
		shot(page, "08-english");
		page.close();
	}

	@Test
	void auditorSeesTheSignInsOfTheDay() {
		Page page = newPage();
		page.navigate(url("/login"));
		page.fill("#username", "auditor");
		page.fill("#password", "Demo@2026");
		page.click("button[type=submit]");
		page.click(".zc-sidebar >> text=审计日志");
		page.waitForLoadState();
		page.selectOption("#action", "LOGIN");
		assertThat(page.locator("#results")).containsText("auditor");
		page.click("text=校验日志完整性");
		assertThat(page.locator("#verification")).containsText("哈希链完整");
		shot(page, "09-audit");
		page.close();
	}

	@Test
	void aVisitorChecksASpaceAgainstLanzhousPolicyWithoutSigningIn() {
		Page page = newPage();
		page.navigate(url("/self-check"));
		page.selectOption("#policy-select", "lanzhou-2018");
		page.waitForURL(java.util.regex.Pattern.compile(".*policy=lanzhou-2018.*"));
		assertThat(page.locator("#facts-form")).containsText("场地总面积");
		// the form asks what the Lanzhou pack reads, by its labels: no credit code, no 基金
		assertThat(page.locator("#f-operator-creditCode")).hasCount(0);
		assertThat(page.locator("#facts-form")).containsText("有稳定收入");
		page.fill("#f-asOf", "2026-03-01");
		page.selectOption("#f-specialization", "COMPREHENSIVE");
		page.selectOption("#f-virtual", "false");
		page.fill("#f-space-totalAreaM2", "480");
		page.fill("#f-space-officeAndPublicServiceAreaM2", "400");
		page.fill("#f-space-independentWorkstations", "25");
		page.selectOption("#f-space-tenure", "OWNED");
		page.fill("#f-tenants-count", "12");
		page.click("#facts-form button[type=submit]");
		assertThat(page.locator("#verdict-outcome")).hasText("不符合条件");
		assertThat(page.locator("#verdict-table tr[data-article='C2']").first()).containsText("480");
		assertThat(page.locator("#verdict-table tr[data-article='C3']")).containsText("符合");
		shot(page, "10-self-check-lanzhou");

		page.click("text=在孵企业退出测算");
		page.fill("#exit-admittedOn", "2023-05-10");
		page.click("#exit-form button[type=submit]");
		// Lanzhou's document sets no exit thresholds, and the page says so instead of
		// guessing.
		assertThat(page.locator("#exit-form")).containsText("未规定");
		page.selectOption("#policy-select", "beijing-chaoyang-2017");
		page.waitForURL(java.util.regex.Pattern.compile(".*policy=beijing-chaoyang-2017.*"));
		page.fill("#exit-asOf", "2026-03-01");
		page.fill("#exit-admittedOn", "2023-05-10");
		page.fill("#exit-filings", "2023-06, 是, 0\n2024-01, 是, 0");
		page.click("#exit-form button[type=submit]");
		assertThat(page.locator("#exit-status")).hasText("应予清退");
		shot(page, "11-self-check-exit");
		page.close();
	}

}
