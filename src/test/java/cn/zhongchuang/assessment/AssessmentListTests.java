package cn.zhongchuang.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 年度备案 and a round's results on the list mechanism: sortable columns, filters (status,
 * late, 提交日期; a keyword for the results), page size and jump with the total, 导出 Excel of
 * what is filtered in the order shown.
 */
@IntegrationTest
class AssessmentListTests {

	static final String REGION = "620104";

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

	private Recognitions.Recognized recognize(AssessmentFixtures.Holder h, String name, int year,
			AuthenticatedUser bureau) {
		return this.recognitions.recognize(new RecognitionRequest("application", AssessmentFixtures.N.incrementAndGet(),
				name + AssessmentFixtures.N.get(), h.name(), h.creditCode(), "MAKER_SPACE", "COMPREHENSIVE", "CITY",
				REGION, "lanzhou-2018", "兰州市科学技术局", LocalDate.of(year - 1, 6, 1)), bureau);
	}

	@Test
	void filingsAndRoundResultsSortFilterPageAndExportWhatIsFiltered() throws Exception {
		int y = ChinaTime.today(this.clock).getYear() - 1;
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, REGION).principal();
		AssessmentFixtures.Holder h = this.fixtures.operator(REGION);
		Recognitions.Recognized a = recognize(h, "考核列表测试甲", y, bureau);
		Recognitions.Recognized b = recognize(h, "考核列表测试乙", y, bureau);
		Recognitions.Recognized c = recognize(h, "考核列表测试丙", y, bureau);
		Filing filed = this.filings.saveDraft(h.operator(), b.id(), y, Map.of("GRADUATES", "3"));
		this.filings.submit(h.operator(), filed.id());
		String year = String.valueOf(y);
		// other tests' institutions of the region are listed too: the expected order is
		// the names' own
		List<AnnualFilings.Row> listed = this.filings.forBureau(bureau, y);
		List<String> byName = listed.stream().map((r) -> r.recognition().name()).sorted().toList();
		String nameOfB = listed.stream()
			.filter((r) -> r.recognition().id() == b.id())
			.findFirst()
			.orElseThrow()
			.recognition()
			.name();
		int pageOfB = byName.indexOf(nameOfB) + 1;

		// 年度备案: sorted, filtered, paged, exported
		this.mvc.perform(get("/bureau/filings").param("year", year).param("sort", "number").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 " + byName.size() + " 条")))
			.andExpect(content().string(containsString("data-zc-sort=\"submitted\"")))
			.andExpect(content().string(containsString("id=\"list-from\"")))
			.andExpect(content().string(containsString("/bureau/filings/export.xlsx?year=" + y + "&amp;sort=number")));
		this.mvc
			.perform(get("/bureau/filings").param("year", year)
				.param("sort", "name")
				.param("size", "1")
				.param("page", String.valueOf(pageOfB))
				.with(user(bureau)))
			.andExpect(content().string(containsString("第 " + pageOfB + " / " + byName.size() + " 页")))
			.andExpect(content().string(containsString(b.number())))
			.andExpect(content().string(not(containsString(a.number()))))
			.andExpect(content().string(not(containsString(c.number()))));
		this.mvc.perform(get("/bureau/filings").param("year", year).param("status", "SUBMITTED").with(user(bureau)))
			.andExpect(content().string(containsString(b.number())))
			.andExpect(content().string(not(containsString(a.number()))));
		this.mvc.perform(get("/bureau/filings").param("year", year).param("from", "2999-01-01").with(user(bureau)))
			.andExpect(content().string(containsString("共 0 条")));
		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/bureau/filings/export.xlsx").param("year", year)
					.param("status", "NONE")
					.param("sort", "name")
					.param("dir", "desc")
					.with(user(bureau)));
		List<String> unfiled = sheet.subList(1, sheet.size()).stream().map((r) -> r.get(0)).toList();
		assertThat(unfiled).containsSubsequence(a.number(), c.number()).doesNotContain(b.number());
		List<List<String>> submitted = Spreadsheets.download(this.mvc,
				get("/bureau/filings/export.xlsx").param("year", year)
					.param("from", ChinaTime.today(this.clock).toString())
					.with(user(bureau)));
		assertThat(Spreadsheets.rowStartingWith(submitted, b.number()).get(8))
			.isEqualTo(ChinaTime.today(this.clock).toString());
		assertThat(Spreadsheets.rowStartingWith(submitted, a.number())).isNull();

		// the round's results, this test's by the keyword
		AssessmentRound round = this.assessments.open(bureau, "lanzhou-2018", y);
		String page = "/bureau/assessments/" + round.id();
		this.mvc.perform(get(page).param("q", "考核列表测试").param("sort", "name").param("dir", "desc").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 3 条")))
			.andExpect(content().string(stringContainsInOrder("考核列表测试甲", "考核列表测试乙", "考核列表测试丙")))
			.andExpect(content().string(containsString("data-zc-sort=\"total\"")))
			.andExpect(content().string(containsString(page + "/export.xlsx?q=")));
		this.mvc
			.perform(get(page).param("q", "考核列表测试")
				.param("sort", "name")
				.param("size", "1")
				.param("page", "3")
				.with(user(bureau)))
			.andExpect(content().string(containsString("第 3 / 3 页")))
			.andExpect(content().string(containsString("id=\"result-" + a.number() + "\"")))
			.andExpect(content().string(not(containsString("id=\"result-" + c.number() + "\""))));
		this.mvc.perform(get(page).param("q", "考核列表测试乙").with(user(bureau)))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString("id=\"result-" + b.number() + "\"")))
			.andExpect(content().string(not(containsString("id=\"result-" + a.number() + "\""))));
		List<List<String>> results = Spreadsheets.download(this.mvc,
				get(page + "/export.xlsx").param("q", "考核列表测试").param("sort", "name").with(user(bureau)));
		assertThat(results.subList(1, results.size()).stream().map((r) -> r.get(0)).toList())
			.containsExactly(c.number(), b.number(), a.number());
		List<List<String>> one = Spreadsheets.download(this.mvc,
				get(page + "/export.xlsx").param("q", "考核列表测试甲").with(user(bureau)));
		assertThat(one).hasSize(2);
	}

}
