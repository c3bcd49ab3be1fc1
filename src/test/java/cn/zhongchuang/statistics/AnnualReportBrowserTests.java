package cn.zhongchuang.statistics;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 统计年报 in Chromium at 1366×768 on the demo data: 辽宁's operator (no report yet) fills the
 * supplements of last year's report and submits; the province sees its institution as
 * reported. Screenshots annual-*.
 */
class AnnualReportBrowserTests extends BrowserTest {

	@Test
	void theOperatorFillsAndSubmitsAndTheBureauSeesItReported() {
		int year = java.time.LocalDate.now(cn.zhongchuang.platform.ChinaTime.ZONE).getYear() - 1;
		Page op = signedIn("ln_operator");
		op.click(".zc-sidebar >> text=统计年报");
		assertThat(op.locator("h1")).hasText(year + "年统计年报");
		Locator first = op.locator("#annual-mine tbody tr").first();
		assertThat(first).containsText("未报送");
		String name = first.locator("td").first().innerText().strip();
		first.locator("a").click();
		assertThat(op.locator("h1")).hasText(name + " " + year + "年统计年报");
		assertThat(op.locator("#annual-lines")).containsText("由入驻企业记录计算");
		assertThat(op.locator("#annual-lines")).containsText("申报");
		// a wrong supplement first: the message at the field, in Chinese
		op.fill("#in-employment", "-1");
		op.click("#annual-submit");
		assertThat(op.locator("#line-employment .invalid-feedback")).hasText("在孵企业和团队吸纳就业不能为负数");
		shot(op, "annual-01-operator-error");
		Locator inputs = op.locator("#annual-form input[type=text]");
		for (int i = 0; i < inputs.count(); i++) {
			inputs.nth(i).fill(String.valueOf(10 + i));
		}
		shot(op, "annual-02-operator-filled");
		op.click("#annual-submit");
		assertThat(op.locator("#annual-state")).containsText("已报送第 1 版");
		assertThat(op.locator("#annual-versions")).containsText("第 1 版");
		assertThat(op.locator("body")).not().containsText("COMPUTED");
		shot(op, "annual-03-operator-submitted");

		Page bureau = signedIn("ln_province");
		bureau.click(".zc-sidebar >> text=统计年报");
		assertThat(bureau.locator("h1")).hasText("辽宁省 " + year + "年统计年报");
		Locator row = bureau.locator("#annual-entries tr", new Page.LocatorOptions().setHasText(name));
		assertThat(row).containsText("已报送（第 1 版");
		assertThat(bureau.locator("#annual-entries")).containsText("未报送");
		assertThat(bureau.locator("body")).not().containsText("210102");
		shot(bureau, "annual-04-province-reported");
		bureau.click("#annual-regions a:has-text('沈阳市')");
		assertThat(bureau.locator("h1")).containsText("沈阳市 " + year + "年统计年报");
		shot(bureau, "annual-05-province-drilled");
	}

}
