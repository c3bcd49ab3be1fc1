package cn.zhongchuang.identity;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 属地化管理: a regional administrator sees and changes accounts of their region only. */
@IntegrationTest
class RegionScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void anotherRegionsUserRecordAnswers404() throws Exception {
		var lanzhouAdmin = this.accounts.create(Role.ADMIN, "620100");
		var liaoningClerk = this.accounts.create(Role.CITY_BUREAU, "210100");
		var chengguanClerk = this.accounts.create(Role.COUNTY_REVIEWER, "620102");

		this.mvc.perform(get("/api/v1/users/" + liaoningClerk.id()).with(user(lanzhouAdmin.principal())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/admin/users/" + liaoningClerk.id()).with(user(lanzhouAdmin.principal())))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/users/" + liaoningClerk.id() + "/disable").param("version", "0")
				.with(user(lanzhouAdmin.principal()))
				.with(csrf()))
			.andExpect(status().isNotFound());
		// A county below the administrator's city is within scope.
		this.mvc.perform(get("/api/v1/users/" + chengguanClerk.id()).with(user(lanzhouAdmin.principal())))
			.andExpect(status().isOk());
	}

	@Test
	void listsContainOnlyTheAdministratorsRegion() throws Exception {
		var lanzhouAdmin = this.accounts.create(Role.ADMIN, "620100");
		this.accounts.create(Role.OPERATOR, "210102");

		this.mvc.perform(get("/api/v1/users?size=200").with(user(lanzhouAdmin.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith("6201"))));
	}

	@Test
	void anAdministratorCannotPlaceAUserOutsideTheirRegion() throws Exception {
		var lanzhouAdmin = this.accounts.create(Role.ADMIN, "620100");

		this.mvc.perform(post("/api/v1/users").with(user(lanzhouAdmin.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"username\":\"outsider1\",\"displayName\":\"外人\",\"role\":\"OPERATOR\",\"regionCode\":\"210102\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
	}

}
