package cn.zhongchuang.assessment;

import java.util.List;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The filing and assessment API: scoped like the pages (another region or another
 * operator gets 404), filters, bad parameters answered 400 problem+json naming the
 * parameter, a published round readable by anyone; the bureau's exports with the page's
 * filters and formula cells escaped.
 */
@IntegrationTest
class AssessmentApiTests {

	static final String REGION = "620105";

	@Autowired
	MockMvc mvc;

	@Autowired
	AnnualFilings filings;

	@Autowired
	Assessments assessments;

	@Autowired
	Recognitions recognitions;

	@Autowired
	AssessmentFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	int lastYear() {
		return ChinaTime.today(this.clock).getYear() - 1;
	}

	Recognitions.Recognized recognize(AssessmentFixtures.Holder h, String name, AuthenticatedUser bureau) {
		return this.recognitions.recognize(new RecognitionRequest("application", AssessmentFixtures.N.incrementAndGet(),
				name + AssessmentFixtures.N.get(), h.name(), h.creditCode(), "MAKER_SPACE", "COMPREHENSIVE", "CITY",
				REGION, "lanzhou-2018", "兰州市科学技术局", LocalDate.of(lastYear() - 1, 6, 1)), bureau);
	}

	@Test
	void filingsAreScopedFilteredAndExported() throws Exception {
		int y = lastYear();
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, REGION).principal();
		AssessmentFixtures.Holder h = this.fixtures.operator(REGION);
		AssessmentFixtures.Holder other = this.fixtures.operator(REGION);
		Recognitions.Recognized filed = recognize(h, "=HYPERLINK(\"http://x\")备案空间", bureau);
		Recognitions.Recognized none = recognize(other, "未备案空间", bureau);
		Filing draft = this.filings.saveDraft(h.operator(), filed.id(), y, Map.of("GRADUATES", "7"));

