package cn.zhongchuang.operator;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** operator_organisation.contact_phone is SM4-encrypted in the table. */
@IntegrationTest
class ContactPhoneAtRestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTableHoldsCiphertextWhileTheOrganisationShowsTheNumber() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "110105");
		String code = TestOrganisations.creditCode("110105");
		this.mvc
			.perform(post("/api/v1/operators").with(user(operator.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"加密电话众创空间","creditCode":"%s","regionCode":"110105","legalRepresentative":"李四",
						 "contactPhone":"010-87654321","address":"北京","establishedOn":"2020-01-01",
						 "independentLegalEntity":true,"managementAndFinanceRules":true,"leadEntity":"NONE"}
						""".formatted(code)))
			.andExpect(status().isCreated());
		long id = this.jdbc.sql("SELECT id FROM operator_organisation WHERE credit_code = :c")
			.param("c", code)
			.query(Long.class)
			.single();
		String stored = this.jdbc.sql("SELECT contact_phone FROM operator_organisation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("sm4g1:").doesNotContain("87654321");

		this.mvc.perform(get("/api/v1/operators/" + id).with(user(operator.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contactPhone").value("010-87654321"));
	}

}
