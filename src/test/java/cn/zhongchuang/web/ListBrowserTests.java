package cn.zhongchuang.web;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.Spreadsheets;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The one list in Chromium at 1366×768, on 用户管理: sort by a column (and back), a smaller
 * page, a jump to page 2, a date range (one that finds nothing, a reversed one refused in
 * Chinese, one that finds everything), and 导出 Excel read back: every filtered row, in the
 * page's order, however many pages.
 */
class ListBrowserTests extends BrowserTest {

	@Test
	void aClerkSortsPagesFiltersByDateAndExportsWhatIsFiltered() throws Exception {
		Page page = signedIn("admin");
		page.navigate(url("/admin/users"));
		page.waitForLoadState();

		// sort by 姓名: ascending, then descending, the arrow on that column only
		page.click("th a[data-zc-sort=name]");
		assertThat(page.locator("th.zc-sortable:has(a[data-zc-sort=name])")).hasAttribute("aria-sort", "ascending");
		assertThat(page).hasURL(Pattern.compile(".*sort=name.*dir=asc.*"));
		page.click("th a[data-zc-sort=name]");
		assertThat(page.locator("th.zc-sortable:has(a[data-zc-sort=name])")).hasAttribute("aria-sort", "descending");
		assertThat(page.locator("th.zc-sortable:has(a[data-zc-sort=username])")).hasAttribute("aria-sort", "none");
		List<String> names = page.locator("#results tbody tr td:nth-child(2)").allTextContents();
		org.assertj.core.api.Assertions.assertThat(names).hasSizeGreaterThan(10);

		// ten a page, the sort kept
		page.selectOption("#list-size", "10");
		assertThat(page.locator("#results tbody tr")).hasCount(10);
		assertThat(page).hasURL(Pattern.compile(".*size=10.*"));
		assertThat(page.locator("th.zc-sortable:has(a[data-zc-sort=name])")).hasAttribute("aria-sort", "descending");
		org.assertj.core.api.Assertions.assertThat(page.locator("#results tbody tr td:nth-child(2)").allTextContents())
			.containsExactlyElementsOf(names.subList(0, 10));

		// 跳至第 2 页: the next ten of the same order
		page.fill("#list-page", "2");
		page.click("#list-jump button[type=submit]");
		assertThat(page.locator("#results .zc-list-bar")).containsText("第 2 /");
		org.assertj.core.api.Assertions.assertThat(page.locator("#results tbody tr td:nth-child(2)").allTextContents())
			.isEqualTo(names.subList(10, Math.min(20, names.size())));

		// a date range that finds nothing, a reversed one that is refused, then
		// everything
		page.fill("#list-from", "2000-01-01");
		page.fill("#list-to", "2000-12-31");
		page.locator("#filters button[type=submit]").click();
		assertThat(page.locator("#list-total")).hasText("共 0 条");
		page.fill("#list-from", "2001-01-01");
		page.locator("#filters button[type=submit]").click();
		assertThat(page.locator("#list-errors")).containsText("截止日期不能早于起始日期");
		page.fill("#list-from", "2000-01-01");
		page.fill("#list-to", "2999-12-31");
		page.locator("#filters button[type=submit]").click();
		assertThat(page.locator("#list-errors")).hasCount(0);
		assertThat(page.locator("#results tbody tr")).hasCount(10);
		String total = page.locator("#list-total").textContent().replaceAll("\\D", "");
		assertThat(page.locator("th.zc-sortable:has(a[data-zc-sort=name])")).hasAttribute("aria-sort", "descending");

		// no sideways scroll at 1366×768, and a picture of the list
		Object overflow = page
			.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
		shot(page, "lists-users-sorted-paged-export");

		// 导出 Excel: every page of what is filtered, in the page's order, dates in ISO
		Download download = page.waitForDownload(() -> page.click("#list-export"));
		org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("用户.xlsx");
		List<List<String>> sheet = Spreadsheets.firstSheet(Files.readAllBytes(download.path()));
		org.assertj.core.api.Assertions.assertThat(sheet.get(0)).startsWith("登录名", "姓名", "角色");
		org.assertj.core.api.Assertions.assertThat(sheet).hasSize(Integer.parseInt(total) + 1);
		List<String> exportedNames = sheet.subList(1, sheet.size()).stream().map((row) -> row.get(1)).toList();
		org.assertj.core.api.Assertions.assertThat(exportedNames.subList(0, names.size())).isEqualTo(names);
		int created = sheet.get(0).indexOf("创建时间");
		for (List<String> row : sheet.subList(1, sheet.size())) {
			org.assertj.core.api.Assertions.assertThat(row.get(created)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		}
		page.close();
	}

}
