package cn.zhongchuang.notice;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
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
 * The public notice pages and API without signing in, the objection form (CSRF, errors
 * next to the field, masked contact), and the bureau's pages in its region only.
 */
@IntegrationTest
class NoticePageTests {

	@Autowired
	Notices notices;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	long openNotice(CurrentUser bureau, String name) {
		long id = this.notices.draft("lanzhou-2018", "620100", name + "拟认定名单公示",
				List.of(NoticeTests.item(System.nanoTime() % 100000, name, "620102")), bureau);
		this.notices.publish(id, this.notices.today(), bureau);
		return id;
	}

	@Test
	void aVisitorLodgesAnObjectionWithoutSigningInAndTheBureauAnswersIt() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long id = openNotice(bureau, "公开异议空间");
		long itemId = this.notices.get(id, bureau).items().get(0).id();

		this.mvc.perform(get("/notices/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("公开异议空间")))
			.andExpect(content().string(containsString("objection-form")));
		this.mvc
			.perform(post("/notices/" + id + "/objections").param("itemId", String.valueOf(itemId))
				.param("name", "市民甲")
				.param("phone", "13712345678")
				.param("content", "该空间的工位数量明显少于申报数。"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/notices/" + id + "/objections").param("itemId", String.valueOf(itemId))
				.param("name", "")
				.param("phone", "1")
				.param("content", "短")
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("请填写姓名或单位名称")))
			.andExpect(content().string(containsString("请填写有效的联系电话")));
		this.mvc
			.perform(post("/notices/" + id + "/objections").param("itemId", String.valueOf(itemId))
				.param("name", "市民甲")
				.param("phone", "13712345678")
				.param("content", "该空间的工位数量明显少于申报数。")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/notices/" + id));

		Objection objection = this.notices.objections(id).get(0);
		this.mvc.perform(get("/bureau/notices/" + id).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("137****5678")))
			.andExpect(content().string(not(containsString("13712345678"))));
		this.mvc
			.perform(post("/bureau/notices/" + id + "/objections/" + objection.id() + "/answer")
				.param("version", String.valueOf(objection.version()))
				.param("outcome", "")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("请选择核查结论")));
		this.mvc
			.perform(post("/bureau/notices/" + id + "/objections/" + objection.id() + "/answer")
				.param("version", String.valueOf(objection.version()))
				.param("outcome", "DISMISSED")
				.param("investigation", "现场清点工位 60 个，与申报一致。")
				.param("answer", "经核查，异议不成立。")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.notices.objections(id).get(0).status()).isEqualTo(Objection.Status.ANSWERED);
		// A second answer with the old version: told to reload.
		this.mvc
			.perform(post("/bureau/notices/" + id + "/objections/" + objection.id() + "/answer")
				.param("version", String.valueOf(objection.version()))
				.param("outcome", "UPHELD")
				.param("investigation", "x")
				.param("answer", "y")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("重新加载")));
		// Closing before the end of the period: 409 with the reason.
		this.mvc.perform(post("/bureau/notices/" + id + "/close").with(user(bureau)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("期满")));
	}

	@Test
	void theBureauWithdrawsANoticeWithAReasonThePublicSees() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long id = openNotice(bureau, "撤回页面空间");
		this.mvc.perform(get("/bureau/notices/" + id).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("withdraw-form")))
			.andExpect(content().string(containsString("撤回后本次公示作废且不能恢复")))
			.andExpect(content().string(containsString("名单中的 1 家申请退回待公示")));
		this.mvc
			.perform(post("/bureau/notices/" + id + "/withdraw").param("reason", " ").with(user(bureau)).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("请填写撤回公示的理由")));
		// an operator and another region's bureau are refused
		var operator = this.accounts.create(Role.OPERATOR, "620102").principal();
		this.mvc
			.perform(
					post("/bureau/notices/" + id + "/withdraw").param("reason", "越权").with(user(operator)).with(csrf()))
			.andExpect(status().isForbidden());
		var chaoyang = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		this.mvc
			.perform(
					post("/bureau/notices/" + id + "/withdraw").param("reason", "越权").with(user(chaoyang)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/notices/" + id))
			.andExpect(content().string(containsString("objection-form")))
			.andExpect(content().string(not(containsString("已撤回"))));

		this.mvc
			.perform(post("/bureau/notices/" + id + "/withdraw").param("reason", "名单有误，更正后重新公示。")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/bureau/notices/" + id));
		String today = cn.zhongchuang.platform.ChinaTime.format(this.notices.today());
		this.mvc.perform(get("/notices/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已撤回")))
			.andExpect(content().string(containsString("本公示已于 " + today + " 撤回。撤回理由：名单有误，更正后重新公示。")))
			.andExpect(content().string(not(containsString("objection-form"))))
			.andExpect(content().string(not(containsString("WITHDRAWN"))));
		this.mvc.perform(get("/notices")).andExpect(content().string(containsString("已撤回")));
		this.mvc.perform(get("/bureau/notices/" + id).with(user(bureau)))
			.andExpect(content().string(containsString("名单有误，更正后重新公示。")))
			.andExpect(content().string(not(containsString("withdraw-form"))))
			.andExpect(content().string(not(containsString("close-form"))));
		this.mvc.perform(get("/api/v1/notices/" + id))
			.andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.withdrawalReason").value("名单有误，更正后重新公示。"))
			.andExpect(jsonPath("$.withdrawnOn").value(this.notices.today().toString()));
		this.mvc.perform(get("/api/v1/notices"))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].withdrawalReason").value("名单有误，更正后重新公示。"));
	}

	@Test
	void anotherRegionsNoticeAndADraftAreNotFound() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long id = openNotice(bureau, "区域空间");
		var chaoyang = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		this.mvc.perform(get("/bureau/notices/" + id).with(user(chaoyang))).andExpect(status().isNotFound());
		this.mvc.perform(post("/bureau/notices/" + id + "/close").with(user(chaoyang)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/bureau/notices").with(user(chaoyang)))
			.andExpect(content().string(not(containsString("区域空间"))));
		this.mvc.perform(get("/bureau/notices").with(user(bureau))).andExpect(content().string(containsString("区域空间")));

		long draft = this.notices.draft("lanzhou-2018", "620100", "未发布的草稿公示",
				List.of(NoticeTests.item(System.nanoTime() % 100000, "草稿空间", "620102")), bureau);
		this.mvc.perform(get("/notices/" + draft)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/notices/" + draft)).andExpect(status().isNotFound());
		this.mvc.perform(get("/notices")).andExpect(content().string(not(containsString("未发布的草稿公示"))));
	}

	@Test
	void theApiListsPublicNoticesWithTheBoundFields() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long id = this.notices.draft("lanzhou-2018", "620100", "接口字段公示",
				List.of(NoticeTests.item(System.nanoTime() % 100000, "接口空间", "620102")), bureau);
		this.notices.publishRecorded(id, LocalDate.of(2026, 2, 12), bureau);
		this.mvc.perform(get("/api/v1/notices/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.title").value("接口字段公示"))
			.andExpect(jsonPath("$.policy").value("lanzhou-2018"))
			.andExpect(jsonPath("$.startsOn").value("2026-02-12"))
			.andExpect(jsonPath("$.endsOn").value("2026-02-25"))
			.andExpect(jsonPath("$.workingDays").value(5))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].name").value("接口空间"))
			.andExpect(jsonPath("$.seal.valid").value(true))
			.andExpect(jsonPath("$.withdrawnOn").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.withdrawalReason").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.*", hasSize(11)));
		this.mvc.perform(get("/api/v1/notices"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")].title").value("接口字段公示"));
		this.mvc.perform(get("/notices/" + id + "/print"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("兰州市科学技术局")))
			.andExpect(content().string(containsString("2026年2月25日")));
	}

}
