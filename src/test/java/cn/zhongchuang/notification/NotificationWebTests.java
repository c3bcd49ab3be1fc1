package cn.zhongchuang.notification;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The message centre over HTTP: badge, list, opening follows the in-app link, mark all
 * read, another user's notification is 404, the API, and the e-mail setting.
 */
@IntegrationTest
class NotificationWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	TestAccounts accounts;

	@Test
	void badgeListOpenAndMarkAllRead() throws Exception {
		var a = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		long id = this.notifications.notify(Recipients.user(a.id()), "新的申报待初审", "请初审。", "/operators").get(0);
		this.notifications.notify(Recipients.user(a.id()), "第二条待办", "", null);

		this.mvc.perform(get("/notifications/badge").with(user(a.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">2</span>")));
		this.mvc.perform(get("/notifications").with(user(a.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新的申报待初审")))
			.andExpect(content().string(containsString("共 2 条")));
		this.mvc.perform(get("/notifications/latest").with(user(a.principal())))
			.andExpect(content().string(containsString("第二条待办")));
		// opening marks read only by POST: a GET (a reload) is sent back to a page and
		// changes nothing
		this.mvc.perform(get("/notifications/" + id + "/open").with(user(a.principal())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.notifications.unreadCount(a.id())).isEqualTo(2);

		this.mvc.perform(post("/notifications/" + id + "/open").with(user(a.principal())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/operators"));
		assertThat(this.notifications.unreadCount(a.id())).isEqualTo(1);
		this.mvc.perform(get("/notifications").param("filter", "unread").with(user(a.principal())))
			.andExpect(content().string(containsString("第二条待办")))
			.andExpect(content().string(not(containsString("新的申报待初审"))));

		this.mvc.perform(post("/notifications/read-all").with(user(a.principal()))).andExpect(status().isForbidden());
		this.mvc.perform(post("/notifications/read-all").with(user(a.principal())).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(this.notifications.unreadCount(a.id())).isZero();
		this.mvc.perform(get("/notifications/badge").with(user(a.principal())))
			.andExpect(content().string(not(containsString("zc-unread"))));
	}

	@Test
	void theListSortsByTitleAndExportsOnlyTheUsersOwnInThatOrder() throws Exception {
		var a = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		var other = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		this.notifications.notify(Recipients.user(a.id()), "B 待办", "", null);
		this.notifications.notify(Recipients.user(a.id()), "A 待办", "", null);
		this.notifications.notify(Recipients.user(other.id()), "别人的待办", "", null);

		String page = this.mvc.perform(get("/notifications").param("sort", "title").with(user(a.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 2 条")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("A 待办")).isLessThan(page.indexOf("B 待办"));
		this.mvc.perform(get("/notifications").param("from", "2999-01-01").with(user(a.principal())))
			.andExpect(content().string(containsString("共 0 条")));

		java.util.List<java.util.List<String>> sheet = cn.zhongchuang.Spreadsheets.download(this.mvc,
				get("/notifications/export").param("sort", "title").param("dir", "desc").with(user(a.principal())));
		assertThat(sheet.get(0)).containsExactly("状态", "通知", "内容", "时间");
		assertThat(sheet.subList(1, sheet.size())).extracting((row) -> row.get(1)).containsExactly("B 待办", "A 待办");
		assertThat(sheet.get(1).get(0)).isEqualTo("未读");
		assertThat(sheet.get(1).get(3)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
	}

	@Test
	void anotherUsersNotificationAnswers404() throws Exception {
		var owner = this.accounts.create(Role.OPERATOR, "110105");
		var other = this.accounts.create(Role.OPERATOR, "110105");
		long id = this.notifications.notify(Recipients.user(owner.id()), "私人通知", "", null).get(0);

		this.mvc.perform(post("/notifications/" + id + "/open").with(user(other.principal())).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/notifications/" + id).with(user(other.principal())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/v1/notifications/" + id + "/read").with(user(other.principal())).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.notifications.unreadCount(owner.id())).isEqualTo(1);
	}

	@Test
	void theApiListsCountsAndMarksRead() throws Exception {
		var a = this.accounts.create(Role.EXPERT, "110105");
		long id = this.notifications.notify(Recipients.user(a.id()), "您被抽选为评审专家", "正文", "/").get(0);

		this.mvc.perform(get("/api/v1/notifications").param("unread", "true").with(user(a.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].title").value("您被抽选为评审专家"))
			.andExpect(jsonPath("$.items[0].unread").value(true));
		this.mvc.perform(post("/api/v1/notifications/" + id + "/read").with(user(a.principal())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unread").value(false));
		this.mvc.perform(post("/api/v1/notifications/" + id + "/read").with(user(a.principal())).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/notifications/unread-count").with(user(a.principal())))
			.andExpect(jsonPath("$.unread").value(0));
	}

	@Test
	void theEmailSettingIsValidatedNextToTheFieldAndSaved() throws Exception {
		var a = this.accounts.create(Role.OPERATOR, "110105");
		this.mvc
			.perform(post("/account/notifications").param("email", "not-an-address")
				.param("version", "-1")
				.with(user(a.principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请输入有效的电子邮箱地址")));
		this.mvc
			.perform(post("/account/notifications").param("email", "wang@example.gov.cn")
				.param("version", "-1")
				.with(user(a.principal()))
				.with(csrf()))
			.andExpect(redirectedUrl("/account/notifications"));
		this.mvc.perform(get("/account/notifications").with(user(a.principal())))
			.andExpect(content().string(containsString("wang@example.gov.cn")));
		this.mvc
			.perform(post("/account/notifications").param("email", "other@example.gov.cn")
				.param("version", "-1")
				.with(user(a.principal()))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已被他人修改，请重新加载")));
	}

}
