package cn.zhongchuang.web;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A visitor at {@code /} finds the public services and the staff sign-in, without a
 * session being opened; a signed-in user still lands on 待办.
 */
@IntegrationTest
class PortalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aVisitorSeesThePublicServicesWithoutASession() throws Exception {
		MvcResult result = this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/self-check\"")))
			.andExpect(content().string(containsString("href=\"/notices\"")))
			.andExpect(content().string(containsString("href=\"/registry\"")))
			.andExpect(content().string(containsString("href=\"/verify\"")))
			.andExpect(content().string(containsString("href=\"/assessments\"")))
			.andExpect(content().string(containsString("href=\"/statistics\"")))
			.andExpect(content().string(containsString("href=\"/open-api\"")))
			.andExpect(content().string(containsString("工作人员登录")))
			.andExpect(content().string(not(containsString("_csrf"))))
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeaders("Set-Cookie")).noneMatch((c) -> c.contains("SESSION"));
	}

	@Test
	void theOpenApiPageListsThePublicEndpoints() throws Exception {
		MvcResult result = this.mvc.perform(get("/open-api"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("GET /api/v1/registry")))
			.andExpect(content().string(containsString("/swagger-ui.html")))
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void aSignedInUserStillLandsOnTheirWork() throws Exception {
		var clerk = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		this.mvc.perform(get("/").with(user(clerk.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您好")))
			.andExpect(content().string(not(containsString("id=\"portal\""))));
	}

}
