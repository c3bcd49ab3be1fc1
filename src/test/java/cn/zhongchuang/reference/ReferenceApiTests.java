package cn.zhongchuang.reference;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public reference endpoints of policy-api.md, called without signing in. */
@IntegrationTest
class ReferenceApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void validCreditCodeShowsItsRegistrationRegion() throws Exception {
		this.mvc.perform(get("/api/v1/reference/credit-codes/914403001922038216"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.registrationRegion").value("440300"))
			.andExpect(jsonPath("$.entityCategory").value("91"))
			.andExpect(jsonPath("$.registrationRegionName").value("广东省 深圳市"));
	}

	@Test
	void invalidCreditCodeSaysWhy() throws Exception {
		this.mvc.perform(get("/api/v1/reference/credit-codes/914403001922038217"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.reason", containsString("6")));
	}

	@Test
	void enterpriseSizeFollowsTheStandard() throws Exception {
		this.mvc
			.perform(post("/api/v1/reference/enterprise-size").contentType(MediaType.APPLICATION_JSON)
				.content("{\"industry\":\"SOFTWARE_IT\",\"employees\":50,\"revenueWan\":500}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value("SMALL"));
		this.mvc
			.perform(post("/api/v1/reference/enterprise-size").contentType(MediaType.APPLICATION_JSON)
				.content("{\"industry\":\"INDUSTRY\",\"employees\":20,\"revenueWan\":300}"))
			.andExpect(jsonPath("$.size").value("SMALL"));
	}

	@Test
	void enterpriseSizeBadInputIsA400NamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/v1/reference/enterprise-size").contentType(MediaType.APPLICATION_JSON)
				.content("{\"industry\":\"MINING_ON_MARS\",\"employees\":5}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("industry"));
		this.mvc
			.perform(post("/api/v1/reference/enterprise-size").contentType(MediaType.APPLICATION_JSON)
				.content("{\"industry\":\"INDUSTRY\",\"employees\":5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("revenueWan"));
		this.mvc
			.perform(post("/api/v1/reference/enterprise-size").contentType(MediaType.APPLICATION_JSON)
				.content("{\"industry\":\"INDUSTRY\",\"employees\":\"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("employees"));
	}

	@Test
	void workingDaysSkipTheNationalDayHolidays() throws Exception {
		// 2025-10-01…08 are off; 2025-10-09 (Thursday) is the first working day after
		// 9-30.
		this.mvc.perform(get("/api/v1/reference/working-days").param("from", "2025-09-30").param("add", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2025-10-09"))
			.andExpect(jsonPath("$.warnings", hasSize(0)));
	}

	@Test
	void workingDaysWarnWhenAYearHasNoSchedule() throws Exception {
		this.mvc.perform(get("/api/v1/reference/working-days").param("from", "2028-06-01").param("add", "3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.yearsWithoutSchedule[0]").value(2028))
			.andExpect(jsonPath("$.warnings[0]", containsString("2028")));
	}

	@Test
	void workingDaysBadInputIsA400NamingTheParameter() throws Exception {
		this.mvc.perform(get("/api/v1/reference/working-days").param("from", "2025-13-01").param("add", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		this.mvc.perform(get("/api/v1/reference/working-days").param("from", "2025-10-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("add"));
	}

	@Test
	void anAdministratorLoadsANewYearWithoutARelease() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		String year2027 = """
				{"year": 2027, "papers": [], "days": [
				  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
				  {"name": "春节", "date": "2027-02-06", "isOffDay": true},
				  {"name": "春节", "date": "2027-02-07", "isOffDay": false}
				]}""";
		this.mvc.perform(get("/api/v1/reference/working-days").param("from", "2026-12-31").param("add", "1"))
			.andExpect(jsonPath("$.warnings[0]", containsString("2027")));

		this.mvc
			.perform(multipart("/admin/calendars")
				.file(new MockMultipartFile("file", "2027.json", "application/json", year2027.getBytes()))
				.with(user(admin.principal()))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/calendars"));

		// 2027-01-01 is now a holiday, so the first working day after 2026-12-31 is
		// Monday 01-04.
		this.mvc.perform(get("/api/v1/reference/working-days").param("from", "2026-12-31").param("add", "1"))
			.andExpect(jsonPath("$.date").value("2027-01-04"))
			.andExpect(jsonPath("$.warnings", hasSize(0)));
	}

	@Test
	void aMalformedScheduleIsRefusedNextToTheField() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");

		this.mvc
			.perform(multipart("/admin/calendars")
				.file(new MockMultipartFile("file", "x.json", "application/json",
						"{\"year\": 2029, \"days\": [{\"date\": \"2029-13-01\", \"isOffDay\": true}]}".getBytes()))
				.with(user(admin.principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is-invalid")));
	}

	@Test
	void anEmptyOrOversizedScheduleFileIsRefusedNextToTheField() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");

		this.mvc
			.perform(multipart("/admin/calendars")
				.file(new MockMultipartFile("file", "x.json", "application/json", new byte[0]))
				.with(user(admin.principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请选择节假日安排 JSON 文件")));
		this.mvc
			.perform(multipart("/admin/calendars")
				.file(new MockMultipartFile("file", "x.json", "application/json", new byte[256 * 1024 + 1]))
				.with(user(admin.principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("上限 256 KB")));
	}

}
