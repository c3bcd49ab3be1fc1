package cn.zhongchuang.statistics;

import java.nio.file.Paths;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The statistics in Chromium at 1366×768: the public page with its charts and the
 * drill-down, the 统计看板 of a county, a city, a province and the national bureau and of an
 * operator on the demo data, the kind filter kept while drilling down, the A4 print.
 * Screenshots stats-*.
 */
class StatisticsBrowserTests extends BrowserTest {

	@Test
	void anyoneReadsThePublicFiguresAsChartsAndDrillsDown() {
		Page page = newPage();
		page.navigate(url("/statistics?region=620000"));
		assertThat(page.locator("h1")).hasText("甘肃省孵化载体统计");
		assertThat(page.locator("#table-byLevel [data-chart-drawn]")).hasCount(1);
		assertThat(page.locator("#table-byLevel")).containsText("市级");
		assertThat(page.locator("#stats-targets")).containsText("市级以上众创空间");
		assertThat(page.locator("#stats-targets")).containsText("财政奖补资金按奖补台账核算");
		assertThat(page.locator("body")).not().containsText("MAKER_SPACE");
		shot(page, "stats-01-public-province");
		page.click("#table-byRegion table a:has-text('兰州市')");
		assertThat(page.locator("h1")).hasText("甘肃省 兰州市孵化载体统计");
		assertThat(page.locator("#stats-trail")).containsText("全国");
		assertThat(page.locator("#table-byRegion")).containsText("城关区");
		shot(page, "stats-02-public-city");
	}

	@Test
	void eachBureauHasItsDashboardWithDrillDownKeepingTheFilter() {
		Page city = signedIn("lz_bureau");
		assertThat(city.locator("#home-statistics")).containsText("持有有效称号的载体");
		city.click(".zc-sidebar >> text=统计看板");
		assertThat(city.locator("h1")).containsText("兰州市统计看板");
		assertThat(city.locator("#table-byYear [data-chart-drawn]")).hasCount(1);
		assertThat(city.locator("#stats-work")).containsText("整改中");
		assertThat(city.locator("#stats-work"))
			.containsText(java.time.LocalDate.now(cn.zhongchuang.platform.ChinaTime.ZONE).getYear() - 1 + "年度备案逾期");
		assertThat(city.locator("#stats-targets")).containsText("2018年目标 106家");
		assertThat(city.locator("#stats-targets .progress")).not().hasCount(0);
		shot(city, "stats-03-dashboard-city");
		city.selectOption("#stats-kind", new SelectOption().setLabel("众创空间"));
		city.click("#stats-filter button[type=submit]");
		city.click("#table-byRegion table a:has-text('城关区')");
		assertThat(city.locator("h1")).containsText("城关区统计看板");
		assertThat(city.locator("#stats-kind")).hasValue("MAKER_SPACE");
		shot(city, "stats-04-dashboard-city-drilled");
		city.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(city.locator(".zc-sidebar")).isHidden();
		city.pdf(new Page.PdfOptions().setPath(Paths.get("target/screenshots/stats-print-a4.pdf")).setFormat("A4"));

		for (String[] who : new String[][] { { "lz_county", "county" }, { "ln_province", "province" },
				{ "national", "national" }, { "cy_bureau", "chaoyang" } }) {
			Page p = signedIn(who[0]);
			p.navigate(url("/dashboard"));
			assertThat(p.locator("h1")).containsText("统计看板");
			assertThat(p.locator("#figure-institutions")).isVisible();
			shot(p, "stats-05-dashboard-" + who[1]);
		}
	}

	@Test
	void anOperatorSeesItsOwnInstitutions() {
		Page page = signedIn("lz_operator");
		page.navigate(url("/dashboard"));
		assertThat(page.locator("h1")).hasText("本机构统计看板");
		org.assertj.core.api.Assertions
			.assertThat(Integer.parseInt(page.locator("#figure-institutions .fs-4").innerText().strip()))
			.isPositive();
		assertThat(page.locator("#stats-targets")).hasCount(0);
		shot(page, "stats-06-dashboard-operator");
	}

}
