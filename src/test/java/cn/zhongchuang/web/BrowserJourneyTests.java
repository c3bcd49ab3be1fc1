package cn.zhongchuang.web;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A clerk's first minutes in a real Chromium at 1366×768: sign in, find the work, manage
 * users, browse regions, switch language. Screenshots of every page land in
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserJourneyTests {

	static final Path SHOTS = Paths.get("target/screenshots");

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() {
		playwright = Playwright.create();
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	Page newPage() {
		return browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768).setLocale("zh-CN"));
	}

	@Test
	void administratorSignsInManagesUsersAndBrowsesRegions() {
		Page page = newPage();
		page.navigate(url("/admin/users"));
		assertThat(page).hasURL(url("/login"));
		shot(page, "01-login");

		page.fill("#username", "admin");
		page.fill("#password", "wrong-password");
		page.click("button[type=submit]");
		assertThat(page.locator("#login-error")).containsText("用户名或密码错误");
		shot(page, "02-login-error");

		page.fill("#username", "admin");
		page.fill("#password", "Demo@2026");
		page.click("button[type=submit]");
		// Back where the user was going before the sign-in page.
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/users.*"));
		page.click(".zc-sidebar >> text=待办");
		assertThat(page.locator("h1")).containsText("您好，系统管理员");
		assertThat(page.locator(".zc-sidebar")).containsText("用户管理");
		shot(page, "03-home");

		page.click(".zc-sidebar >> text=用户管理");
		assertThat(page.locator("#results")).containsText("lz_bureau");
		page.selectOption("#role", "EXPERT");
		assertThat(page.locator("#results tbody tr")).hasCount(3);
		assertThat(page.locator("#results")).not().containsText("lz_bureau");
		shot(page, "04-users-filtered");

		page.click("text=新建用户");
		page.fill("#username", "9bad");
		page.click("#user-form button[type=submit]");
		assertThat(page.locator(".invalid-feedback").first()).isVisible();
		assertThat(page.locator("#user-form")).containsText("请填写姓名");
		shot(page, "05-user-form-errors");

		page.fill("#username", "chengguan_clerk");
		page.fill("#displayName", "城关区 新办事员");
		page.selectOption("#role", "COUNTY_REVIEWER");
		page.selectOption(".zc-region-picker select[data-level='0']", "620000");
		page.selectOption(".zc-region-picker select[data-level='1']", "620100");
		page.selectOption(".zc-region-picker select[data-level='2']", "620102");
		page.click("#user-form button[type=submit]");
		assertThat(page.locator("#temporary-password")).isVisible();
		shot(page, "06-temporary-password");

		page.click(".zc-sidebar >> text=行政区划");
		page.click("summary:has-text('甘肃省')");
		assertThat(page.locator("text=兰州市").first()).isVisible();
		shot(page, "07-regions");

		page.click("text=English");
		assertThat(page.locator(".zc-sidebar")).containsText("Users");
		shot(page, "08-english");
		page.close();
	}

	@Test
	void auditorSeesTheSignInsOfTheDay() {
		Page page = newPage();
		page.navigate(url("/login"));
		page.fill("#username", "auditor");
		page.fill("#password", "Demo@2026");
		page.click("button[type=submit]");
		page.click(".zc-sidebar >> text=审计日志");
		page.selectOption("#action", "LOGIN");
		assertThat(page.locator("#results")).containsText("auditor");
		page.click("text=校验日志完整性");
		assertThat(page.locator("#verification")).containsText("哈希链完整");
		shot(page, "09-audit");
		page.close();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
