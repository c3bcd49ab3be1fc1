package cn.zhongchuang.mentor;

import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's Jiangsu mentors: one certified by the province and in the public registry,
 * one nomination waiting for its decision.
 */
@IntegrationTest
class MentorDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aCertifiedJiangsuMentorIsInThePublicRegistryAndOneNominationWaits() throws Exception {
		Map<String, Object> certified = this.jdbc.sql("""
				SELECT c.certificate_number, c.name FROM mentor_certification c
				JOIN operator_organisation o ON o.id = c.operator_id
				WHERE o.region_code = '320102' AND c.status = 'CERTIFIED'""").query().singleRow();
		String number = (String) certified.get("certificate_number");
		String name = (String) certified.get("name");
		assertThat(number).startsWith("苏创导〔");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM mentor_certification c JOIN operator_organisation o ON o.id = c.operator_id
				WHERE o.region_code = '320102' AND c.status = 'PENDING'""").query(Long.class).single()).isEqualTo(1);
		MvcResult page = this.mvc.perform(get("/mentors").param("q", name)).andExpect(status().isOk()).andReturn();
		assertThat(page.getResponse().getContentAsString()).contains(number).contains(name);
	}

}
