package cn.zhongchuang.identity;

import java.time.Instant;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.platform.Role;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A bureau user in a real Chromium enrols an authenticator on 账户安全 (the test plays the
 * app: it computes the codes from the secret the page shows), signs out, and signs in
 * again with the password and then the code; a wrong code is refused. Screenshots totp-*
 * in target/screenshots.
 */
class SecondFactorBrowserTests extends BrowserTest {

	@Autowired
	TestAccounts accounts;

	@Test
	void aBureauUserEnrolsAndSignsInWithTheSecondStep() {
		var user = this.accounts.create(Role.CITY_BUREAU, "620100");
		Page page = signedIn(user.username(), TestAccounts.PASSWORD);

		page.click(".zc-sidebar >> text=账户安全");
		assertThat(page.locator("#totp-status")).containsText("未启用");
		assertThat(page.locator("#totp-uri")).containsText("otpauth://totp/");
		String secret = page.locator("#totp-secret").textContent().replace(" ", "");
		shot(page, "totp-01-enrol");

		page.fill("#code", "000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000");
		page.click("#totp-enrol button[type=submit]");
		assertThat(page.locator("#code")).hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
		page.fill("#code", Totp.code(secret, Instant.now()));
		page.click("#totp-enrol button[type=submit]");
		assertThat(page.locator("#totp-status")).containsText("已启用");
		assertThat(page.locator(".alert-success")).containsText("动态验证码已启用");
		shot(page, "totp-02-enrolled");

		page.click("text=退出");
		page.fill("#username", user.username());
		page.fill("#password", TestAccounts.PASSWORD);
		page.click("button[type=submit]");
		page.waitForURL((u) -> u.endsWith("/login/totp"));
		assertThat(page.locator("h1")).containsText("请输入动态验证码");
		shot(page, "totp-03-code-step");

		// another page is out of reach until the code is given
		page.navigate(url("/tenants"));
		assertThat(page).hasURL(url("/login/totp"));

		page.fill("#code", wrongCode(secret));
		page.click("form[action$='/login/totp'] button[type=submit]");
		assertThat(page.locator("#totp-error")).containsText("动态验证码不正确");
		shot(page, "totp-04-wrong-code");

		// the next step's code: the current one was spent on the enrolment
		page.fill("#code", Totp.code(secret, Instant.now().plusSeconds(30)));
		page.click("form[action$='/login/totp'] button[type=submit]");
		// on to the page asked for before the code
		assertThat(page).hasURL(url("/tenants"));
		assertThat(page.locator(".zc-sidebar")).containsText("账户安全");
		shot(page, "totp-05-signed-in");
	}

	private static String wrongCode(String secret) {
		Instant now = Instant.now();
		for (int candidate = 246801;; candidate = (candidate + 7919) % 1_000_000) {
			String code = "%06d".formatted(candidate);
			boolean valid = false;
			for (int s = -1; s <= 2; s++) {
				valid |= code.equals(Totp.code(secret, now.plusSeconds(30L * s)));
			}
			if (!valid) {
				return code;
			}
		}
	}

}
