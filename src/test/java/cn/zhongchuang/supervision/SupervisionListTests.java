package cn.zhongchuang.supervision;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
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
 * The 整改通知 lists on the list mechanism: the operator's own orders on 动态管理 and the
 * bureau's orders of its region, each sorted by a column, filtered, paged with the total,
 * and exported as filtered.
 */
@IntegrationTest
class SupervisionListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Supervision supervision;

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	private RectificationOrder order(TestOrganisations.Registered org, String name, AuthenticatedUser bureau) {
		Recognitions.Recognized rec = this.recognitions.recognize(
				new RecognitionRequest("application", SupervisionTests.N.incrementAndGet(),
						name + SupervisionTests.N.get(), org.name(), org.creditCode(), "MAKER_SPACE", "COMPREHENSIVE",
						"DISTRICT", "110105", "beijing-chaoyang-2017", "北京市朝阳区科学技术委员会", LocalDate.of(2025, 6, 1)),
				bureau);
		return this.supervision.issue(rec.id(), "考核不合格 " + rec.number(), null, bureau);
	}

	@Test
	void theOperatorsOwnOrdersSortFilterPageAndExportOnlyWhatIsFiltered() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("110105", "整改列表测试运营机构");
		TestOrganisations.Registered stranger = this.organisations.register("110105", "整改列表测试运营机构");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		AuthenticatedUser operator = org.account().principal();
		RectificationOrder a = order(org, "整改列表甲空间", bureau);
		RectificationOrder b = order(org, "整改列表乙空间", bureau);
		RectificationOrder c = order(org, "整改列表丙空间", bureau);
		RectificationOrder foreign = order(stranger, "整改列表丁空间", bureau);
		this.supervision.answer(b.id, b.version, "已整改 " + b.recognitionNumber, operator);

		// sorted by 认定编号 descending, the stranger's order not there
		this.mvc.perform(get("/supervision").param("sort", "number").param("dir", "desc").with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-zc-sort=\"number\"")))
			.andExpect(content().string(containsString("共 3 条")))
			.andExpect(content()
				.string(stringContainsInOrder(c.recognitionNumber, b.recognitionNumber, a.recognitionNumber)))
			.andExpect(content().string(not(containsString(foreign.recognitionNumber))))
			.andExpect(content().string(containsString("/supervision/export.xlsx?sort=number&amp;dir=desc")));
		// one per page: page 2 of 3 is the second in the order, with the jump and the
		// size chooser
		this.mvc
			.perform(get("/supervision").param("sort", "number")
				.param("dir", "asc")
				.param("size", "1")
				.param("page", "2")
				.with(user(operator)))
			.andExpect(content().string(containsString("第 2 / 3 页")))
			.andExpect(content().string(containsString(b.recognitionNumber)))
			.andExpect(content().string(not(containsString(">" + a.recognitionNumber + "<"))))
			.andExpect(content().string(containsString("id=\"list-page\"")))
			.andExpect(content().string(containsString("id=\"list-size\"")));
		// htmx asks for the table alone
		this.mvc
			.perform(get("/supervision").param("status", "ANSWERED").header("HX-Request", "true").with(user(operator)))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString(b.recognitionNumber)))
			.andExpect(content().string(not(containsString("change-form"))));
		// a 下达日期 range after today finds nothing
		this.mvc.perform(get("/supervision").param("from", "2999-01-01").with(user(operator)))
			.andExpect(content().string(containsString("共 0 条")));

		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/supervision/export.xlsx").param("status", "OPEN")
					.param("sort", "number")
					.param("dir", "desc")
					.with(user(operator)));
		assertThat(sheet.get(0).get(0)).isEqualTo("认定编号");
		assertThat(sheet.subList(1, sheet.size()).stream().map((r) -> r.get(0)).toList())
			.containsExactly(c.recognitionNumber, a.recognitionNumber);
		assertThat(sheet.get(1).get(6)).isEqualTo(c.issuedOn.toString());

		List<List<String>> none = Spreadsheets.download(this.mvc, get("/supervision/export.xlsx")
			.with(user(this.organisations.register("110105", "整改列表无单机构").account().principal())));
		assertThat(none).hasSize(1);
		this.mvc.perform(get("/supervision/export.xlsx").with(user(bureau))).andExpect(status().isForbidden());
	}

	@Test
	void theBureausOrdersOfItsRegionSortFilterPageAndExportOnlyWhatIsFiltered() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("110105", "整改局列表测试运营机构");
		AuthenticatedUser district = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		AuthenticatedUser beijing = this.accounts.create(Role.CITY_BUREAU, "110000").principal();
		AuthenticatedUser elsewhere = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		RectificationOrder a = order(org, "整改局列表甲空间", district);
		RectificationOrder b = order(org, "整改局列表乙空间", district);
		RectificationOrder c = order(org, "整改局列表丙空间", district);
		this.supervision.answer(b.id, b.version, "已整改 " + b.recognitionNumber, org.account().principal());
		String today = a.issuedOn.toString();

		// the keyword keeps this test's three; sorted by 认定编号 both ways
		this.mvc
			.perform(get("/bureau/supervision").param("q", "整改局列表")
				.param("sort", "number")
				.param("dir", "desc")
				.with(user(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 3 条")))
			.andExpect(content()
				.string(stringContainsInOrder(c.recognitionNumber, b.recognitionNumber, a.recognitionNumber)))
			.andExpect(content().string(containsString("data-zc-sort=\"deadline\"")))
			.andExpect(content().string(containsString("id=\"list-from\"")))
			.andExpect(content().string(containsString("/bureau/supervision/export.xlsx?q=")));
		this.mvc
			.perform(get("/bureau/supervision").param("q", "整改局列表")
				.param("sort", "number")
				.param("dir", "asc")
				.with(user(district)))
			.andExpect(content()
				.string(stringContainsInOrder(a.recognitionNumber, b.recognitionNumber, c.recognitionNumber)));
		// one per page: page 3 of 3 is the last in the order, a page beyond shows the
		// last
		this.mvc
			.perform(get("/bureau/supervision").param("q", "整改局列表")
				.param("sort", "number")
				.param("size", "1")
				.param("page", "3")
				.with(user(district)))
			.andExpect(content().string(containsString("第 3 / 3 页")))
			.andExpect(content().string(containsString(">" + c.recognitionNumber + "<")))
			.andExpect(content().string(not(containsString(">" + a.recognitionNumber + "<"))))
			.andExpect(content().string(containsString("id=\"list-page\"")))
			.andExpect(content().string(containsString("id=\"list-size\"")));
		this.mvc
			.perform(get("/bureau/supervision").param("q", "整改局列表")
				.param("sort", "number")
				.param("size", "1")
				.param("page", "9")
				.with(user(district)))
			.andExpect(content().string(containsString("第 3 / 3 页")))
			.andExpect(content().string(containsString(">" + c.recognitionNumber + "<")));
		// by status, by the district within the city's scope, by 下达日期
		this.mvc
			.perform(get("/bureau/supervision").param("q", "整改局列表")
				.param("status", "ANSWERED")
				.header("HX-Request", "true")
				.with(user(district)))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString(">" + b.recognitionNumber + "<")))
			.andExpect(content().string(not(containsString("id=\"filters\""))));
		this.mvc.perform(get("/bureau/supervision").param("q", "整改局列表").param("region", "110105").with(user(beijing)))
			.andExpect(content().string(containsString("共 3 条")));
		this.mvc
			.perform(get("/bureau/supervision").param("q", "整改局列表")
				.param("from", today)
				.param("to", today)
				.with(user(district)))
			.andExpect(content().string(containsString("共 3 条")));
		this.mvc
			.perform(get("/bureau/supervision").param("q", "整改局列表").param("from", "2999-01-01").with(user(district)))
			.andExpect(content().string(containsString("共 0 条")));
		// another city finds none of them
		this.mvc.perform(get("/bureau/supervision").param("q", "整改局列表").with(user(elsewhere)))
			.andExpect(content().string(containsString("共 0 条")));

		// 导出 Excel: the open ones by number descending, ISO dates
		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/bureau/supervision/export.xlsx").param("q", "整改局列表")
					.param("status", "OPEN")
					.param("sort", "number")
					.param("dir", "desc")
					.with(user(district)));
		assertThat(sheet.get(0).get(0)).isEqualTo("认定编号");
		assertThat(sheet.subList(1, sheet.size()).stream().map((r) -> r.get(0)).toList())
			.containsExactly(c.recognitionNumber, a.recognitionNumber);
		assertThat(sheet.get(1).get(6)).isEqualTo(today);
		assertThat(sheet.get(1).get(7)).isEqualTo(c.deadline.toString());
		// the region by its name, as a clerk reads it
		assertThat(sheet.get(0).get(4)).isEqualTo("区划");
		assertThat(sheet.get(1).get(4)).isEqualTo("北京市 朝阳区");
		List<List<String>> answered = Spreadsheets.download(this.mvc,
				get("/bureau/supervision/export.xlsx").param("q", "整改局列表")
					.param("status", "ANSWERED")
					.param("from", today)
					.with(user(district)));
		assertThat(answered).hasSize(2);
		assertThat(answered.get(1).get(0)).isEqualTo(b.recognitionNumber);
		assertThat(answered.get(1).get(9)).isEqualTo(today);
		List<List<String>> later = Spreadsheets.download(this.mvc,
				get("/bureau/supervision/export.xlsx").param("q", "整改局列表")
					.param("from", "2999-01-01")
					.with(user(district)));
		assertThat(later).hasSize(1);
		this.mvc.perform(get("/bureau/supervision/export.xlsx").with(user(org.account().principal())))
			.andExpect(status().isForbidden());
	}

}
