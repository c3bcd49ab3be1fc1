package cn.zhongchuang.supervision;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, Chaoyang: the bureau issues a rectification order (30 working
 * days), the operator answers, the bureau rejects, the recognition lapses and the public
 * registry shows it with its announcement. Screenshots sup-*.
 */
class SupervisionBrowserTests extends BrowserTest {

	static final AtomicLong N = new AtomicLong(System.nanoTime() % 1_000_000 + 900_000);

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	Recognitions recognitions;

	@Test
	void theBureauOrdersRectificationTheOperatorAnswersARejectionLapsesTheRecognition() {
		TestOrganisations.Registered org = this.organisations.register("110105", "浏览器整改运营公司");
		TestAccounts.Account operator = org.account();
		long n = N.incrementAndGet();
		String code = org.creditCode();
		TestAccounts.Account bureau = this.accounts.create(Role.CITY_BUREAU, "110105");
		String space = "浏览器整改空间" + n;
		Recognitions.Recognized rec = this.recognitions.recognize(
				new RecognitionRequest("application", n, space, org.name(), code, "MAKER_SPACE", "COMPREHENSIVE",
						"DISTRICT", "110105", "beijing-chaoyang-2017", "北京市朝阳区科学技术委员会", LocalDate.of(2025, 6, 1)),
				bureau.principal());

		Page b = signedIn(bureau.username(), TestAccounts.PASSWORD);
		b.click(".zc-sidebar >> text=动态管理");
		b.click("#new-order");
		b.fill("#lookup", rec.number());
		b.press("#lookup", "Enter");
		assertThat(b.locator("#deadline-rule")).containsText("30 个工作日");
		b.fill("#reason", "2026 年度考核不合格：在孵企业不足 10 家，未开展创业培训");
		shot(b, "sup-01-issue");
		b.click("#issue-form button[type=submit]");
		assertThat(b.locator("#order-status")).hasText("整改中");
		shot(b, "sup-02-order");

		Page o = signedIn(operator.username(), TestAccounts.PASSWORD);
		o.click(".zc-sidebar >> text=动态管理");
		o.click("#orders >> text=" + rec.number());
		o.fill("#answer", "已新引进在孵企业 6 家，举办创业培训 2 期");
		o.click("#answer-form button[type=submit]");
		assertThat(o.locator("#order-status")).hasText("待审核");
		shot(o, "sup-03-answered");

		b.reload();
		b.check("#reject");
		b.fill("#note", "经实地核查，新引进企业未实际入驻");
		b.click("#decide-form button[type=submit]");
		assertThat(b.locator(".alert-success")).containsText("认定资格已失效");
		shot(b, "sup-04-rejected");

		Page pub = newPage();
		pub.navigate(url("/registry?q=" + space));
		assertThat(pub.locator("#results")).containsText("已失效");
		assertThat(pub.locator("#announcements")).containsText(space);
		shot(pub, "sup-05-registry");
		pub.click("#results >> text=" + rec.number());
		assertThat(pub.locator("#rec-announcement")).containsText("履行摘牌手续");
		shot(pub, "sup-06-registry-detail");
	}

}
