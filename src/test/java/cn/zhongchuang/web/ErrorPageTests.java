package cn.zhongchuang.web;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages answer errors with Chinese pages and a way back, the API with problem+json; a GET
 * to a form's target (a reload) goes back to the form's page; 证书验证 takes the printed URL.
 */
@IntegrationTest
class ErrorPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aPageRefusedIsNotJsonWhileTheApiStaysProblemJson() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "620102");
		var page = this.mvc.perform(get("/admin/users").accept(MediaType.TEXT_HTML).with(user(operator.principal())))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse();
		// the 403 goes on to /error (the Chinese page), not a JSON body written here
		assertThat(page.getContentType()).isNull();
		assertThat(page.getContentAsString()).isEmpty();
		this.mvc.perform(get("/api/v1/users").with(user(operator.principal())))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void unknownPageIsAChinesePageUnknownApiPathIsProblemJson() throws Exception {
		var clerk = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		this.mvc.perform(get("/no-such-page").with(user(clerk.principal())))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("未找到")))
			.andExpect(content().string(containsString("返回上一页")));
		this.mvc.perform(get("/api/v1/no-such-thing").with(user(clerk.principal())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aReloadOfAFormTargetGoesBackToItsPage() throws Exception {
		var clerk = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		this.mvc.perform(get("/bureau/notices/1/publish").with(user(clerk.principal())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/bureau/notices/1"));
		// a POST where only GET is served: the Chinese 405 page, not Tomcat's
		this.mvc.perform(post("/registry").with(csrf()).with(user(clerk.principal())))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().string(containsString("无法以这种方式访问")));
		this.mvc.perform(post("/api/v1/registry").with(csrf()).with(user(clerk.principal())))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aMalformedPageAddressIsA400Page() throws Exception {
		var clerk = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		this.mvc.perform(get("/bureau/notices/not-a-number").with(user(clerk.principal())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请求有误")));
	}

	@Test
	void verificationTakesThePrintedUrlOrTheBareCode() throws Exception {
		this.mvc.perform(get("/verify").param("code", "http://localhost:8080/verify/abcdefghjkmn"))
			.andExpect(redirectedUrl("/verify/ABCDEFGHJKMN"));
		this.mvc.perform(get("/verify").param("code", " ABCD-EFGH-JKMN "))
			.andExpect(redirectedUrl("/verify/ABCDEFGHJKMN"));
		this.mvc.perform(get("/verify").param("code", "https://x.gov.cn/verify/ABCDEFGHJKMN?from=pdf"))
			.andExpect(redirectedUrl("/verify/ABCDEFGHJKMN"));
		this.mvc.perform(get("/verify").param("code", "证书%2F号"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不存在")));
	}

}
