package cn.zhongchuang.assessment;

import java.time.LocalDate;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.Recognitions;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 年度备案 in Chromium: a submission refused with two field errors shows them at the fields
 * of that institution only; correcting one and submitting again leaves only the other;
 * correcting both files it, and the page (and a reload of it) shows no error of the
 * refused attempts. Screenshots filing-*.
 */
class AnnualFilingFormBrowserTests extends BrowserTest {

	@Autowired
	AssessmentFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	@Test
	void aCorrectedFilingShowsNoneOfTheRefusedAttemptsErrors() {
		int year = ChinaTime.today(this.clock).getYear() - 1;
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		AssessmentFixtures.Holder h = this.fixtures.operator("620104");
		Recognitions.Recognized a = this.fixtures.recognize(h, "620104", "CITY", "lanzhou-2018", "兰州市科学技术局",
				LocalDate.of(year, 5, 1), bureau);
		Recognitions.Recognized b = this.fixtures.recognize(h, "620104", "CITY", "lanzhou-2018", "兰州市科学技术局",
				LocalDate.of(year, 5, 1), bureau);

		Page page = signedIn(h.operator().username(), TestAccounts.PASSWORD);
		page.navigate(url("/filings?year=" + year));
		Locator cardA = page.locator(".filing", new Page.LocatorOptions().setHasText(a.number()));
		Locator cardB = page.locator(".filing", new Page.LocatorOptions().setHasText(b.number()));

		// refused: two errors at a's fields, none at b's
		page.fill("#figure-" + a.id() + "-FINANCING", "-1");
		page.fill("#figure-" + a.id() + "-TRAINEES", "1.234");
		cardA.locator("button[name=action][value=submit]").click();
		assertThat(page.locator("#figure-" + a.id() + "-FINANCING"))
			.hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
		assertThat(page.locator("#figure-" + a.id() + "-TRAINEES"))
			.hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
		assertThat(cardA.locator(".invalid-feedback")).hasCount(2);
		assertThat(cardB.locator(".is-invalid")).hasCount(0);
		assertThat(cardB.locator(".invalid-feedback")).hasCount(0);
		shot(page, "filing-01-refused");

		// one corrected: only the other error is left, what was typed is kept
		page.fill("#figure-" + a.id() + "-FINANCING", "88");
		cardA.locator("button[name=action][value=submit]").click();
		assertThat(cardA.locator(".invalid-feedback")).hasCount(1);
		assertThat(cardA.locator(".invalid-feedback")).containsText("培训人次");
		assertThat(page.locator("#figure-" + a.id() + "-FINANCING")).not()
			.hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
		assertThat(page.locator("#figure-" + a.id() + "-FINANCING")).hasValue("88");

		// both corrected: filed, no error anywhere, and a reload repeats nothing
		page.fill("#figure-" + a.id() + "-TRAINEES", "12");
		cardA.locator("button[name=action][value=submit]").click();
		assertThat(page.locator(".alert-success").first()).containsText("已提交 " + year + " 年度备案");
		assertThat(page.locator(".is-invalid")).hasCount(0);
		assertThat(page.locator(".invalid-feedback")).hasCount(0);
		assertThat(cardA).containsText("提交日期");
		assertThat(cardA.locator("button[name=action]")).hasCount(0);
		shot(page, "filing-02-filed");
		page.reload();
		assertThat(page.locator(".is-invalid")).hasCount(0);
		assertThat(cardA).containsText("提交日期");
		assertThat(cardB.locator("button[name=action][value=submit]")).hasCount(1);
	}

}
