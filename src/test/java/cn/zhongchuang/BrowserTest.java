package cn.zhongchuang;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a real port, driven by Debian's Chromium through Playwright at a
 * 1366×768 office screen. Every subclass shares one server (one cached context) and
 * writes its screenshots to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTest {

	public static final String DEMO_PASSWORD = "Demo@2026";

	static final Path SHOTS = Paths.get("target/screenshots");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void launchChromium() {
		// Generous: the CI machine has two cores and the first request of a page may
		// compile templates.
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
		playwright = Playwright.create();
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void closeChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	protected Page newPage() {
		return browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768).setLocale("zh-CN"));
	}

	/** A new page signed in as a demo account, on the page the sign-in leads to. */
	protected Page signedIn(String username) {
		return signedIn(username, DEMO_PASSWORD);
	}

	/**
	 * A new page signed in with the password given, on the page the sign-in leads to;
	 * confirmation dialogs on it are accepted, as a user would.
	 */
	protected Page signedIn(String username, String password) {
		return signedIn(username, password, new java.util.ArrayList<>());
	}

	/**
	 * Signed in as {@link #signedIn(String, String)}, keeping the text of every
	 * confirmation it accepts in {@code dialogs}, for the test to read.
	 */
	protected Page signedIn(String username, String password, java.util.List<String> dialogs) {
		Page page = newPage();
		page.onDialog((dialog) -> {
			dialogs.add(dialog.message());
			dialog.accept();
		});
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("button[type=submit]");
		page.waitForURL((u) -> !u.contains("/login"));
		return page;
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
