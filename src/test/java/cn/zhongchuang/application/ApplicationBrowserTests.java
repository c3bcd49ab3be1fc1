package cn.zhongchuang.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.Locator;
import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.TestClock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 兰州 in a real Chromium: the operator opens an application, declares a fact and sees the
 * verdict change, uploads the required materials and submits; the 城关区 reviewer recommends
 * it; the city bureau draws experts and types in their paper score sheets, decides, puts
 * it on a public notice; a visitor objects, the bureau answers; the notice ends and the
 * bureau recognizes it; the operator finds it in the registry. Screenshots in
 * target/screenshots (app-*).
 */
class ApplicationBrowserTests extends BrowserTest {

	@Autowired
	TestClock clock;

	@Test
	void lanzhouOperatorSubmitsCountyRecommendsBureauDecides() {
		Page page = signedIn("lz_operator");
		page.click(".zc-sidebar >> text=认定申请");
		assertThat(page.locator("h1")).containsText("我的申请");
		shot(page, "app-01-my-applications");

		page.click("#new-application");
		page.selectOption("#policyId", "lanzhou-2018");
		page.fill("#spaceName", "星火浏览器测试空间");
		shot(page, "app-02-new");
		page.click("#create");
		page.waitForLoadState();
		if (page.locator("#app-title").count() == 0) {
			System.out.println("PAGE>>> " + page.url() + "\n" + page.locator("body").innerText());
		}
		assertThat(page.locator("#app-title")).hasText("星火浏览器测试空间");
		assertThat(page.locator("#facts")).containsText("系统计算");

		Locator stable = page.locator("select[name='d.operator.stableRevenue']");
		stable.selectOption("true");
		assertThat(page.locator("select[name='d.operator.stableRevenue']")).hasValue("true");
		assertThat(page.locator("#verdict-table")).isVisible();
		shot(page, "app-03-facts-and-verdict");

		byte[] pdf = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		Locator required = page.locator("#materials li:has(span.text-danger)");
		int count = required.count();
		for (int i = 0; i < count; i++) {
			Locator item = page.locator("#materials li:has(span.text-danger)").nth(i);
			item.locator("input[type=file]").setInputFiles(new FilePayload("材料.pdf", "application/pdf", pdf));
			item.locator("button[type=submit]:has-text('上传')").click();
			assertThat(page.locator("#materials li:has(span.text-danger)").nth(i)).containsText("已上传");
		}
		shot(page, "app-04-materials");
		page.click("#submit");
		assertThat(page.locator("#app-status")).hasText("已提交");
		assertThat(page.locator("#history")).containsText("提交申请");
		shot(page, "app-05-submitted");
		page.close();

		Page county = signedIn("lz_county");
		county.click(".zc-sidebar >> text=认定审查");
		shot(county, "app-06-county-queue");
		county.click("#queue >> text=星火浏览器测试空间");
		assertThat(county.locator("#decision")).containsText("县区初审");
		shot(county, "app-07-county-decision");
		county.fill("#reasons", "材料齐全，同意推荐");
		county.click("#decide");
		assertThat(county.locator("#queue")).not().containsText("星火浏览器测试空间");
		county.close();

		Page bureau = signedIn("lz_bureau");
		bureau.click(".zc-sidebar >> text=认定审查");
		bureau.click("#queue >> text=星火浏览器测试空间");
		String detail = bureau.url();
		assertThat(bureau.locator("#decision")).containsText("专家");
		// the expert stage cannot pass before a panel has scored
		bureau.fill("#reasons", "专家实地查验通过");
		bureau.click("#decide");
		assertThat(bureau.locator("body")).containsText("全部专家提交评分后");
		bureau.navigate(detail);
		bureau.fill("#members", "3");
		bureau.fill("#alternates", "0");
		shot(bureau, "app-08-bureau-draws-experts");
		bureau.click("#draw");
		assertThat(bureau.locator("#panel-sealed")).isVisible();
		bureau.click("#panel-link");
		assertThat(bureau.locator("#panel-status")).hasText("评分密封中");
		// the experts scored on paper on site; the clerk types the three sheets in
		int sheets = 0;
		while (bureau.locator("details.paper-scores").count() > 0 && sheets++ < 5) {
			Locator sheet = bureau.locator("details.paper-scores").first();
			sheet.locator("summary").click();
			for (Locator input : sheet.locator("input[type=number]").all()) {
				input.fill(input.getAttribute("max"));
			}
			sheet.locator("textarea[name=opinion]").fill("场地、团队与申报材料一致，同意通过。");
			shot(bureau, "app-09-paper-scores");
			sheet.locator("button[type=submit]").click();
			assertThat(bureau.locator(".alert-success")).containsText("已代录纸质评分表");
		}
		assertThat(bureau.locator("#panel-status")).hasText("评分已揭晓");
		shot(bureau, "app-10-panel-revealed");

		bureau.navigate(detail);
		assertThat(bureau.locator("#panel-results")).containsText("平均分");
		bureau.fill("#reasons", "专家实地查验通过");
		bureau.click("#decide");
		bureau.click("#queue >> text=星火浏览器测试空间");
		assertThat(bureau.locator("#decision")).containsText("局务会");
		bureau.fill("#reasons", "局务会审定同意");
		bureau.click("#decide");

		// public notice: the stage waits for a notice; the bureau drafts and publishes
		// one
		bureau.navigate(detail);
		assertThat(bureau.locator("#notice-stage")).containsText("公示结果决定");
		assertThat(bureau.locator("#decision")).hasCount(0);
		bureau.click("#to-notice");
		Locator form = bureau.locator("form.notice-candidates[data-policy='lanzhou-2018']");
		for (Locator box : form.locator("input[name=ids]").all()) {
			box.setChecked(false);
		}
		form.locator("tr:has-text('星火浏览器测试空间') input[name=ids]").setChecked(true);
		shot(bureau, "app-11-notice-candidates");
		form.locator("button[type=submit]").click();
		assertThat(bureau.locator("#notice-items")).containsText("星火浏览器测试空间");
		String noticePage = bureau.url();
		String noticeId = noticePage.substring(noticePage.lastIndexOf('/') + 1);
		bureau.click("#publish-form button[type=submit]");
		assertThat(bureau.locator("#close-form")).isVisible();
		shot(bureau, "app-12-notice-published");

		Page visitor = newPage();
		visitor.onDialog((dialog) -> dialog.accept());
		visitor.navigate(url("/notices/" + noticeId));
		visitor.selectOption("#itemId", new SelectOption().setLabel("星火浏览器测试空间"));
		visitor.fill("#name", "城关区居民");
		visitor.fill("#phone", "13711112222");
		visitor.fill("#content", "该空间的工位数量似乎与申报不符，请核实。");
		visitor.click("#objection-form button[type=submit]");
		assertThat(visitor.locator(".alert-success")).containsText("异议已提交");
		visitor.close();

		bureau.navigate(noticePage);
		Locator objection = bureau.locator(".zc-objection:has-text('城关区居民')");
		objection.locator("select[name=outcome]").selectOption("DISMISSED");
		objection.locator("textarea[name=investigation]").fill("实地核查：独立工位 40 个，与申报一致。");
		objection.locator("textarea[name=answer]").fill("异议不成立。");
		objection.locator("button[type=submit]").click();
		assertThat(bureau.locator(".zc-objection:has-text('城关区居民')")).containsText("异议不成立");
		// five working days later
		this.clock.advance(Duration.ofDays(14));
		try {
			bureau.click("#close-form button[type=submit]");
			assertThat(bureau.locator("#close-form")).hasCount(0);
		}
		finally {
			this.clock.reset();
		}
		shot(bureau, "app-13-notice-closed");

		// the notice's result moves the application to the last stage (after commit)
		long deadline = System.currentTimeMillis() + 20_000;
		do {
			bureau.navigate(detail);
		}
		while (bureau.locator("#decision").count() == 0 && System.currentTimeMillis() < deadline);
		assertThat(bureau.locator("#decision")).containsText("发文公布");
		assertThat(bureau.locator("#history")).containsText("公示期满");
		bureau.fill("#reasons", "发文认定");
		bureau.click("#decide");
		bureau.navigate(detail);
		assertThat(bureau.locator("#app-status")).hasText("已认定");
		assertThat(bureau.locator("#recognition-number")).containsText("兰科众〔");
		shot(bureau, "app-14-recognized");
		String number = bureau.locator("#recognition-number").innerText();
		bureau.close();

		Page operator = signedIn("lz_operator");
		operator.click(".zc-sidebar >> text=消息");
		assertThat(operator.locator("body")).containsText("已获认定");
		operator.navigate(url("/applications"));
		operator.click("text=星火浏览器测试空间");
		operator.click("#recognition a");
		assertThat(operator.locator("body")).containsText(number);
		assertThat(operator.locator("body")).containsText("星火浏览器测试空间");
		shot(operator, "app-15-registry");
		operator.close();
	}

}
