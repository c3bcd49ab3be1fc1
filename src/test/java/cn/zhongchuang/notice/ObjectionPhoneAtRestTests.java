package cn.zhongchuang.notice;

import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * notice_objection.phone is SM4-encrypted in the table and shown masked to the bureau.
 */
@IntegrationTest
class ObjectionPhoneAtRestTests {

	@Autowired
	Notices notices;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTableHoldsCiphertextWhileTheBureauSeesTheMaskedNumber() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		long id = this.notices.draft("lanzhou-2018", "620100", "加密异议空间拟认定名单公示",
				List.of(NoticeTests.item(System.nanoTime() % 100000, "加密异议空间", "620102")), bureau);
		this.notices.publish(id, this.notices.today(), bureau);
		long itemId = this.notices.get(id, bureau).items().get(0).id();
		this.mvc
			.perform(post("/notices/" + id + "/objections").param("itemId", String.valueOf(itemId))
				.param("name", "市民乙")
				.param("phone", "13698765432")
				.param("content", "该空间的场地面积与申报不符。")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		String stored = this.jdbc.sql("SELECT phone FROM notice_objection WHERE notice_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("sm4g1:").doesNotContain("13698765432").doesNotContain("5432");
		assertThat(this.notices.objections(id).get(0).phone()).isEqualTo("13698765432");

		this.mvc.perform(get("/bureau/notices/" + id).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("136****5432")))
			.andExpect(content().string(not(containsString("sm4g1:"))));
	}

}
