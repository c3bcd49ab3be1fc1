package cn.zhongchuang.application;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The A4 prints of an application (申请书) and of its review opinions (审查意见): the fields a
 * clerk files, dates as 2026年12月1日, labels instead of fact paths; linked from the detail
 * page and scoped like it.
 */
@IntegrationTest
class ApplicationPrintTests {

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern FACT_PATH = Pattern.compile("\\b[a-z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*\\b");

	@Autowired
	Applications applications;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Test
	void theApplicationFormAndTheReviewOpinionsPrintWithLabelsAndChineseDates() throws Exception {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application draft = this.fixtures.readyDraft(operator, "lanzhou-2018", "620102");
		// a declared fact, a date if the pack has one (it must print as 2026年1月31日)
		java.util.List<SpaceFactFields.Field> declarable = this.applications.form(draft.id(), operator)
			.facts()
			.stream()
			.filter((r) -> !r.computed() && r.field().choices().isEmpty())
			.map(Applications.FactRow::field)
			.toList();
		SpaceFactFields.Field declared = declarable.stream()
			.filter((f) -> f.type() == SpaceFactFields.Type.DATE)
			.findFirst()
			.or(() -> declarable.stream()
				.filter((f) -> f.type() == SpaceFactFields.Type.INTEGER || f.type() == SpaceFactFields.Type.DECIMAL)
				.findFirst())
			.orElseThrow();
		boolean date = declared.type() == SpaceFactFields.Type.DATE;
		this.applications.saveFacts(draft.id(), operator, Map.of("d." + declared.path(), date ? "2026-01-31" : "37"));
		Application app = this.applications.submit(draft.id(), null, operator);
		CurrentUser county = this.fixtures.user(Role.COUNTY_REVIEWER, "620102");
		app = this.fixtures.load(app.id());
		this.applications.decide(app.id(), app.currentStage(), Application.Decision.APPROVE, "材料齐全，情况属实，同意推荐。",
				app.version(), county);
		String today = ChinaTime.format(ChinaTime.today(this.clock));

		String detail = page("/applications/" + app.id(), county);
		assertThat(detail).contains("/applications/" + app.id() + "/print")
			.contains("/applications/" + app.id() + "/opinions/print");

		String form = text(page("/applications/" + app.id() + "/print", operator));
		assertThat(form).contains("认定申请书")
			.contains(app.operatorName())
			.contains(app.spaceName())
			.contains("城关区")
			.doesNotContain("NONE")
			.doesNotContainPattern("区划代码 \\d{6}")
			.contains("提交日期 " + today)
			.contains(date ? "2026年1月31日" : "37")
			.contains("资格自查结论")
			.contains("申报材料");
		ApplicationRecords.MaterialState material = this.applications.form(app.id(), operator)
			.materials()
			.stream()
			.filter(ApplicationRecords.MaterialState::required)
			.findFirst()
			.orElseThrow();
		assertThat(form).contains(material.name()).contains(material.files().get(0).displayName());
		assertThat(ISO_DATE.matcher(form).find()).as("ISO date in %s", form).isFalse();
		assertThat(form).doesNotContain(declared.path());
		assertThat(FACT_PATH.matcher(form).find()).as("fact path in %s", form).isFalse();

		String opinions = text(page("/applications/" + app.id() + "/opinions/print", county));
		assertThat(opinions).contains("审查意见")
			.contains("材料齐全，情况属实，同意推荐。")
			.contains("通过")
			.contains(county.displayName())
			.contains(today);
		assertThat(ISO_DATE.matcher(opinions).find()).as("ISO date in %s", opinions).isFalse();

		// scoped like the detail page: a county elsewhere gets 404
		CurrentUser elsewhere = this.fixtures.user(Role.COUNTY_REVIEWER, "620103");
		this.mvc.perform(get("/applications/" + app.id() + "/print").with(user(TestPrincipal.of(elsewhere))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/applications/" + app.id() + "/opinions/print").with(user(TestPrincipal.of(elsewhere))))
			.andExpect(status().isNotFound());
	}

	private String page(String path, CurrentUser user) throws Exception {
		return this.mvc.perform(get(path).with(user(TestPrincipal.of(user))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The text a reader sees: the body without tags, scripts and styles. */
	private static String text(String html) {
		String body = html.substring(html.indexOf("<body"));
		return body.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("(?s)<[^>]+>", " ")
			.replaceAll("&nbsp;", " ")
			.replaceAll("\\s+", " ");
	}

}
