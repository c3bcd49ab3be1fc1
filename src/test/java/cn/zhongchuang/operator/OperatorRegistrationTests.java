package cn.zhongchuang.operator;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An operator registers their organisation once, with a checked credit code and region.
 */
@IntegrationTest
class OperatorRegistrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	OperatorFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorWithoutOrganisationIsSentToRegistration() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "110105");

		this.mvc.perform(get("/operator").with(user(operator.principal())))
			.andExpect(redirectedUrl("/operator/register"));
		this.mvc.perform(get("/operator/register").with(user(operator.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("统一社会信用代码")));
	}

	@Test
	void anInvalidCreditCodeShowsTheReasonNextToTheFieldAndWritesNothing() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "110105");
		String valid = OperatorFixtures.creditCode("110105");
		String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		long organisations = count("operator_organisation");
		long audits = count("audit_event");

		this.mvc.perform(register(operator, wrongCheck, "110105"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("校验码错误（第18位应为" + valid.charAt(17) + "）")))
			.andExpect(content().string(containsString("is-invalid")));
		this.mvc.perform(register(operator, "91110105ABC", "110105"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("统一社会信用代码应为18位，实际为11位")));

		assertThat(count("operator_organisation")).isEqualTo(organisations);
		assertThat(count("audit_event")).isEqualTo(audits);
		assertThat(this.jdbc.sql("SELECT count(*) FROM operator_member WHERE user_id = :u")
			.param("u", operator.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void registrationMakesTheOperatorAMemberAndIsAudited() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "110105");
		String code = OperatorFixtures.creditCode("110105");

		this.mvc.perform(register(operator, code, "110105")).andExpect(redirectedUrl("/operator"));

		this.mvc.perform(get("/operator").with(user(operator.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("孵化载体")));
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE action = 'OPERATOR_REGISTER' AND actor = :a AND detail LIKE :d")
			.param("a", operator.username())
			.param("d", "%" + code + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		// Once only.
		this.mvc.perform(get("/operator/register").with(user(operator.principal())))
			.andExpect(redirectedUrl("/operator"));
		this.mvc.perform(register(operator, OperatorFixtures.creditCode("110105"), "110105"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("您已登记过运营机构")));
	}

	@Test
	void aCreditCodeRegisteredByAnotherOrganisationIsRefused() throws Exception {
		var first = this.fixtures.operator("110105");
		var second = this.accounts.create(Role.OPERATOR, "110105");

		this.mvc.perform(register(second, first.org().creditCode(), "110105"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("该统一社会信用代码已被其他运营机构登记")));
		this.mvc
			.perform(post("/api/v1/operators").with(user(second.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"重复机构","creditCode":"%s","regionCode":"110105","legalRepresentative":"李四",
						 "contactPhone":"010-88886666","address":"北京","establishedOn":"2020-01-01",
						 "independentLegalEntity":true,"managementAndFinanceRules":true,"leadEntity":"NONE"}
						""".formatted(first.org().creditCode().toLowerCase())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("creditCode"));
	}

	@Test
	void aCreditCodeFromAnotherRegionIsAcceptedWithAWarning() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "110105");
		String haidian = OperatorFixtures.creditCode("110108");

		this.mvc
			.perform(get("/operator/credit-code-check").param("creditCode", haidian)
				.param("regionCode", "110105")
				.with(user(operator.principal())))
			.andExpect(content().string(containsString("与所选区划")));
		this.mvc.perform(register(operator, haidian, "110105")).andExpect(redirectedUrl("/operator"));
		assertThat(this.jdbc.sql("SELECT region_code FROM operator_organisation WHERE credit_code = :c")
			.param("c", haidian)
			.query(String.class)
			.single()).isEqualTo("110105");
	}

	@Test
	void theRegionMustBeWithinTheOperatorsOwnRegion() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "110105");

		this.mvc.perform(register(operator, OperatorFixtures.creditCode("620102"), "620102"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("该区划不在您账户的所属区划范围内")));
	}

	@Test
	void aStaleRegistrationEditIsAConflict() throws Exception {
		var operator = this.fixtures.operator("110105");
		var f = operator.org().form();

		this.mvc.perform(profile(operator.account(), 0, "改名一", f)).andExpect(redirectedUrl("/operator"));
		this.mvc.perform(profile(operator.account(), 0, "改名二", f)).andExpect(status().isConflict());

		assertThat(this.jdbc.sql("SELECT name FROM operator_organisation WHERE id = :id")
			.param("id", operator.org().id())
			.query(String.class)
			.single()).isEqualTo("改名一");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'OPERATOR_UPDATE' AND object_id = :id")
					.param("id", String.valueOf(operator.org().id()))
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	private MockHttpServletRequestBuilder register(TestAccounts.Account operator, String code, String region) {
		return post("/operator/register").param("name", "测试众创空间")
			.param("creditCode", code)
			.param("regionCode", region)
			.param("legalRepresentative", "张三")
			.param("contactPhone", "010-12345678")
			.param("address", "北京市朝阳区测试路 1 号")
			.param("establishedOn", "2020-05-01")
			.param("independentLegalEntity", "true")
			.param("managementAndFinanceRules", "true")
			.param("leadEntity", "NONE")
			.with(user(operator.principal()))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder profile(TestAccounts.Account operator, int version, String name,
			OrganisationForm f) {
		return post("/operator/profile").param("version", String.valueOf(version))
			.param("name", name)
			.param("creditCode", f.creditCode())
			.param("regionCode", f.regionCode())
			.param("legalRepresentative", f.legalRepresentative())
			.param("contactPhone", f.contactPhone())
			.param("address", f.address())
			.param("establishedOn", f.establishedOn().toString())
			.param("leadEntity", f.leadEntity().name())
			.with(user(operator.principal()))
			.with(csrf());
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
