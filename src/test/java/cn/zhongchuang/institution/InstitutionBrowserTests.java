package cn.zhongchuang.institution;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An operator with several institutions in Chromium: the list of its institutions, a new
 * creation form with a field error, each institution's own page whose figures come from
 * its own records, and a district bureau reading it. Screenshots inst-*.
 */
class InstitutionBrowserTests extends BrowserTest {

	@Test
	void anOperatorRegistersAnInstitutionAndEachInstitutionShowsItsOwnFigures() {
		Page page = signedIn("lz_operator");
		page.click(".zc-sidebar >> text=孵化载体");
		assertThat(page.locator("#results")).containsText("兰州星火众创空间（一号基地）");
		assertThat(page.locator("#results")).containsText("兰州星火创业苗圃");
		shot(page, "inst-01-my-institutions");

		page.click("#register-institution");
		page.fill("#name", "兰州星火加速器");
		page.selectOption("#kind", new SelectOption().setLabel("众创空间"));
		page.click("#institution-form button[type=submit]");
		assertThat(page.locator("#institution-form")).containsText("众创空间须选择综合性或专业化");
		shot(page, "inst-02-form-error");
		page.selectOption("#kind", new SelectOption().setLabel("加速器"));
		page.check("#sm-PROFESSIONAL_SERVICE");
		page.click("#institution-form button[type=submit]");
		assertThat(page.locator("#institution-name")).hasText("兰州星火加速器");
		assertThat(page.locator("#institution-particulars")).containsText("专业服务型");
		assertThat(page.locator("#institution-titles")).containsText("尚无称号");
		assertThat(page.locator("#tenants-active")).hasText("0");

		page.navigate(url("/institutions"));
		page.click("#results >> text=兰州星火众创空间（一号基地）");
		assertThat(page.locator("#institution-titles")).containsText("市级");
		int first = Integer.parseInt(page.locator("#tenants-active").innerText().strip());
		assertThat(page.locator("#facts")).containsText("「兰州星火众创空间（一号基地）」在孵企业名册");
		shot(page, "inst-03-first-base");

		page.navigate(url("/institutions"));
		page.click("#results >> text=兰州星火众创空间（二号基地）");
		int second = Integer.parseInt(page.locator("#tenants-active").innerText().strip());
		assertThat(page.locator("#facts")).containsText("「兰州星火众创空间（二号基地）」在孵企业名册 " + second + " 家");
		org.assertj.core.api.Assertions.assertThat(first).isGreaterThan(second).isPositive();
		shot(page, "inst-04-second-base");

		Page bureau = signedIn("lz_bureau");
		bureau.navigate(url("/institutions"));
		assertThat(bureau.locator("#results")).containsText("兰州星火众创空间（二号基地）");
		bureau.click("#results >> text=兰州星火众创空间（二号基地）");
		assertThat(bureau.locator("#institution-name")).hasText("兰州星火众创空间（二号基地）");
		assertThat(bureau.locator("#institution-edit")).hasCount(0);
		shot(bureau, "inst-05-bureau-reads");
	}

}
