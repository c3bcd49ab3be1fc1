package cn.zhongchuang.expert;

import java.util.List;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * expert.phone is SM4-encrypted in the table; the pool shows it masked, the form in full.
 */
@IntegrationTest
class ExpertPhoneAtRestTests {

	@Autowired
	ExpertFixtures fixtures;

	@Autowired
	ExpertPool pool;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTableHoldsCiphertextWhileThePoolShowsTheMaskedNumber() throws Exception {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		Expert e = this.fixtures.expert(bureau, "加密电话专家", "丁单位", field, List.of());

		String stored = this.jdbc.sql("SELECT phone FROM expert WHERE id = :id")
			.param("id", e.id())
			.query(String.class)
			.single();
		assertThat(stored).startsWith("sm4g1:").doesNotContain("13900001111").doesNotContain("1111");

		this.mvc.perform(get("/api/v1/experts").param("field", field).with(user(bureau.principal())))
			.andExpect(jsonPath("$.items[0].maskedPhone").value("139****1111"));
		this.mvc.perform(get("/experts").param("field", field).with(user(bureau.principal())))
			.andExpect(content().string(containsString("139****1111")))
			.andExpect(content().string(not(containsString("sm4g1:"))));
		assertThat(this.pool.get(e.id(), bureau.principal()).phone()).isEqualTo("13900001111");
	}

}
