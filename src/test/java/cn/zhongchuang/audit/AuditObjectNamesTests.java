package cn.zhongchuang.audit;

import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.notice.NoticeItem;
import cn.zhongchuang.notice.Notices;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit page names its objects (a notice by its title) instead of "公示 24"; the API
 * keeps the type and the id.
 */
@IntegrationTest
class AuditObjectNamesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Notices notices;

	@Test
	void theAuditPageShowsTheObjectsNameAndTheApiItsId() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100");
		var auditor = this.accounts.create(Role.AUDITOR, "000000");
		String title = "审计命名测试公示" + System.nanoTime() % 100000;
		long id = this.notices.draft("lanzhou-2018", "620100", title,
				List.of(new NoticeItem("application", 9301, "审计空间", "审计空间运营有限公司",
						CreditCodes.generate("9", "1", "620100", "MA709301"), "MAKER_SPACE", "COMPREHENSIVE", "CITY",
						"620102")),
				bureau.principal());

		this.mvc
			.perform(get("/audit").param("action", "NOTICE_DRAFT")
				.param("objectType", "notice")
				.param("objectId", String.valueOf(id))
				.with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td>" + title + "</td>")))
			.andExpect(content().string(not(containsString("公示 " + id + "<"))));
		this.mvc
			.perform(get("/api/v1/audit-events").param("action", "NOTICE_DRAFT")
				.param("objectType", "notice")
				.param("objectId", String.valueOf(id))
				.with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].objectType").value("notice"))
			.andExpect(jsonPath("$.items[0].objectId").value(String.valueOf(id)));
	}

}
