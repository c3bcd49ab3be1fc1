package cn.zhongchuang.recognition;

import java.util.List;
import java.util.regex.Pattern;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium: a visitor reads the Lanzhou notice and lodges an objection without
 * signing in, the bureau answers it, then the registry and the verification page.
 * Screenshots land in target/screenshots (rec-*).
 */
class RecognitionBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVisitorObjectsTheBureauAnswersAndTheRegistryVerifiesACertificate() {
		Page page = newPage();
		page.onDialog((dialog) -> dialog.accept());

		page.navigate(url("/notices"));
		assertThat(page.locator("#notices")).containsText("兰州市2026年度市级众创空间拟认定名单公示");
		shot(page, "rec-01-notices");
		page.click("text=兰州市2026年度市级众创空间拟认定名单公示");
		assertThat(page.locator("#notice-items")).containsText("兰州榆中生态农业众创空间");
		shot(page, "rec-02-notice");

		page.click("#objection-form button[type=submit]");
		assertThat(page.locator("#objection-form")).containsText("请填写姓名或单位名称");
		shot(page, "rec-03-objection-errors");
		page.selectOption("#itemId", new SelectOption().setLabel("兰州榆中生态农业众创空间"));
		page.fill("#name", "榆中县居民");
		page.fill("#phone", "13687654321");
		page.fill("#content", "该空间的孵化场地大部分用于仓储，未见在孵企业办公。");
		page.click("#objection-form button[type=submit]");
		assertThat(page.locator(".alert-success")).containsText("异议已提交");
		shot(page, "rec-04-objection-lodged");

		page.click("text=打印版");
		assertThat(page.locator("#print-authority")).hasText("兰州市科学技术局");
		shot(page, "rec-05-notice-print");

		page.navigate(url("/login"));
		page.fill("#username", "lz_bureau");
		page.fill("#password", "Demo@2026");
		page.click("button[type=submit]");
		page.click(".zc-sidebar >> text=公示管理");
		assertThat(page.locator("#results")).containsText("兰州市2026年度市级众创空间拟认定名单公示");
		shot(page, "rec-06-bureau-notices");
		page.click("#results >> text=兰州市2026年度市级众创空间拟认定名单公示");
		var objection = page.locator(".zc-objection:has-text('榆中县居民')");
		assertThat(objection).containsText("136****4321");
		assertThat(objection).not().containsText("13687654321");
		objection.locator("select[name=outcome]").selectOption("UPHELD");
		objection.locator("textarea[name=investigation]").fill("实地核查：场地主要用作仓储，在孵企业 2 家，与申报的 15 家不符。");
		objection.locator("textarea[name=answer]").fill("异议成立，该空间不予认定。");
		objection.locator("button[type=submit]").click();
		assertThat(page.locator(".alert-success")).containsText("异议答复已保存");
		assertThat(page.locator(".zc-objection:has-text('榆中县居民')")).containsText("异议成立");
		assertThat(page.locator("#notice-items")).containsText("异议成立");
		shot(page, "rec-07-objection-answered");

		page.click(".zc-sidebar >> text=认定管理");
		assertThat(page.locator("#results")).containsText("兰州城关青创汇众创空间");
		assertThat(page.locator("#results")).not().containsText("朝阳区望京创客工场");
		shot(page, "rec-08-bureau-recognitions");

		page.click(".zc-sidebar >> text=认定名录");
		page.fill("#q", "兰州");
		page.press("#q", "Enter");
		assertThat(page.locator("#results")).containsText("兰州城关青创汇众创空间");
		assertThat(page.locator("#results")).not().containsText("朝阳区望京创客工场");
		shot(page, "rec-09-registry");
		page.click("#results >> text=/兰科众/ >> nth=0");
		assertThat(page.locator("#rec-number")).containsText("兰科众");
		shot(page, "rec-10-registry-detail");

		String code = this.jdbc.sql("SELECT verification_code FROM recognition WHERE institution_name = '兰州城关青创汇众创空间'")
			.query(String.class)
			.single();
		page.navigate(url("/verify"));
		page.fill("#code", code);
		page.click("button:has-text('验证')");
		assertThat(page).hasURL(Pattern.compile(".*/verify/" + code));
		assertThat(page.locator("#verify-result")).containsText("证书有效");
		assertThat(page.locator("#verify-result")).containsText("兰州城关青创汇众创空间");
		shot(page, "rec-11-verify");
		page.navigate(url("/verify/ZZZZZZZZZZZZ"));
		assertThat(page.locator("#verify-result")).containsText("不存在");
		shot(page, "rec-12-verify-unknown");
		page.close();
	}

}
