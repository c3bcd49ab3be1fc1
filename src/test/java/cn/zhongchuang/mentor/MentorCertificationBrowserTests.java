package cn.zhongchuang.mentor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.platform.ChinaTime;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 创业导师认定 in a real Chromium at 1366×768 (seed 002): the 玄武 operator ({@code js_operator})
 * enters a mentor's application through the form; a wrong ID number is refused at the
 * field in Chinese and what was typed stays; the corrected form is 待审核. The same person
 * is entered a second time. 江苏省科学技术厅 ({@code js_province}) certifies the first (the
 * confirmation names the mentor, the certificate and the public registry) and the second
 * is refused as the same person; a visitor without a session finds the mentor in
 * {@code /mentors} by name and by field with institution, certificate number and term,
 * never the ID number or phone; the province revokes (the confirmation names the
 * consequence) and the visitor no longer finds the mentor, unless asking for all
 * certificates, where it is 已撤销 since the day. Every page is checked for what a clerk
 * must not see and for horizontal scrolling. Screenshots in target/screenshots
 * (mentor-*).
 */
class MentorCertificationBrowserTests extends BrowserTest {

	static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/** A region code standing alone (a masked ID number starts with one and may stay). */
	static final Pattern REGION_CODE = Pattern.compile("(?<![0-9A-Z])32\\d{4}(?![0-9A-Z*])");

	static final Pattern ENUM_NAME = Pattern.compile("PENDING|CERTIFIED|REFUSED|REVOKED|LAPSED|NOMINATION|APPLICATION");

	static final String NAME = "周明远";

	static final String FIELD = "集成电路设计";

	static final String EMPLOYER = "南京芯合微电子有限公司";

	static final String PHONE = "13851760423";

	@Autowired
	TestClock clock;

	final List<String> dialogs = new ArrayList<>();

	Page as(String username) {
		return signedIn(username, DEMO_PASSWORD, this.dialogs);
	}

	/** What a clerk must not see, and no horizontal scrolling at 1366 pixels. */
	static void clerkReadable(Page page) {
		String text = page.locator("main").count() > 0 ? page.locator("main").first().innerText()
				: page.locator("body").innerText();
		assertThat(ENUM_NAME.matcher(text).find()).as("enum name on " + page.url()).isFalse();
		assertThat(ISO_DATE.matcher(text).find()).as("ISO date on " + page.url()).isFalse();
		assertThat(REGION_CODE.matcher(text).find()).as("region code on " + page.url()).isFalse();
		Object overflow = page
			.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(((Number) overflow).intValue()).as("horizontal scroll on " + page.url()).isLessThanOrEqualTo(0);
	}

	/**
	 * A valid ID number of a person born in 1979 that no other run of this test gives.
	 */
	static String idNumber() {
		long n = System.nanoTime();
		String first17 = String.format("320102%04d%02d%02d%03d", 1979, 1 + n % 12, 1 + (n / 12) % 28, (n / 336) % 1000);
		return IdNumbers.withCheck(first17);
	}

	static String withWrongCheck(String id) {
		char wrong = (id.charAt(17) == '1') ? '2' : '1';
		return id.substring(0, 17) + wrong;
	}

	/** Fills the 个人申请 part of the form as the operator's clerk would. */
	static String fillApplication(Page page, String idNumber) {
		page.selectOption("#mentorRecordId", "");
		page.locator("#institutionId").selectOption(page.locator("#institutionId option").nth(1).getAttribute("value"));
		page.fill("#name", NAME);
		page.fill("#employer", EMPLOYER);
		page.fill("#field", FIELD);
		page.fill("#idNumber", idNumber);
		page.fill("#phone", PHONE);
		page.fill("#experience", "从事集成电路设计十五年，2016 年创办芯片设计企业并完成 B 轮融资；任孵化器创业导师四年，辅导团队二十余个。");
		return page.locator("#institutionId option:checked").innerText().replaceAll("（.*", "").strip();
	}