		// the operator submits through the API; another operator cannot
		this.mvc.perform(post("/api/v1/filings/" + draft.id() + "/submit").with(user(other.operator())).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/v1/filings/" + draft.id() + "/submit").with(user(h.operator())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.late").value(true));

		this.mvc
			.perform(get("/api/v1/filings").param("year", String.valueOf(y)).param("size", "200").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].recognitionNumber", hasItem(filed.number())))
			.andExpect(jsonPath("$.items[*].recognitionNumber", hasItem(none.number())));
		this.mvc
			.perform(get("/api/v1/filings").param("year", String.valueOf(y))
				.param("status", "SUBMITTED")
				.param("size", "200")
				.with(user(bureau)))
			.andExpect(jsonPath("$.items[*].recognitionNumber", hasItem(filed.number())))
			.andExpect(jsonPath("$.items[*].recognitionNumber", not(hasItem(none.number()))))
			.andExpect(
					jsonPath("$.items[?(@.recognitionNumber == '" + filed.number() + "')].state").value("FILED_LATE"));
		this.mvc
			.perform(get("/api/v1/filings").param("year", String.valueOf(y))
				.param("status", "NONE")
				.param("late", "true")
				.param("size", "200")
				.with(user(bureau)))
			.andExpect(jsonPath("$.items[*].recognitionNumber", hasItem(none.number())))
			.andExpect(jsonPath("$.items[*].recognitionNumber", not(hasItem(filed.number()))));

		// the operator sees only its own
		this.mvc.perform(get("/api/v1/filings").param("year", String.valueOf(y)).with(user(other.operator())))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].recognitionNumber").value(none.number()))
			.andExpect(jsonPath("$.items[0].status").value("NONE"));

		// the detail with computed and declared figures
		this.mvc.perform(get("/api/v1/filings/" + draft.id()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures[?(@.code == 'TENANTS')].computed").value(true))
			.andExpect(jsonPath("$.figures[?(@.code == 'GRADUATES')].computed").value(false))
			.andExpect(jsonPath("$.figures[?(@.code == 'GRADUATES')].value").value(7.0))
			.andExpect(jsonPath("$.figures[?(@.code == 'GRADUATES')].label").value("毕业企业（家）"));
		this.mvc.perform(get("/api/v1/filings/" + draft.id()).with(user(h.operator()))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/filings/" + draft.id()).with(user(other.operator())))
			.andExpect(status().isNotFound());
		AuthenticatedUser chaoyang = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		this.mvc.perform(get("/api/v1/filings/" + draft.id()).with(user(chaoyang)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(get("/api/v1/filings").param("year", String.valueOf(y)).param("size", "200").with(user(chaoyang)))
			.andExpect(jsonPath("$.items[*].recognitionNumber", not(hasItem(filed.number()))));

		// bad parameters name the parameter
		this.mvc.perform(get("/api/v1/filings").param("year", "abc").with(user(bureau)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("year"));
		this.mvc.perform(get("/api/v1/filings").param("status", "FOO").with(user(bureau)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get("/api/v1/filings").param("late", "maybe").with(user(bureau)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("late"));
		this.mvc.perform(get("/api/v1/filings").param("year", "1999").with(user(bureau)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));

		this.mvc.perform(get("/bureau/filings").param("year", String.valueOf(y)).with(user(bureau)))
			.andExpect(content().string(containsString("/bureau/filings/export.xlsx?year=" + y)));
		// the export: the page's year and filters, the late flag, the figures, formulas
		// escaped
		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/bureau/filings/export.xlsx").param("year", String.valueOf(y))
					.param("status", "SUBMITTED")
					.with(user(bureau)));
		List<String> head = sheet.get(0);
		assertThat(head.get(0)).isEqualTo("认定编号");
		assertThat(head.get(9)).isEqualTo("逾期");
		assertThat(head.get(11)).isEqualTo("毕业企业（家）");
		List<String> row = Spreadsheets.rowStartingWith(sheet, filed.number());
		assertThat(row.get(1)).startsWith("'=HYPERLINK(");
		assertThat(row.get(7)).isEqualTo("逾期备案");
		assertThat(row.get(9)).isEqualTo("是");
		assertThat(row.get(11)).isEqualTo("7");
		assertThat(Spreadsheets.rowStartingWith(sheet, none.number())).isNull();
		this.mvc.perform(get("/bureau/filings/export.xlsx").with(user(h.operator()))).andExpect(status().isForbidden());
	}

	@Test
	void roundsAreScopedAndPublishedRoundsArePublic() throws Exception {
		int y = lastYear();
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, REGION).principal();
		AssessmentFixtures.Holder h = this.fixtures.operator(REGION);
		Recognitions.Recognized rec = recognize(h, "=1+2考核空间", bureau);
		AssessmentRound round = this.assessments.open(bureau, "lanzhou-2018", y);
		AuthenticatedUser liaoning = this.accounts.create(Role.PROVINCE, "210000").principal();

		this.mvc.perform(get("/api/v1/assessments/rounds").param("year", String.valueOf(y)).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) round.id())));
		this.mvc.perform(get("/api/v1/assessments/rounds/" + round.id()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.round.status").value("OPEN"))
			.andExpect(jsonPath("$.indicators[0].code").exists())
			.andExpect(jsonPath("$.results[?(@.recognitionNumber == '" + rec.number() + "')].grade")
				.value(org.hamcrest.Matchers.contains((Object) null)));
		// unpublished: another region and the public get 404
		this.mvc.perform(get("/api/v1/assessments/rounds/" + round.id()).with(user(liaoning)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/assessments/rounds/" + round.id())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/assessments/rounds").param("size", "200").with(user(liaoning)))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) round.id()))));

		PackDefinition.Assessment a = this.assessments.definition("lanzhou-2018").assessment();
		for (AssessmentResult r : this.assessments.results(round.id())) {
			Map<String, String> scores = new LinkedHashMap<>();
			int percent = (r.recognitionId() == rec.id()) ? 40 : 100;
			a.indicators()
				.forEach((i) -> scores.put(i.code(),
						BigDecimal.valueOf(i.maxScore() * percent, 2)
							.setScale(1, RoundingMode.HALF_UP)
							.toPlainString()));
			this.assessments.score(bureau, r.id(), scores, r.version());
		}
		AssessmentRound published = this.assessments.publish(bureau, round.id(), round.version());
		this.mvc.perform(get("/api/v1/assessments/rounds/" + round.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.round.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.round.publishedOn").value(published.publishedOn().toString()))
			.andExpect(jsonPath("$.results[?(@.recognitionNumber == '" + rec.number() + "')].grade").value("不合格"))
			.andExpect(jsonPath("$.results[?(@.recognitionNumber == '" + rec.number() + "')].total").value(40.0));
		this.mvc.perform(get("/api/v1/assessments/rounds/" + round.id()).with(user(liaoning)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/assessments/rounds").param("status", "PUBLISHED").param("size", "200"))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) round.id())));

		this.mvc.perform(get("/api/v1/assessments/rounds").param("status", "FOO"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get("/api/v1/assessments/rounds").param("year", "abc").with(user(bureau)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));

		this.mvc.perform(get("/bureau/assessments/" + round.id()).with(user(bureau)))
			.andExpect(content().string(containsString("/bureau/assessments/" + round.id() + "/export.xlsx")));
		this.mvc.perform(get("/assessments/" + round.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("export.xlsx"))));
		// the export of the results, for the bureau of the region only
		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/bureau/assessments/" + round.id() + "/export.xlsx").with(user(bureau)));
		List<String> head = sheet.get(0);
		int n = a.indicators().size();
		assertThat(head.get(0)).isEqualTo("认定编号");
		assertThat(head.get(5)).startsWith(a.indicators().get(0).name());
		assertThat(head.get(5 + n)).isEqualTo("总分");
		assertThat(head.get(6 + n)).isEqualTo("等次");
		List<String> row = Spreadsheets.rowStartingWith(sheet, rec.number());
		assertThat(row.get(1)).startsWith("'=1+2");
		assertThat(row.get(5 + n)).isEqualTo("40");
		assertThat(row.get(6 + n)).isEqualTo("不合格");
		this.mvc.perform(get("/bureau/assessments/" + round.id() + "/export.xlsx").with(user(liaoning)))
			.andExpect(status().isNotFound());
	}

}
