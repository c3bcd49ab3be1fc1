package cn.zhongchuang.operator;

import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The record lists of an operator (活动 here, every kind alike) on the list mechanism:
 * sortable columns, the kind's date as the range, page size and jump with the total, 导出
 * Excel of what is filtered, for the operator and for the bureau reading them.
 */
@IntegrationTest
class RecordListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OperatorFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	private void event(OperatorFixtures.Operator operator, String title, String type, String heldOn) throws Exception {
		this.mvc
			.perform(post("/operator/events").param("title", title)
				.param("type", type)
				.param("heldOn", heldOn)
				.param("participants", "30")
				.with(user(operator.account().principal()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void eventsSortByAnyColumnFilterByDatePageAndExportWhatIsFiltered() throws Exception {
		OperatorFixtures.Operator operator = this.fixtures.operator("110105");
		event(operator, "记录列表甲路演", "ROADSHOW", "2025-03-01");
		event(operator, "记录列表乙沙龙", "SALON", "2025-05-01");
		event(operator, "记录列表丙讲堂", "LECTURE", "2025-07-01");
		var me = user(operator.account().principal());

		// newest first by default; every listed column sorts, but the links
		this.mvc.perform(get("/operator/events").with(me))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 3 条")))
			.andExpect(content().string(stringContainsInOrder("记录列表丙讲堂", "记录列表乙沙龙", "记录列表甲路演")))
			.andExpect(content().string(containsString("data-zc-sort=\"title\"")))
			.andExpect(content().string(containsString("data-zc-sort=\"heldOn\"")))
			.andExpect(content().string(not(containsString("data-zc-sort=\"mediaLinks\""))))
			.andExpect(content().string(containsString("id=\"list-from\"")))
			.andExpect(content().string(containsString("href=\"/operator/events/export.xlsx\"")));
		this.mvc.perform(get("/operator/events").param("sort", "heldOn").param("dir", "asc").with(me))
			.andExpect(content().string(stringContainsInOrder("记录列表甲路演", "记录列表乙沙龙", "记录列表丙讲堂")));
		this.mvc
			.perform(get("/operator/events").param("sort", "heldOn")
				.param("dir", "asc")
				.param("size", "1")
				.param("page", "2")
				.with(me))
			.andExpect(content().string(containsString("第 2 / 3 页")))
			.andExpect(content().string(containsString("记录列表乙沙龙")))
			.andExpect(content().string(not(containsString("记录列表甲路演"))))
			.andExpect(content().string(containsString("id=\"list-page\"")));
		this.mvc.perform(get("/operator/events").param("from", "2025-04-01").param("to", "2025-06-30").with(me))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString("记录列表乙沙龙")))
			.andExpect(content().string(not(containsString("记录列表丙讲堂"))));
		this.mvc.perform(get("/operator/events").param("from", "2025-08-01").param("to", "2025-01-01").with(me))
			.andExpect(content().string(containsString("截止日期不能早于起始日期")))
			.andExpect(content().string(containsString("共 3 条")));

		// a save answered by htmx draws the list with the list's own links, not the
		// form's
		this.mvc
			.perform(post("/operator/events").param("title", "记录列表丁训练营")
				.param("type", "BOOTCAMP")
				.param("heldOn", "2025-09-01")
				.param("participants", "12")
				.header("HX-Request", "true")
				.with(me)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/operator/events?sort=title&amp;dir=asc\"")))
			.andExpect(content().string(containsString("共 4 条")));

		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/operator/events/export.xlsx").param("from", "2025-04-01")
					.param("to", "2025-07-31")
					.param("sort", "heldOn")
					.param("dir", "asc")
					.with(me));
		assertThat(sheet.get(0)).startsWith("举办日期", "活动名称", "活动类型");
		assertThat(sheet).hasSize(3);
		assertThat(sheet.get(1)).startsWith("2025-05-01", "记录列表乙沙龙", "沙龙");
		assertThat(sheet.get(2)).startsWith("2025-07-01", "记录列表丙讲堂", "讲堂");
		assertThat(sheet.get(1).get(sheet.get(1).size() - 1)).isEqualTo(operator.institution().name());

		// the bureau of the region reads and exports the same list; another region does
		// not
		var bureau = user(this.accounts.create(Role.CITY_BUREAU, "110105").principal());
		String orgEvents = "/operators/" + operator.org().id() + "/events";
		this.mvc.perform(get(orgEvents).param("keyword", "乙").with(bureau))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString("href=\"" + orgEvents + "/export.xlsx?keyword=")));
		List<List<String>> read = Spreadsheets.download(this.mvc,
				get(orgEvents + "/export.xlsx").param("keyword", "记录列表").with(bureau));
		assertThat(read).hasSize(5);
		assertThat(read.get(1).get(1)).isEqualTo("记录列表丁训练营");
		this.mvc
			.perform(get(orgEvents + "/export.xlsx")
				.with(user(this.accounts.create(Role.CITY_BUREAU, "620100").principal())))
			.andExpect(status().isNotFound());
	}

}
