package cn.zhongchuang.subsidy;

import java.util.List;

import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
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
 * The API (201, problem+json naming the field, 409 on amount, 404 outside the region),
 * pages and export.
 */
@IntegrationTest
class SubsidyWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SubsidyFixtures fixtures;

	@Autowired
	Subsidies subsidies;

	@Autowired
	TestAccounts accounts;

	@Test
	void theApiCreatesAwardsAndAnswersProblemsNamingTheField() throws Exception {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var a = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		var b = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		Programme p = this.fixtures.open(bureau, "620100", "500000", "100000", "lanzhou-2018");
		String base = "/api/v1/subsidies/programmes/" + p.id() + "/awards";

		this.mvc
			.perform(post(base).with(user(bureau))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"recognitionNumber\":\"" + a.rec().number() + "\",\"amount\":300000,\"reason\":\"认定奖补\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("AWARDED"))
			.andExpect(jsonPath("$.amount").value(300000.00));
		this.mvc
			.perform(post(base).with(user(bureau))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"recognitionNumber\":\"" + b.rec().number()
						+ "\",\"amount\":200000.01,\"reason\":\"认定奖补\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.detail", containsString("剩余预算 200000.00 元")));
		this.mvc
			.perform(post(base).with(user(bureau))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"recognitionNumber\":\"" + b.rec().number() + "\",\"amount\":1000}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		this.mvc.perform(get(base).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].recognitionNumber").value(a.rec().number()));
		this.mvc.perform(get("/api/v1/subsidies/programmes").param("size", "200").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].programme.id", hasItem((int) p.id())));
		this.mvc.perform(get("/api/v1/subsidies/programmes/" + p.id()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.remaining").value(200000.00))
			.andExpect(jsonPath("$.totals.budget").value(500000.00))
			.andExpect(jsonPath("$.byRegion[0].key").value("620102"));

		AuthenticatedUser other = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		this.mvc.perform(get(base).with(user(other)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/subsidies/programmes").param("size", "200").with(user(other)))
			.andExpect(jsonPath("$.items[*].programme.id", not(hasItem((int) p.id()))));
		this.mvc.perform(get("/bureau/subsidies/" + p.id()).with(user(other))).andExpect(status().isNotFound());
	}

	@Test
	void pagesShowTotalsAndTheExportEscapesFormulas() throws Exception {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var a = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		var b = this.fixtures.recognized("620103", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		Programme p = this.fixtures.open(bureau, "620100", "25930000", "100000", "lanzhou-2018");
		this.subsidies.award(p.id(), a.rec().number(), "250000", "=HYPERLINK(\"http://evil\")", bureau);

		this.mvc.perform(get("/bureau/subsidies").param("year", "2026").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(p.name())))
			.andExpect(content().string(containsString("2593 万元")));
		this.mvc.perform(get("/bureau/subsidies/" + p.id()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2568 万元")))
			.andExpect(content().string(containsString("城关区")));
		this.mvc.perform(get("/bureau/subsidies/" + p.id() + "/proposal").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(b.rec().number())))
			.andExpect(content().string(not(containsString("value=\"" + a.rec().id() + "\""))));
		this.mvc
			.perform(post("/bureau/subsidies/" + p.id() + "/awards").param("recognitionNumber", b.rec().number())
				.param("amount", "30000000")
				.param("reason", "奖补")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("剩余预算 25680000.00 元")));
		this.mvc.perform(get("/bureau/subsidies/new").with(user(bureau))).andExpect(status().isOk());
		this.mvc
			.perform(post("/bureau/subsidies").param("name", "")
				.param("year", "2026")
				.param("budget", "abc")
				.param("basis", "ON_ASSESSMENT")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("请填写项目名称")))
			.andExpect(content().string(containsString("请选择本辖区已公布的考核")));
		this.mvc.perform(get("/subsidies/mine").with(user(a.operator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(p.name())))
			.andExpect(content().string(containsString("250000.00")));

		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/bureau/subsidies/" + p.id() + "/awards.xlsx").with(user(bureau)));
		assertThat(sheet).hasSize(2);
		assertThat(sheet.get(1).get(0)).isEqualTo(a.rec().number());
		assertThat(sheet.get(1).get(6)).isEqualTo("'=HYPERLINK(\"http://evil\")");
	}

	@Test
	void theProgrammeListSortsByBudgetFiltersBySetUpDateAndExportsWhatIsListed() throws Exception {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		Programme small = this.fixtures.open(bureau, "620100", "120000", "10000", "lanzhou-2018");
		Programme large = this.fixtures.open(bureau, "620100", "980000", "10000", "lanzhou-2018");

		this.mvc.perform(get("/bureau/subsidies").param("sort", "budget").param("dir", "desc").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-zc-sort=\"budget\"")))
			.andExpect(content().string(containsString("id=\"list-total\"")))
			.andExpect(content().string(containsString("/bureau/subsidies/export?sort=budget&amp;dir=desc")));
		this.mvc.perform(get("/bureau/subsidies").param("from", "2999-01-01").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 0 条")))
			.andExpect(content().string(not(containsString(small.name()))));

		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/bureau/subsidies/export").param("sort", "budget").param("dir", "desc").with(user(bureau)));
		assertThat(sheet.get(0)).startsWith("项目名称", "年度", "区划");
		List<String> names = sheet.subList(1, sheet.size()).stream().map((row) -> row.get(0)).toList();
		assertThat(names).contains(small.name(), large.name());
		assertThat(names.indexOf(large.name())).isLessThan(names.indexOf(small.name()));
		List<String> row = sheet.get(1 + names.indexOf(large.name()));
		assertThat(row.get(5)).isEqualTo("980000.00");
		assertThat(row.get(4)).isEqualTo("发放中");
	}

}
