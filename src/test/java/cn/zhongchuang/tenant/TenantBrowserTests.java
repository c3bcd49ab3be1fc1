package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An operator in a real Chromium admits a tenant through the form with its live check,
 * sees the abnormal list after the exit scan, and confirms a clearance. Screenshots
 * tenant-* in target/screenshots.
 */
class TenantBrowserTests extends BrowserTest {

	@Autowired
	TenantTestOperators operators;

	@Autowired
	Tenants tenants;

	@Autowired
	ExitScan scan;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void operatorAdmitsSeesTheAbnormalListAfterAScanAndConfirmsAClearance() {
		var op = this.operators.operator("110105");
		LocalDate today = ChinaTime.today(this.clock);
		LocalDate admitted = today.minusYears(4).withDayOfMonth(10);
		Page page = newPage();
		page.onDialog((dialog) -> dialog.accept());
		page.navigate(url("/login"));
		page.fill("#username", op.account().username());
		page.fill("#password", TestAccounts.PASSWORD);
		page.click("button[type=submit]");

		page.click(".zc-sidebar >> text=在孵企业");
		page.click("#admit");
		page.fill("#name", "北京零税科技有限公司");
		page.fill("#creditCode", TenantTestOperators.creditCode("110105"));
		page.fill("#admittedOn", admitted.toString());
		page.selectOption("#officeInSpace", "true");
		page.selectOption("#industry", "SOFTWARE_IT");
		page.fill("#employees", "400");
		page.fill("#revenueWan", "30000");
		page.fill("#totalAssetsWan", "20000");
		page.selectOption("#technologyInnovative", "false");
		page.fill("#staffWithCollegeDegree", "300");
		page.fill("#keyIndustry", "互联网+");
		page.locator("#keyIndustry").blur();
		assertThat(page.locator("#outcome")).hasText("不符合");
		assertThat(page.locator("#verdict")).containsText("第 6.2 条");
		shot(page, "tenant-01-live-check-ineligible");
		page.fill("#employees", "12");
		page.fill("#revenueWan", "300");
		page.fill("#staffWithCollegeDegree", "9");
		page.locator("#staffWithCollegeDegree").blur();
		assertThat(page.locator("#outcome")).hasText("符合");
		shot(page, "tenant-02-live-check-eligible");
		page.click("#submit-admit");
		assertThat(page.locator("#tenant-status")).hasText("在孵");
		long zeroTax = Long.parseLong(page.url().replaceAll(".*/tenants/(\\d+).*", "$1"));
		shot(page, "tenant-03-detail");

		long silent = this.tenants.admit(op.id(), TenantFixtures.eligible("北京停报科技有限公司",
				TenantTestOperators.creditCode("110105"), admitted, admitted, false), op.account().principal());
		LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
		filings(zeroTax, admitted, lastMonth, BigDecimal.ZERO);
		filings(silent, admitted, lastMonth.minusMonths(8), new BigDecimal("2500"));
		this.scan.scan(today);

		page.click(".zc-sidebar >> text=异常与清退名单");
		assertThat(page.locator("#results")).containsText("北京零税科技有限公司");
		page.navigate(url("/tenants/exit-findings?status=ABNORMAL"));
		assertThat(page.locator("#results")).containsText("北京停报科技有限公司");
		assertThat(page.locator("#results")).not().containsText("北京零税科技有限公司");
		shot(page, "tenant-04-abnormal-list");
		page.navigate(url("/tenants/exit-findings?status=CLEARANCE_DUE"));
		assertThat(page.locator("#results")).containsText("北京零税科技有限公司");
		page.click("#results .confirm-clearance");
		assertThat(page.locator("[role=status]")).containsText("已确认清退");
		shot(page, "tenant-05-clearance-confirmed");

		page.navigate(url("/tenants/" + zeroTax));
		assertThat(page.locator("#tenant-status")).hasText("已退出");
		assertThat(page.locator("main")).containsText("清退");
		shot(page, "tenant-06-exited");
	}

	private void filings(long tenantId, LocalDate admitted, LocalDate last, BigDecimal tax) {
		this.jdbc.sql("""
				INSERT INTO tenant_tax_filing (tenant_id, period, filed, tax_paid_cny)
				SELECT :t, p::date, true, :tax
				FROM generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 month') p
				""")
			.param("t", tenantId)
			.param("first", admitted.withDayOfMonth(1).plusMonths(1))
			.param("last", last)
			.param("tax", tax)
			.update();
	}

}
