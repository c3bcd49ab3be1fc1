package cn.zhongchuang.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The one filter bar (lists :: filterBar) on the list pages: the form #filters to the
 * page's path, 查询, 重置 back to the unfiltered list of that page (认定管理 and 认定名录 linked to a
 * literal "path" before), htmx on the live lists and a plain form where the page reloads,
 * the fields keeping what was asked.
 */
@IntegrationTest
class FilterBarTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	private String bar(MockHttpServletRequestBuilder request) throws Exception {
		String html = this.mvc.perform(request).andReturn().getResponse().getContentAsString();
		Matcher m = Pattern.compile("<form[^>]*id=\"filters\".*?</form>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as("a filter bar").isTrue();
		return m.group();
	}

	@Test
	void everyListsBarSearchesResetsToItsOwnPathAndKeepsTheFilters() throws Exception {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		for (String path : new String[] { "/bureau/recognitions", "/institutions", "/operators", "/bureau/notices",
				"/bureau/sanctions", "/bureau/subsidies", "/tenants", "/recommendations", "/chains", "/clusters" }) {
			String bar = bar(get(path).with(user(bureau)));
			assertThat(bar).as(path)
				.contains("action=\"" + path + "\"", "hx-get=\"" + path + "\"", "hx-target=\"#results\"",
						">查询</button>", "href=\"" + path + "\"", ">重置</a>", "id=\"list-from\"");
		}
		String registry = bar(get("/registry").param("q", "过滤栏关键词").param("level", "CITY"));
		assertThat(registry).contains("href=\"/registry\"", "value=\"过滤栏关键词\"", "keyup changed delay:400ms from:#q",
				"<option value=\"CITY\" selected=\"selected\">市级</option>");
		// the pages that reload: a plain form
		String plain = bar(get("/bureau/supervision").param("status", "ANSWERED").with(user(bureau)));
		assertThat(plain)
			.contains("action=\"/bureau/supervision\"", "href=\"/bureau/supervision\"",
					"<option value=\"ANSWERED\" selected=\"selected\">")
			.doesNotContain("hx-get");
	}

}
