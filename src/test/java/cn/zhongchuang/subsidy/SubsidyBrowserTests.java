package cn.zhongchuang.subsidy;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, lz_bureau creates a programme, opens it, awards an institution, is
 * refused an award past the budget with the remaining budget named, records the payment
 * and sees the totals; the operator sees the award on 我的奖补. Screenshots sub-*.
 */
class SubsidyBrowserTests extends BrowserTest {

	@Autowired
	SubsidyFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Test
	void lanzhouBureauCreatesAwardsDisbursesAndSeesTheTotals() {
		AuthenticatedUser issuer = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var a = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", issuer);
		var b = this.fixtures.recognized("620103", "CITY", "lanzhou-2018", "兰州市科学技术局", issuer);
		String name = "浏览器测试奖补项目" + SubsidyFixtures.N.incrementAndGet();

		Page page = signedIn("lz_bureau");
		page.click(".zc-sidebar >> text=奖补管理");
		assertThat(page.locator("h1")).containsText("奖补管理");
		shot(page, "sub-01-list");
		page.click("#new-programme");
		page.fill("#name", name);
		page.fill("#year", "2026");
		page.fill("#budget", "1000000");
		page.check("#basis-rec");
		page.fill("#rate-DEFAULT", "300000");
		shot(page, "sub-02-form");
		page.click("#programme-form button[type=submit]");
		assertThat(page.locator("#programme-status")).hasText("草稿");
		page.click("#open-programme");
		assertThat(page.locator("#programme-status")).hasText("发放中");

		page.fill("#recognitionNumber", a.rec().number());
		page.fill("#amount", "300000");
		page.fill("#reason", "市级众创空间认定奖补");
		page.click("#award-form button[type=submit]");
		assertThat(page.locator("#awards")).containsText(a.rec().number());
		assertThat(page.locator("#total-awarded")).hasText("30 万元");

		page.fill("#recognitionNumber", b.rec().number());
		page.fill("#amount", "800000");
		page.fill("#reason", "市级众创空间认定奖补");
		page.click("#award-form button[type=submit]");
		assertThat(page.locator("#award-form .invalid-feedback").nth(1)).containsText("剩余预算 700000.00 元");
		shot(page, "sub-03-over-budget");

		page.click("#proposal");
		assertThat(page.locator("#proposal-form")).containsText(b.rec().number());
		shot(page, "sub-04-proposal");
		page.navigate(page.url().replace("/proposal", ""));

		Page.LocatorOptions row = new Page.LocatorOptions().setHasText(a.rec().number());
		page.locator("#awards tr", row).locator("input[name=voucherNo]").fill("兰财科2026-001");
		page.locator("#awards tr", row).locator("form.disburse button").click();
		assertThat(page.locator("#awards tr", row)).containsText("已发放");
		assertThat(page.locator("#total-disbursed")).hasText("30 万元");
		assertThat(page.locator("#total-remaining")).hasText("70 万元");
		assertThat(page.locator("#by-region")).containsText("城关区");
		shot(page, "sub-05-disbursed");

		page.navigate(url("/bureau/subsidies"));
		assertThat(page.locator("#results tr", new Page.LocatorOptions().setHasText(name))).containsText("100 万元");

		Page o = signedIn(a.operator().username(), TestAccounts.PASSWORD);
		o.click(".zc-sidebar >> text=我的奖补");
		assertThat(o.locator("#my-awards")).containsText(name);
		assertThat(o.locator("#my-awards")).containsText("已发放");
		shot(o, "sub-06-operator");
	}

}
