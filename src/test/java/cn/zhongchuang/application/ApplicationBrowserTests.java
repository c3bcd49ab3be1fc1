package cn.zhongchuang.application;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Locator;
import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 兰州 in a real Chromium: the operator opens an application, declares a fact and sees the
 * verdict change, uploads the required materials and submits; the 城关区 reviewer recommends
 * it; the city bureau records the expert stage and the bureau decision. Screenshots in
 * target/screenshots (app-*).
 */
class ApplicationBrowserTests extends BrowserTest {

	@Test
	void lanzhouOperatorSubmitsCountyRecommendsBureauDecides() {
		Page page = signIn("lz_operator");
		page.onDialog((dialog) -> dialog.accept());
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

		Page county = signIn("lz_county");
		county.onDialog((dialog) -> dialog.accept());
		county.click(".zc-sidebar >> text=认定审查");
		shot(county, "app-06-county-queue");
		county.click("#queue >> text=星火浏览器测试空间");
		assertThat(county.locator("#decision")).containsText("县区初审");
		shot(county, "app-07-county-decision");
		county.fill("#reasons", "材料齐全，同意推荐");
		county.click("#decide");
		assertThat(county.locator("#queue")).not().containsText("星火浏览器测试空间");
		county.close();

		Page bureau = signIn("lz_bureau");
		bureau.onDialog((dialog) -> dialog.accept());
		bureau.click(".zc-sidebar >> text=认定审查");
		bureau.click("#queue >> text=星火浏览器测试空间");
		assertThat(bureau.locator("#decision")).containsText("专家");
		shot(bureau, "app-08-bureau-expert-stage");
		bureau.fill("#reasons", "专家实地查验通过");
		bureau.click("#decide");
		bureau.click("#queue >> text=星火浏览器测试空间");
		assertThat(bureau.locator("#decision")).containsText("局务会");
		bureau.fill("#reasons", "局务会审定同意");
		bureau.click("#decide");
		bureau.click("text=本辖区全部");
		bureau.click("text=星火浏览器测试空间");
		assertThat(bureau.locator("#stages")).containsText("门户网站公示");
		assertThat(bureau.locator("#history")).containsText("局务会审定同意");
		shot(bureau, "app-09-bureau-decided");
		bureau.close();
	}

	private Page signIn(String username) {
		Page page = newPage();
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", "Demo@2026");
		page.click("button[type=submit]");
		return page;
	}

}
