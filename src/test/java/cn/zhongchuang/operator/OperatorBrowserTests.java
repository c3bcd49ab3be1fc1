package cn.zhongchuang.operator;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 朝阳's operator in a real Chromium at 1366×768: opens 我的机构, adds a mentor and a
 * counselling record through the htmx forms, and sees the counts grow. Screenshots in
 * target/screenshots.
 */
class OperatorBrowserTests extends BrowserTest {

	@Test
	void operatorAddsAMentorWithACounsellingRecordAndSeesTheCount() {
		Page page = newPage();
		page.navigate(url("/login"));
		page.fill("#username", "cy_operator");
		page.fill("#password", "Demo@2026");
		page.click("button[type=submit]");

		page.click(".zc-sidebar >> text=我的机构");
		assertThat(page.locator("h1")).containsText("北京朝阳创客空间科技有限公司");
		assertThat(page.locator("#institution-list")).containsText("朝阳创客空间（一号基地）");
		int mentors = Integer.parseInt(page.locator("#card-mentors .zc-count").innerText().strip());
		shot(page, "op-01-my-organisation");

		page.click("#card-mentors");
		page.click("#new-record");
		assertThat(page.locator("#record-form")).isVisible();
		page.click("#record-form button[type=submit]");
		assertThat(page.locator("#record-form")).containsText("请填写姓名");
		shot(page, "op-02-mentor-form-errors");

		page.fill("#name", "孟导师");
		page.fill("#employer", "深创投");
		page.fill("#field", "硬科技投资");
		page.check("#fromLeadingInvestorOrFirm");
		page.fill("#contractStart", "2025-09-01");
		page.click("#record-form button[type=submit]");
		assertThat(page.locator("#editor")).containsText("已保存");
		assertThat(page.locator("#results")).containsText("孟导师");

		page.click("#results tr:has-text('孟导师') .zc-child-link");
		assertThat(page.locator("h1")).containsText("孟导师");
		page.click("#new-record");
		page.fill("#heldOn", "2026-01-15");
		page.fill("#tenantName", "北京智云数联科技有限公司");
		page.fill("#topic", "天使轮融资方案");
		page.fill("#hours", "2.5");
		page.fill("#summary", "梳理估值逻辑与投资人名单。");
		page.click("#record-form button[type=submit]");
		// the operator runs several institutions: the counselling belongs to one of them
		assertThat(page.locator("#record-form")).containsText("请选择所属载体");
		page.selectOption("#institutionId",
				new com.microsoft.playwright.options.SelectOption().setLabel("朝阳创客空间（一号基地）"));
		page.click("#record-form button[type=submit]");
		assertThat(page.locator("#results")).containsText("天使轮融资方案");
		shot(page, "op-03-counselling");

		page.click(".zc-sidebar >> text=我的机构");
		assertThat(page.locator("#card-mentors .zc-count")).hasText(String.valueOf(mentors + 1));
		page.click("#card-mentors");
		assertThat(page.locator("#results tr:has-text('孟导师')")).containsText("辅导档案 (1)");
		shot(page, "op-04-mentor-count");
		page.close();
	}

}
