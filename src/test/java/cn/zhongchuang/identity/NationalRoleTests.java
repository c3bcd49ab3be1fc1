package cn.zhongchuang.identity;

import cn.zhongchuang.IntegrationTest;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 国家级主管部门: a government role scoped to 全国, managed by administrators, with the pages
 * where titles and institutions are handled; the demo accounts national and bj_city.
 */
@IntegrationTest
class NationalRoleTests {

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts directory;

	@Autowired
	MockMvc mvc;

	@Test
	void anAdministratorCreatesANationalUserOnlyForTheWholeCountry() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		this.mvc
			.perform(post("/api/v1/users").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"natl%d","displayName":"火炬中心办事员","role":"NATIONAL","regionCode":"110000"}
						""".formatted(System.nanoTime() % 100000)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("全国")));
		this.mvc
			.perform(post("/api/v1/users").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"natl%d","displayName":"火炬中心办事员","role":"NATIONAL","regionCode":"000000"}
						""".formatted(System.nanoTime() % 100000)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.user.role").value("NATIONAL"));
		this.mvc.perform(get("/admin/users/new").with(user(admin.principal())))
			.andExpect(content().string(containsString("国家级主管部门")));
	}

	@Test
	void theNationalUserIsGovernmentAndWorksWithTitlesAndInstitutions() throws Exception {
		assertThat(Role.NATIONAL.isGovernment()).isTrue();
		var national = this.accounts.create(Role.NATIONAL, "000000").principal();
		for (String page : new String[] { "/institutions", "/bureau/recognitions", "/recommendations", "/operators",
				"/bureau/recognitions/external/new" }) {
			this.mvc.perform(get(page).with(user(national))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/").with(user(national)))
			.andExpect(content().string(containsString("国家级主管部门")))
			.andExpect(content().string(containsString("/recommendations")));
	}

	@Test
	void theDemoHasTheNationalLevelAndTheBeijingMunicipalLevel() {
		assertThat(this.directory.find("national")).get()
			.satisfies((e) -> assertThat(e.role()).isEqualTo(Role.NATIONAL))
			.satisfies((e) -> assertThat(e.regionCode()).isEqualTo("000000"));
		assertThat(this.directory.find("bj_city")).get()
			.satisfies((e) -> assertThat(e.role()).isEqualTo(Role.CITY_BUREAU))
			.satisfies((e) -> assertThat(e.regionCode()).isEqualTo("110000"));
	}

}
