package cn.zhongchuang.recognition;

import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.Role;
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
 * 推荐 on the list mechanism: the receiving level's box sorted by 推荐函编号 both ways and by
 * 载体, filtered by status and 推荐日期, paged with the size, the jump and the total, and 导出
 * Excel of what is filtered in the order shown (ISO dates). Other tests' recommendations
 * of 朝阳区 share the box: the expected totals and pages come from the box's own rows.
 */
@IntegrationTest
class RecommendationListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Recommendations recommendations;

	@Autowired
	TitleFixtures fixtures;

	@Autowired
	TestClock clock;

	private Recommendations.View recommend(String prefix) {
		TitleFixtures.Titled titled = this.fixtures.chaoyangDistrict(prefix);
		return this.recommendations.submit(titled.title().id(), "CITY", "运营成效显著，推荐纳入市级众创空间。", titled.bureau());
	}

	@Test
	void theReceivingBoxSortsFiltersPagesAndExportsWhatIsFiltered() throws Exception {
		Recommendations.View a = recommend("推荐列表A");
		Recommendations.View b = recommend("推荐列表B");
		Recommendations.View c = recommend("推荐列表C");
		AuthenticatedUser beijing = this.fixtures.account(Role.CITY_BUREAU, "110000");
		this.recommendations.refuse(b.id(), b.version(), "材料不全，暂不予接受。", beijing);
		String today = ChinaTime.today(this.clock).toString();

		// the box as the page shows it by 推荐函编号 ascending: the total and the page of b
		List<String> byNumber = this.recommendations.listQuery(true, null, beijing)
			.results(new ListParams("number", "asc", "1", "100", null, null))
			.items()
			.stream()
			.map(Recommendations.View::number)
			.toList();
		assertThat(byNumber).containsSubsequence(a.number(), b.number(), c.number());
		int pageOfB = byNumber.indexOf(b.number()) + 1;

		// sorted by number both ways, the sortable headers and the export link keeping
		// the
		// order
		this.mvc.perform(get("/recommendations").param("sort", "number").param("dir", "desc").with(user(beijing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 " + byNumber.size() + " 条")))
			.andExpect(content().string(stringContainsInOrder(c.number(), b.number(), a.number())))
			.andExpect(content().string(containsString("data-zc-sort=\"submitted\"")))
			.andExpect(content().string(containsString("id=\"list-from\"")))
			.andExpect(content().string(containsString("/recommendations/export?sort=number&amp;dir=desc")));
		this.mvc.perform(get("/recommendations").param("sort", "number").param("dir", "asc").with(user(beijing)))
			.andExpect(content().string(stringContainsInOrder(a.number(), b.number(), c.number())));
		this.mvc.perform(get("/recommendations").param("sort", "name").param("dir", "desc").with(user(beijing)))
			.andExpect(content()
				.string(stringContainsInOrder(c.institutionName(), b.institutionName(), a.institutionName())));

		// one per page: the page of b shows b alone, with the jump and the size chooser
		this.mvc
			.perform(get("/recommendations").param("sort", "number")
				.param("size", "1")
				.param("page", String.valueOf(pageOfB))
				.with(user(beijing)))
			.andExpect(content().string(containsString("第 " + pageOfB + " / " + byNumber.size() + " 页")))
			.andExpect(content().string(containsString(">" + b.number() + "<")))
			.andExpect(content().string(not(containsString(">" + a.number() + "<"))))
			.andExpect(content().string(not(containsString(">" + c.number() + "<"))))
			.andExpect(content().string(containsString("id=\"list-page\"")))
			.andExpect(content().string(containsString("id=\"list-size\"")));
		// a page beyond the end shows the last one
		this.mvc
			.perform(get("/recommendations").param("sort", "number")
				.param("size", "1")
				.param("page", String.valueOf(byNumber.size() + 5))
				.with(user(beijing)))
			.andExpect(content().string(containsString("第 " + byNumber.size() + " / " + byNumber.size() + " 页")));

		// by status; htmx asks for the table alone
		this.mvc
			.perform(
					get("/recommendations").param("status", "REFUSED").header("HX-Request", "true").with(user(beijing)))
			.andExpect(content().string(containsString(">" + b.number() + "<")))
			.andExpect(content().string(not(containsString(">" + a.number() + "<"))))
			.andExpect(content().string(not(containsString("id=\"filters\""))));
		// by 推荐日期: today keeps them, a range after today or a reversed one finds none of
		// them
		this.mvc.perform(get("/recommendations").param("from", today).param("to", today).with(user(beijing)))
			.andExpect(content().string(containsString(">" + a.number() + "<")));
		this.mvc.perform(get("/recommendations").param("from", "2999-01-01").with(user(beijing)))
			.andExpect(content().string(containsString("共 0 条")));
		this.mvc.perform(get("/recommendations").param("from", today).param("to", "2000-01-01").with(user(beijing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"list-errors\"")));

		// 导出 Excel: the open ones by number descending, b (refused) not among them, ISO
		// dates
		List<List<String>> open = Spreadsheets.download(this.mvc,
				get("/recommendations/export").param("status", "SUBMITTED")
					.param("sort", "number")
					.param("dir", "desc")
					.with(user(beijing)));
		assertThat(open.get(0).get(0)).isEqualTo("推荐函编号");
		List<String> numbers = open.subList(1, open.size()).stream().map((r) -> r.get(0)).toList();
		assertThat(numbers).containsSubsequence(c.number(), a.number()).doesNotContain(b.number());
		assertThat(Spreadsheets.rowStartingWith(open, a.number()).get(6)).isEqualTo(today);
		assertThat(Spreadsheets.rowStartingWith(open, a.number()).get(7)).isEqualTo("待处理");
		List<List<String>> refused = Spreadsheets.download(this.mvc,
				get("/recommendations/export").param("status", "REFUSED").param("from", today).with(user(beijing)));
		assertThat(Spreadsheets.rowStartingWith(refused, b.number()).get(8)).isEqualTo(today);
		assertThat(Spreadsheets.rowStartingWith(refused, a.number())).isNull();
		List<List<String>> none = Spreadsheets.download(this.mvc,
				get("/recommendations/export").param("from", "2999-01-01").with(user(beijing)));
		assertThat(none).hasSize(1);
	}

}
