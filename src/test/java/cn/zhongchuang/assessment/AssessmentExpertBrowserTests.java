package cn.zhongchuang.assessment;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.zhongchuang.BrowserTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.Recognitions;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, Liaoning (沙河口区 210204): on the round page the bureau draws two
 * experts for the one institution; the panel appears sealed with a link, the result is
 * marked 待专家评分, and an expert finds the review on 我的评审. Screenshots asm-x-*.
 */
class AssessmentExpertBrowserTests extends BrowserTest {

	static final String REGION = "210204";

	@Autowired
	AssessmentFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Assessments assessments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theBureauDrawsAPanelOnTheRoundPageAndAnExpertFindsIt() {
		AssessmentFixtures.Holder h = this.fixtures.operator(REGION);
		TestAccounts.Account bureau = this.accounts.create(Role.CITY_BUREAU, REGION);
		int year = LocalDate.now(ChinaTime.ZONE).getYear() - 2;
		Recognitions.Recognized rec = this.fixtures.recognize(h, REGION, "PROVINCE", "liaoning-specialized-2019",
				"辽宁省科学技术厅", LocalDate.of(year, 5, 1), bureau.principal());
		String field = "考核领域" + UUID.randomUUID().toString().substring(0, 8);
		TestAccounts.Account expert = this.accounts.create(Role.EXPERT, REGION);
		expert("专家丁" + field, field, expert.id());
		expert("专家戊" + field, field, null);
		AssessmentRound round = this.assessments.open(bureau.principal(), "liaoning-specialized-2019", year + 1);

		Page b = signedIn(bureau.username(), TestAccounts.PASSWORD);
		b.navigate(url("/bureau/assessments/" + round.id()));
		b.waitForLoadState();
		assertThat(b.locator("#no-panels")).isVisible();
		b.selectOption("#resultId", String.valueOf(resultId(round, rec.id())));
		b.fill("#members", "2");
		b.fill("#alternates", "0");
		b.fill("#fields", field);
		shot(b, "asm-x-01-draw");
		b.click("#draw");
		b.waitForURL((u) -> u.contains("/bureau/assessments/" + round.id()));
		assertThat(b.locator(".alert-success")).containsText("已随机抽取评审专家 2 名");
		assertThat(b.locator("#panel-" + rec.number())).containsText("评分封存中");
		// the only institution's panel is sealed: nothing left to draw for
		assertThat(b.locator("#panel-form")).hasCount(0);
		assertThat(b.locator("#result-" + rec.number() + " .source")).hasText("待专家评分");
		assertThat(b.locator("#panel-" + rec.number() + " a")).hasAttribute("href",
				Pattern.compile("/expert-panels/\\d+"));
		shot(b, "asm-x-02-panel-drawn");

		Page e = signedIn(expert.username(), TestAccounts.PASSWORD);
		e.navigate(url("/my-reviews"));
		assertThat(e.locator("body")).containsText((year + 1) + " 年度考核：");
		shot(e, "asm-x-03-my-reviews");
	}

	long resultId(AssessmentRound round, long recognitionId) {
		return this.assessments.results(round.id())
			.stream()
			.filter((r) -> r.recognitionId() == recognitionId)
			.findFirst()
			.orElseThrow()
			.id();
	}

	void expert(String name, String field, Long userId) {
		this.jdbc.sql("""
				INSERT INTO expert (region_code, name, fields, employer, user_id, created_at)
				VALUES (:region, :name, ARRAY[:field], :employer, :user, now())
				""")
			.param("region", REGION)
			.param("name", name)
			.param("field", field)
			.param("employer", name + "所在大学")
			.param("user", userId)
			.update();
	}

}
