package cn.zhongchuang.expert;

import java.util.List;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 朝阳's bureau in a real Chromium at 1366×768: adds an expert linked to an expert account,
 * draws a one-member panel, the expert scores (a score above the maximum is refused next
 * to the field first), and the bureau sees the aggregate. Screenshots exp-* in
 * target/screenshots.
 */
class ExpertBrowserTests extends BrowserTest {

	@Autowired
	TestAccounts accounts;

	@Test
	void bureauDrawsAPanelTheExpertScoresAndTheBureauSeesTheAggregate() {
		TestAccounts.Account expertAccount = this.accounts.create(Role.EXPERT, "110105");
		String field = "浏览器测试领域" + System.nanoTime() % 100000;
		Page page = newPage();
		page.onDialog((dialog) -> dialog.accept());

		signIn(page, "cy_bureau", "Demo@2026");
		page.click(".zc-sidebar >> text=专家库");
		assertThat(page.locator("#results")).containsText("张伟");
		page.click("#new-expert");
		page.fill("#name", "冯晓东");
		page.fill("#fields", field + "、电子信息");
		page.fill("#employer", "北京邮电大学");
		page.fill("#title", "教授");
		page.fill("#phone", "13912345678");
		page.fill("#username", expertAccount.username());
		page.click("#expert-form button[type=submit]");
		assertThat(page.locator("#results")).containsText("冯晓东");
		assertThat(page.locator("#results")).containsText("139****5678");
		shot(page, "exp-01-pool");

		page.click(".zc-sidebar >> text=评审专家组");
		page.click("#new-panel");
		page.fill("#subjectId", "browser-1");
		page.fill("#title", "朝阳测试众创空间 认定申请");
		page.fill("#operatorName", "北京朝阳测试众创空间有限公司");
		page.fill("#tenants", "北京测试在孵企业有限公司");
		page.fill("#fields", field);
		page.fill("#members", "1");
		page.fill("#alternates", "0");
		page.click("#panel-form button[type=submit]");
		assertThat(page.locator("#panel-status")).hasText("评分密封中");
		assertThat(page.locator("#members")).containsText("冯晓东");
		assertThat(page.locator("#results")).containsText("评分密封中");
		String panelUrl = page.url();
		shot(page, "exp-02-panel-sealed");
		signOut(page);

		signIn(page, expertAccount.username(), TestAccounts.PASSWORD);
		page.click(".zc-sidebar >> text=我的评审");
		page.click("#reviews >> text=朝阳测试众创空间 认定申请");
		for (String code : List.of("PREMISES", "TENANTS", "MENTORS", "IP_SERVICES", "ACTIVITIES", "DIRECTION",
				"RESOURCES")) {
			page.fill("#score_" + code, "8");
		}
		page.fill("#score_TEAM", "12");
		page.fill("#score_FINANCING", "16");
		page.fill("#opinion", "场地和导师团队扎实，融资服务仍需加强。");
		page.fill("#inspectedOn", "2026-11-20");
		page.fill("#inspectionPlace", "北京市朝阳区酒仙桥路 10 号");
		page.fill("#inspectionFindings", "现场工位与申报一致，在孵企业正常办公。");
		page.click("#score-form button[type=submit]");
		assertThat(page.locator("#score-form")).containsText("“创业融资服务”的得分应在 0–15 分之间");
		shot(page, "exp-03-score-error");
		page.fill("#score_FINANCING", "13");
		page.click("#score-form button[type=submit]");
		assertThat(page.locator(".alert-success")).containsText("评分揭晓");
		shot(page, "exp-04-scored");
		signOut(page);

		signIn(page, "cy_bureau", "Demo@2026");
		page.navigate(panelUrl);
		assertThat(page.locator("#panel-status")).hasText("评分已揭晓");
		assertThat(page.locator("#results")).containsText("平均总分 81.0 / 100");
		assertThat(page.locator("#totals")).containsText("场地和导师团队扎实");
		assertThat(page.locator("#results")).containsText("2026年11月20日 · 北京市朝阳区酒仙桥路 10 号");
		shot(page, "exp-05-results");
		page.close();
	}

	void signIn(Page page, String username, String password) {
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("button[type=submit]");
	}

	void signOut(Page page) {
		page.click("header >> text=退出");
	}

}
