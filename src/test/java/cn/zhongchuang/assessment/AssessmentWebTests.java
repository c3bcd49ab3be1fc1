package cn.zhongchuang.assessment;

import java.time.LocalDate;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages: the operator files through the form, the bureau sees the filed badge, opens
 * a round, scores it with a field error for an out-of-range score, publishes it, and the
 * public page shows the results; another region's bureau gets 404, as does anyone for an
 * unpublished round.
 */
@IntegrationTest
class AssessmentWebTests {

	@Autowired
	AssessmentFixtures helper;

	@Autowired
	MockMvc mvc;

	@Autowired
	Assessments assessments;

	@Autowired
	TestAccounts accounts;

	@Autowired
	cn.zhongchuang.TestClock clock;

	@Test
	void filingRoundScoringAndPublicationThroughThePages() throws Exception {
		AssessmentFixtures.Holder h = this.helper.operator("620123");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620123").principal();
		// filed for the year before last, assessed for last year (a year that has ended)
		int y = ChinaTime.today(this.clock).getYear() - 2;
		Recognitions.Recognized rec = this.helper.recognize(h, "620123", "CITY", "lanzhou-2018", "兰州市科学技术局",
				LocalDate.of(y, 5, 1), bureau);

		this.mvc.perform(get("/filings").param("year", String.valueOf(y)).with(user(h.operator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(rec.number())));
		this.mvc
			.perform(post("/filings").param("recognitionId", String.valueOf(rec.id()))
				.param("year", String.valueOf(y))
				.param("figure.FINANCING", "-1")
				.param("action", "submit")
				.with(user(h.operator()))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("不小于 0")));
		this.mvc
			.perform(post("/filings").param("recognitionId", String.valueOf(rec.id()))
				.param("year", String.valueOf(y))
				.param("figure.FINANCING", "88")
				.param("action", "submit")
				.with(user(h.operator()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/bureau/filings").param("year", String.valueOf(y)).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(rec.number())))
			.andExpect(content().string(containsString("系统设定")));

		String location = this.mvc
			.perform(post("/bureau/assessments").param("policyId", "lanzhou-2018")
				.param("year", String.valueOf(y + 1))
				.with(user(bureau))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/bureau/assessments/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		this.mvc.perform(get(location).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("连续 2 年考核不合格")));
		AuthenticatedUser other = this.accounts.create(Role.CITY_BUREAU, "210000").principal();
		this.mvc.perform(get(location).with(user(other))).andExpect(status().isNotFound());
		// the rounds list: sortable, a 公布日期 range (an open round has none), 导出 Excel
		this.mvc.perform(get("/bureau/assessments").param("sort", "year").param("dir", "desc").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-zc-sort=\"published\"")))
			.andExpect(content().string(containsString("/bureau/assessments/" + id + "\"")));
		this.mvc.perform(get("/bureau/assessments").param("from", "2000-01-01").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/bureau/assessments/" + id + "\""))));
		java.util.List<java.util.List<String>> sheet = cn.zhongchuang.Spreadsheets.download(this.mvc,
				get("/bureau/assessments/export").with(user(bureau)));
		assertThat(sheet.get(0)).containsExactly("年度", "政策", "区划", "状态", "公布日期");
		assertThat(sheet).anyMatch((row) -> row.get(0).equals(String.valueOf(y + 1)) && row.get(3).equals("评分中"));
		this.mvc.perform(get("/assessments/" + id)).andExpect(status().isNotFound());

		AssessmentResult r = this.assessments.results(id)
			.stream()
			.filter((x) -> x.recognitionId() == rec.id())
			.findFirst()
			.orElseThrow();
		this.mvc
			.perform(post(location + "/results/" + r.id()).param("version", String.valueOf(r.version()))
				.param("score.TRAINING_SESSIONS", "99")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("0 到 20")));
		for (AssessmentResult x : this.assessments.results(id)) {
			Map<String, String> full = Map.of("TRAINING_SESSIONS", "19", "TRAINEES", "14", "INCUBATED", "23",
					"GRADUATES_REGISTERED", "18", "BUSINESS", "18");
			var req = post(location + "/results/" + x.id()).param("version", String.valueOf(x.version()));
			for (var e : full.entrySet()) {
				req = req.param("score." + e.getKey(), e.getValue());
			}
			this.mvc.perform(req.with(user(bureau)).with(csrf())).andExpect(status().is3xxRedirection());
		}
		AssessmentRound round = this.assessments.round(id, bureau);
		this.mvc
			.perform(post(location + "/publish").param("version", String.valueOf(round.version()))
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/assessments/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(rec.number())))
			.andExpect(content().string(containsString("优秀")));
		this.mvc.perform(get("/assessments")).andExpect(status().isOk());
		assertThat(this.assessments.publishedRound(id).published()).isTrue();
	}

	@Test
	void theRoundFormOffersOnlyEndedYearsAndRefusesTheCurrentYearByField() throws Exception {
		AssessmentFixtures.Holder h = this.helper.operator("620121");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620121").principal();
		int thisYear = ChinaTime.today(this.clock).getYear();
		this.helper.recognize(h, "620121", "CITY", "lanzhou-2018", "兰州市科学技术局", LocalDate.of(thisYear - 1, 3, 1),
				bureau);
		this.mvc.perform(get("/bureau/assessments").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"" + (thisYear - 1) + "\"")))
			.andExpect(content().string(not(containsString("<option value=\"" + thisYear + "\""))));
		this.mvc
			.perform(post("/bureau/assessments").param("policyId", "lanzhou-2018")
				.param("year", String.valueOf(thisYear))
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"year-error\"")))
			.andExpect(content().string(containsString(thisYear + " 年度尚未结束")));
		assertThat(this.assessments.rounds(bureau)).noneMatch((r) -> r.year() == thisYear);
	}

}
