package cn.zhongchuang.assessment;

import java.time.LocalDate;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.Recognitions;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, Liaoning: the operator files last year's report (tenants computed,
 * financing declared), the bureau sees it late (after the system's 03-31), opens this
 * year's round, scores the institution and publishes; the public results page shows the
 * grade. Screenshots asm-*.
 */
class AssessmentBrowserTests extends BrowserTest {

	@Autowired
	AssessmentFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Assessments assessments;

	@Test
	void theOperatorFilesTheBureauScoresAndPublishesTheResultsArePublic() {
		AssessmentFixtures.Holder h = this.fixtures.operator("210213");
		TestAccounts.Account bureau = this.accounts.create(Role.CITY_BUREAU, "210213");
		int year = LocalDate.now(cn.zhongchuang.platform.ChinaTime.ZONE).getYear() - 2;
		Recognitions.Recognized rec = this.fixtures.recognize(h, "210213", "PROVINCE", "liaoning-specialized-2019",
				"辽宁省科学技术厅", LocalDate.of(year, 4, 1), bureau.principal());

		Page o = signedIn(h.operator().username(), TestAccounts.PASSWORD);
		o.click(".zc-sidebar >> text=年度备案");
		o.navigate(url("/filings?year=" + year));
		o.fill("#figure-" + rec.id() + "-FINANCING", "150");
		o.fill("#figure-" + rec.id() + "-TRAINEES", "60");
		shot(o, "asm-01-filing");
		o.click(".filing button[value=submit]");
		assertThat(o.locator(".filing .badge").first()).hasText("逾期备案");
		shot(o, "asm-02-filed-late");

		Page b = signedIn(bureau.username(), TestAccounts.PASSWORD);
		b.click(".zc-sidebar >> text=年度备案");
		b.navigate(url("/bureau/filings?year=" + year));
		assertThat(b.locator("#results tr", new Page.LocatorOptions().setHasText(rec.number()))).containsText("逾期备案");
		assertThat(b.locator("#results tr", new Page.LocatorOptions().setHasText(rec.number()))).containsText("150");
		shot(b, "asm-03-bureau-filings");

		b.click(".zc-sidebar >> text=考核");
		b.selectOption("#policyId", "liaoning-specialized-2019");
		// the form offers only the years that have ended, latest first
		assertThat(b.locator("#year option").first()).hasText(String.valueOf(year + 1));
		assertThat(b.locator("#year option[value='" + (year + 2) + "']")).hasCount(0);
		b.selectOption("#year", String.valueOf(year + 1));
		b.click("#open-round button[type=submit]");
		assertThat(b.locator("#lapse-rule")).containsText("连续 2 年");
		long roundId = Long.parseLong(b.url().substring(b.url().lastIndexOf('/') + 1));
		for (AssessmentResult r : this.assessments.results(roundId)) {
			String form = "score-" + r.id();
			String[][] scores = { { "ANNUAL_STATISTICS", "18" }, { "INCUBATION_RESULTS", "25" },
					{ "TRAINING_AND_ROADSHOWS", "16" }, { "COMPETITIONS", "12" }, { "MODEL_INNOVATION", "12" } };
			for (String[] s : scores) {
				b.fill("input[form='" + form + "'][name='score." + s[0] + "']", s[1]);
			}
			shot(b, "asm-04-scoring");
			b.click("#" + form + " button[type=submit]");
			b.waitForLoadState();
		}
		assertThat(b.locator("#results tr", new Page.LocatorOptions().setHasText(rec.number()))).containsText("良好");
		b.click("#publish");
		assertThat(b.locator(".badge.text-bg-success").first()).hasText("已公布");
		shot(b, "asm-05-published");

		Page pub = newPage();
		pub.navigate(url("/assessments/" + roundId));
		assertThat(pub.locator("#results")).containsText(rec.number());
		assertThat(pub.locator("#results")).containsText("83");
		shot(pub, "asm-06-public");
	}

}
