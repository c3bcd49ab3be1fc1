package cn.zhongchuang.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.TestClock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * jiangsu-2015 in a real Chromium (seed 002 三(六)): the demo's submitted application of
 * the 玄武区 operator is recommended by the 南京 city bureau (the confirmation names the stage
 * and the space), the province draws experts and types their paper sheets in, puts it on
 * notice, closes the notice and files it: a 省级 备案 title on the institution page and in
 * the registry. Every page is checked for what a clerk must not see (policy id, region
 * code, stage code, ISO date). Screenshots in target/screenshots (js-filing-*).
 */
class JiangsuFilingBrowserTests extends BrowserTest {

	static final String SPACE = "玄武示范众创空间（待初审）";

	static final Pattern REGION_CODE = Pattern.compile("(?<![0-9A-Z])32\\d{4}(?![0-9A-Z])");

	static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	final List<String> dialogs = new ArrayList<>();

	Page as(String username) {
		return signedIn(username, DEMO_PASSWORD, this.dialogs);
	}

	static void clerkReadable(Page page) {
		String text = page.locator("main").count() > 0 ? page.locator("main").first().innerText()
				: page.locator("body").innerText();
		assertThat(text).as(page.url())
			.doesNotContain("jiangsu-2015")
			.doesNotContain("CITY_RECOMMENDATION")
			.doesNotContain("PROVINCE_")
			.doesNotContain("PROVINCE")
			.doesNotContain("CITY_BUREAU");
		assertThat(ISO_DATE.matcher(text).find()).as("ISO date on " + page.url()).isFalse();
		// a region code standing alone (a credit code holds one inside and may stay)
		assertThat(REGION_CODE.matcher(text).find()).as("region code on " + page.url()).isFalse();
	}

	@Test
	void nanjingRecommendsAndTheProvinceFilesTheXuanwuSpace() {
		Page city = as("js_city");
		city.click(".zc-sidebar >> text=认定审查");
		assertThat(city.locator("#queue")).containsText(SPACE);
		clerkReadable(city);
		shot(city, "js-filing-01-city-queue");
		city.click("#queue >> text=" + SPACE);
		String detail = city.url();
		assertThat(city.locator("#decision")).containsText("设区市科技局审核推荐");
		clerkReadable(city);
		city.fill("#reasons", "材料齐全，经实地核查符合备案条件，同意推荐至省科技厅");
		shot(city, "js-filing-02-city-recommends");
		city.click("#decide");
		assertThat(city.locator("#queue")).not().containsText(SPACE);
		assertThat(this.dialogs)
			.anySatisfy((message) -> assertThat(message).contains("设区市科技局审核推荐").contains(SPACE).contains("不能撤销"));
		city.close();

		Page province = as("js_province");
		province.navigate(detail);
		assertThat(province.locator("#decision")).containsText("专家评审");
		assertThat(province.locator("#history")).containsText("同意推荐至省科技厅");
		clerkReadable(province);
		province.fill("#members", "3");
		province.fill("#alternates", "0");
		shot(province, "js-filing-03-province-draws-experts");
		province.click("#draw");
		assertThat(province.locator("#panel-sealed")).isVisible();
		province.click("#panel-link");
		int sheets = 0;
		while (province.locator("details.paper-scores").count() > 0 && sheets++ < 5) {
			Locator sheet = province.locator("details.paper-scores").first();
			sheet.locator("summary").click();
			for (Locator input : sheet.locator("input[type=number]").all()) {
				input.fill(input.getAttribute("max"));
			}
			sheet.locator("textarea[name=opinion]").fill("方向明确，场地、团队与申报一致，同意备案。");
			sheet.locator("button[type=submit]").click();
			assertThat(province.locator(".alert-success")).containsText("已代录纸质评分表");
		}
		assertThat(province.locator("#panel-status")).hasText("评分已揭晓");
		clerkReadable(province);
		shot(province, "js-filing-04-panel-revealed");

		province.navigate(detail);
		province.fill("#reasons", "专家评审通过");
		province.click("#decide");
		province.navigate(detail);
		assertThat(province.locator("#notice-stage")).containsText("拟备案名单公示");
		province.click("#to-notice");
		Locator form = province.locator("form.notice-candidates[data-policy='jiangsu-2015']");
		for (Locator box : form.locator("input[name=ids]").all()) {
			box.setChecked(false);
		}
		form.locator("tr:has-text('" + SPACE + "') input[name=ids]").setChecked(true);
		form.locator("button[type=submit]").click();
		assertThat(province.locator("#notice-items")).containsText(SPACE);
		province.click("#publish-form button[type=submit]");
		assertThat(province.locator("#close-form")).isVisible();
		clerkReadable(province);
		shot(province, "js-filing-05-notice-published");
		this.clock.advance(Duration.ofDays(14));
		try {
			province.click("#close-form button[type=submit]");
			assertThat(province.locator("#close-form")).hasCount(0);
		}
		finally {
			this.clock.reset();
		}

		long deadline = System.currentTimeMillis() + 20_000;
		do {
			province.navigate(detail);
		}
		while (province.locator("#decision").count() == 0 && System.currentTimeMillis() < deadline);
		assertThat(province.locator("#decision")).containsText("备案并纳入省级科技企业孵化器管理");
		clerkReadable(province);
		shot(province, "js-filing-06-province-files");
		province.fill("#reasons", "同意备案，纳入省级科技企业孵化器管理");
		province.click("#decide");
		assertThat(this.dialogs).last()
			.asString()
			.contains("审查全部通过，由江苏省科学技术厅")
			.contains("予以备案")
			.doesNotContain("{next}");
		province.navigate(detail);
		assertThat(province.locator("#app-status")).hasText("已认定");
		// the province files (备案), it does not recognize: the page says so
		assertThat(province.locator("#recognition .card-header")).hasText("已备案");
		assertThat(province.locator("#recognition")).containsText("备案编号");
		clerkReadable(province);
		shot(province, "js-filing-07-filed");

		String number = province.locator("#recognition-number").innerText().strip();
		long institution = this.jdbc.sql("SELECT institution_id FROM recognition WHERE number = :n")
			.param("n", number)
			.query(Long.class)
			.single();
		province.navigate(url("/institutions/" + institution));
		assertThat(province.locator("#titles")).containsText("省级众创空间");
		assertThat(province.locator("#titles")).containsText(number);
		clerkReadable(province);
		shot(province, "js-filing-08-institution-title");

		province.navigate(url("/registry?q=玄武示范众创空间&level=PROVINCE"));
		assertThat(province.locator("#results")).containsText(SPACE);
		assertThat(province.locator("#results")).containsText("省级");
		clerkReadable(province);
		shot(province, "js-filing-09-registry");
		province.close();
	}

}
