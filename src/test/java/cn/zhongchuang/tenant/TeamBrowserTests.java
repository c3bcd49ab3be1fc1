package cn.zhongchuang.tenant;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An operator in a real Chromium admits a 创业团队 without a credit code, is refused a bad
 * credit code at the field, registers the team's company (毕业团队注册企业) and records its
 * figures; the district bureau marks it 黑马. Screenshots team-* in target/screenshots.
 */
class TeamBrowserTests extends BrowserTest {

	@Autowired
	TenantTestOperators operators;

	@Autowired
	TestAccounts accounts;

	@Test
	void operatorAdmitsATeamRegistersItsCompanyAndTheBureauMarksIt() {
		var op = this.operators.operator("110105");
		String good = TenantTestOperators.creditCode("110105");
		String bad = good.substring(0, 17) + ((good.charAt(17) == '0') ? '1' : '0');
		Page page = newPage();
		StringBuilder confirmations = new StringBuilder();
		page.onDialog((dialog) -> {
			confirmations.append(dialog.message());
			dialog.accept();
		});
		signIn(page, op.account().username());

		page.click(".zc-sidebar >> text=在孵企业");
		page.click("#admit-team");
		assertThat(page.locator("#outcome")).hasText("不适用");
		page.click("#submit-team");
		assertThat(page.locator("#form-errors")).containsText("请填写团队负责人");
		page.fill("#name", "青芽智能硬件团队");
		page.fill("#leader", "陈晨");
		page.fill("#members", "赵一、钱二");
		page.fill("#field", "智能硬件");
		page.fill("#admittedOn", "2025-03-01");
		// the native picker speaks the browser's language: the day is echoed in Chinese
		assertThat(page.locator("#admittedOn + .zc-date-echo")).hasText("2025年3月1日");
		assertThat(page.locator("#agreementDate + .zc-date-echo")).hasText("格式：年-月-日");
		assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
		shot(page, "team-01-admission-form");
		page.click("#submit-team");
		assertThat(page.locator("#tenant-kind")).hasText("创业团队");
		assertThat(page.locator("#credit-code")).containsText("尚未注册企业");
		assertThat(page.locator("#team-leader")).hasText("陈晨");
		assertThat(page.locator("#exit-not-applicable")).containsText("不适用");
		assertThat(page.locator("main")).containsText("苗圃");
		shot(page, "team-02-detail");

		page.fill("#companyName", "北京青芽智能科技有限公司");
		page.fill("#creditCode", bad);
		page.fill("#registeredOn", "2026-06-18");
		page.click("#register-company");
		assertThat(page.locator("#creditCode-error")).isVisible();
		assertThat(page.locator("#creditCode-error")).containsText("校验");
		assertThat(page.locator("#tenant-kind")).hasText("创业团队");
		shot(page, "team-03-bad-credit-code");

		page.fill("#creditCode", good);
		page.fill("#registeredOn", "2026-06-18");
		page.click("#register-company");
		assertThat(page.locator("[role=status]")).containsText("毕业团队注册企业");
		assertThat(page.locator("#tenant-registered")).hasText("毕业团队注册企业");
		assertThat(page.locator("#credit-code")).hasText(good);
		assertThat(page.locator("#registered-on")).hasText("2026年6月18日");
		assertThat(page.locator("h1")).containsText("北京青芽智能科技有限公司");
		assertThat(page.locator("main")).containsText("创业团队注册企业：北京青芽智能科技有限公司");
		assertThat(page.locator("#tenant-kind")).hasCount(0);
		assertThat(page.locator("#registered-company")).containsText("已注册企业：北京青芽智能科技有限公司");
		assertThat(page.locator("main")).not().containsText("尚未注册企业");
		org.assertj.core.api.Assertions.assertThat(confirmations.toString()).contains("毕业团队注册企业", "不能再更改");
		shot(page, "team-04-registered");

		page.fill("#revenueWan", "85.5");
		page.fill("#patentApplications", "2");
		page.fill("#validIp", "1");
		page.click("#save-figures");
		assertThat(page.locator("[role=status]")).containsText("统计指标");
		String tenantUrl = page.url();
		int lastYear = Integer.parseInt(tenantUrl.replaceAll(".*year=(\\d+).*", "$1"));
		assertThat(page.locator("#figure-" + lastYear)).containsText("85.50");
		assertThat(page.locator("#figure-" + lastYear)).containsText("运营机构填报");
		assertThat(page.locator("#mark-form")).hasCount(0);
		shot(page, "team-05-figures");

		var bureau = this.accounts.create(Role.CITY_BUREAU, "110105");
		Page bureauPage = newPage();
		signIn(bureauPage, bureau.username());
		bureauPage.navigate(tenantUrl);
		assertThat(bureauPage.locator("#figures-form")).hasCount(0);
		bureauPage.selectOption("#mark", "DARK_HORSE");
		bureauPage.click("#save-mark");
		assertThat(bureauPage.locator("[role=status]")).containsText("黑马企业");
		assertThat(bureauPage.locator("#figure-" + lastYear)).containsText("黑马企业");
		shot(bureauPage, "team-06-bureau-mark");
	}

	private void signIn(Page page, String username) {
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", TestAccounts.PASSWORD);
		page.click("button[type=submit]");
	}

}