	@Test
	void theProvinceCertifiesAMentorTheOperatorNominatedAndTheRegistryShowsItUntilRevoked() {
		String id = idNumber();

		// the operator: a wrong ID number is refused at the field, what was typed stays
		Page operator = as("js_operator");
		operator.click(".zc-sidebar >> text=创业导师认定");
		assertThat(operator.locator("#results")).isVisible();
		clerkReadable(operator);
		shot(operator, "mentor-01-operator-list");
		operator.click("#new-nomination");
		String institution = fillApplication(operator, withWrongCheck(id));
		clerkReadable(operator);
		shot(operator, "mentor-02-form-filled");
		operator.click("#mentor-submit");
		assertThat(operator.locator("#idNumber")).hasClass(Pattern.compile("is-invalid"));
		assertThat(operator.locator("#idNumber + .invalid-feedback")).hasText("身份证号校验位不正确");
		assertThat(operator.locator("#idNumber")).hasValue(withWrongCheck(id));
		assertThat(operator.locator("#name")).hasValue(NAME);
		assertThat(operator.locator("#field")).hasValue(FIELD);
		assertThat(operator.locator("#employer")).hasValue(EMPLOYER);
		assertThat(operator.locator("#phone")).hasValue(PHONE);
		assertThat(operator.locator("#experience")).hasValue(Pattern.compile("^从事集成电路设计十五年"));
		assertThat(operator.locator("#institutionId option:checked")).containsText(institution);
		clerkReadable(operator);
		shot(operator, "mentor-03-form-refused");

		operator.fill("#idNumber", id);
		operator.click("#mentor-submit");
		assertThat(operator.locator("#mentor-status")).hasText("待审核");
		assertThat(operator.locator("[role=status].alert-success")).containsText("已提交创业导师认定申请");
		assertThat(operator.locator("main")).containsText(institution);
		assertThat(operator.locator("#mentor-id-number")).hasText(IdNumbers.masked(id));
		String first = operator.url();
		clerkReadable(operator);
		shot(operator, "mentor-04-submitted");

		// the same person entered a second time (no certificate yet: the form lets it
		// through)
		operator.navigate(url("/mentor-certifications/new"));
		fillApplication(operator, id);
		operator.click("#mentor-submit");
		assertThat(operator.locator("#mentor-status")).hasText("待审核");
		String second = operator.url();
		assertThat(second).isNotEqualTo(first);
		operator.navigate(url("/mentor-certifications?q=" + NAME));
		assertThat(operator.locator("#results tbody tr:has-text('" + NAME + "')")).hasCount(2);
		clerkReadable(operator);
		operator.close();

		// the province certifies the first
		Page province = as("js_province");
		province.click(".zc-sidebar >> text=创业导师认定");
		assertThat(province.locator("#results")).containsText(NAME);
		// two rows of one name: the masked ID number tells whether it is one person
		assertThat(province.locator("#results tbody tr:has-text('" + NAME + "') .mentor-masked-id"))
			.hasText(new String[] { IdNumbers.masked(id), IdNumbers.masked(id) });
		clerkReadable(province);
		shot(province, "mentor-05-province-list");
		province.navigate(first);
		assertThat(province.locator("#certify")).isVisible();
		assertThat(province.locator("main")).containsText(FIELD);
		assertThat(province.locator("main")).containsText("江苏省科学技术厅");
		clerkReadable(province);
		shot(province, "mentor-06-province-opens");
		province.click("#certify");
		assertThat(province.locator("#mentor-status")).hasText("有效");
		assertThat(this.dialogs).last()
			.satisfies((message) -> assertThat(message).contains(NAME)
				.contains("证书编号")
				.contains("有效期 3 年")
				.contains("公开的创业导师名录"));
		String number = province.locator("#mentor-number").innerText().strip();
		LocalDate today = ChinaTime.today(this.clock);
		assertThat(number).matches("苏创导〔" + today.getYear() + "〕\\d{3}号");
		LocalDate until = today.plusYears(3).minusDays(1);
		String untilText = until.getYear() + "年" + until.getMonthValue() + "月" + until.getDayOfMonth() + "日";
		assertThat(province.locator("main")).containsText(untilText);
		assertThat(province.locator("[role=status].alert-success")).containsText(number);
		clerkReadable(province);
		shot(province, "mentor-07-certified");

		// the same ID number a second time: the page warns before, the certification is
		// refused in Chinese, the nomination still waits
		province.navigate(second);
		assertThat(province.locator("#same-person")).containsText(number);
		assertThat(province.locator("#same-person")).containsText("不能再认定");
		assertThat(province.locator("#same-person")).containsText(untilText);
		clerkReadable(province);
		shot(province, "mentor-08-same-person-warned");
		province.click("#certify");
		assertThat(province.locator("#decision-error")).containsText("已持有有效的创业导师证书");
		assertThat(province.locator("#decision-error")).containsText(number);
		assertThat(province.locator("#decision-error")).containsText("同一人不能重复认定");
		assertThat(province.locator("#decision-error")).not().containsText(id);
		assertThat(province.locator("#mentor-status")).hasText("待审核");
		clerkReadable(province);
		shot(province, "mentor-09-second-refused");
		province.fill("#refuse-reason", "与已认定的创业导师为同一人，重复申请");
		province.click("#refuse");
		assertThat(province.locator("#mentor-status")).hasText("不予认定");
		assertThat(this.dialogs).last().satisfies((message) -> assertThat(message).contains("不予认定").contains(NAME));

		// a visitor without a session finds the mentor by name and by field
		Page visitor = newPage();
		visitor.navigate(url("/mentors"));
		visitor.fill("#q", NAME);
		visitor.click("#mentor-search");
		Locator row = visitor.locator(".mentor-row:has-text('" + number + "')");
		assertThat(row).hasCount(1);
		assertThat(row.locator(".mentor-name")).hasText(NAME);
		assertThat(row).containsText(FIELD);
		assertThat(row).containsText(institution);
		assertThat(row).containsText(untilText);
		assertThat(row.locator(".mentor-status")).hasText("有效");
		assertNoPersonalData(visitor, id);
		clerkReadable(visitor);
		shot(visitor, "mentor-10-registry-by-name");
		visitor.fill("#q", "");
		visitor.selectOption("#field", FIELD);
		visitor.click("#mentor-search");
		assertThat(visitor.locator(".mentor-row:has-text('" + number + "')")).hasCount(1);
		assertNoPersonalData(visitor, id);
		clerkReadable(visitor);
		assertThat(visitor.context().cookies())
			.noneMatch((c) -> c.name.equals("SESSION") || c.name.equals("JSESSIONID"));

		// the province revokes; the visitor no longer finds the mentor in force
		province.navigate(first);
		province.fill("#revoke-reason", "经核查，该导师在辅导中向在孵企业收取不当费用");
		clerkReadable(province);
		shot(province, "mentor-11-revoke");
		province.click("#revoke");
		assertThat(province.locator("#mentor-status")).hasText("已撤销");
		assertThat(this.dialogs).last()
			.satisfies(
					(message) -> assertThat(message).contains(NAME).contains(number).contains("立即失效").contains("已撤销"));
		clerkReadable(province);
		shot(province, "mentor-12-revoked");
		province.close();

		visitor.navigate(url("/mentors"));
		visitor.fill("#q", NAME);
		visitor.click("#mentor-search");
		assertThat(visitor.locator(".mentor-row")).hasCount(0);
		assertThat(visitor.locator("#mentor-results")).containsText("暂无符合条件的创业导师");
		clerkReadable(visitor);
		shot(visitor, "mentor-13-registry-after-revocation");
		// asked for all certificates (to check one): revoked, since when, no term
		visitor.selectOption("#scope", "all");
		visitor.click("#mentor-search");
		Locator revoked = visitor.locator(".mentor-row:has-text('" + number + "')");
		assertThat(revoked.locator(".mentor-status")).hasText("已撤销");
		assertThat(revoked.locator(".mentor-ended"))
			.hasText(today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日撤销");
		assertThat(revoked.locator(".mentor-until")).hasText("—");
		assertNoPersonalData(visitor, id);
		clerkReadable(visitor);
		shot(visitor, "mentor-14-registry-all-certificates");
		visitor.close();
	}

	static void assertNoPersonalData(Page page, String id) {
		String html = page.content();
		assertThat(html).doesNotContain(id).doesNotContain(IdNumbers.masked(id)).doesNotContain(PHONE);
	}

}
