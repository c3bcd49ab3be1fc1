package cn.zhongchuang.tenant;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import cn.zhongchuang.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 纳税申报导入 in the browser: the operator uploads a file with bad rows, the progress card
 * turns into the result, and the errors are listed with their lines and a report to
 * download.
 */
class FilingImportBrowserTests extends BrowserTest {

	@Test
	void anOperatorUploadsAFileAndSeesItsErrorsByLine() {
		Page page = signedIn("cy_operator");
		page.navigate(url("/tax-filings/imports"));
		assertThat(page.locator("h1")).hasText("纳税申报导入");
		assertThat(page.locator("#template-xlsx")).isVisible();
		shot(page, "filings-01-import-page");

		String unknown = FilingImportFixtures.creditCode("110105");
		String csv = "统一社会信用代码,所属期,是否申报,实缴税额（元）\n" + unknown + ",2026-09,是,100\n" + unknown + ",2025-13,是,-1\n";
		page.locator("#file")
			.setInputFiles(new FilePayload("九月申报.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.click("#filing-upload button[type=submit]");

		assertThat(page.locator("#import-errors")).isVisible();
		assertThat(page.locator("#progress .badge")).hasText("未通过校验");
		assertThat(page.locator("#import-errors tbody tr")).hasCount(3);
		assertThat(page.locator("#import-errors tbody tr").first()).containsText("未知企业");
		assertThat(page.locator("#error-report")).isVisible();
		shot(page, "filings-02-import-errors");

		page.click("text=返回导入记录");
		assertThat(page.locator("#import-history")).containsText("九月申报.csv");
	}

}
