package cn.zhongchuang.policy;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public policy-engine contract of policy-api.md, over HTTP, without signing in. */
@IntegrationTest
class PolicyApiTests {

	/** The example request of policy-api.md. */
	static final String EXAMPLE = """
			{
			  "asOf": "2026-03-01",
			  "specialization": "COMPREHENSIVE",
			  "virtual": false,
			  "operator": {
			    "creditCode": "91110105MA01ABCD2X", "independentLegalEntity": true, "registeredRegion": "110105",
			    "taxRegion": "110105", "establishedOn": "2019-06-01", "stableRevenue": true,
			    "managementAndFinanceRules": true, "leadEntity": "NONE", "bannedUntil": null,
			    "compliance": {"majorSafetyOrQualityIncident": false, "seriousEnvironmentalViolation": false,
			                   "seriousResearchMisconduct": false, "abnormalOperationList": false, "seriousDishonestyList": false}
			  },
			  "space": {
			    "operatingSince": "2020-01-01", "totalAreaM2": 800, "officeAndPublicServiceAreaM2": 700,
			    "independentWorkstations": 40, "tenure": "LEASED", "leaseStart": "2023-12-01", "leaseEnd": "2028-11-30",
			    "infrastructureReady": true, "focusSegment": null, "rdAndProductionFacilities": false,
			    "openPlatform": true, "onlineServices": true
			  },
			  "tenants": {"count": 12, "withIncubationAgreement": 11, "inFocusSegment": 0},
			  "staff": {"management": 6, "managementWithCollegeDegree": 4, "incubationProfessionals": 2,
			            "founderInvestmentExperienceOrMasters": false},
			  "mentors": {"count": 10, "industryMentors": 0, "counselingArchive": true, "fromLeadingInvestorsOrFirms": false},
			  "funds": [{"role": "SELF_BUILT", "kind": "ANGEL", "amountCny": 5000000}],
			  "seedFundOrFinancingService": true,
			  "activities": {"eventsLast12Months": 14, "financingMatchEvents": 6, "professionalEventsLast12Months": 0, "evidence": true},
			  "services": {"ipServicePlatform": true, "exitMechanism": true, "admissionAndExitRules": true, "oneStopService": false}
			}""";

	@Autowired
	MockMvc mvc;

	@Test
	void listsTheBundledPacks() throws Exception {
		this.mvc.perform(get("/api/v1/policies"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id",
					hasItems("beijing-chaoyang-2017", "lanzhou-2018", "liaoning-specialized-2019", "jiangsu-2015")))
			.andExpect(jsonPath("$[?(@.id == 'lanzhou-2018')].jurisdiction").value("620100"))
			.andExpect(jsonPath("$[?(@.id == 'jiangsu-2015')].jurisdiction").value("320000"))
			.andExpect(jsonPath("$[0].effectiveFrom").exists());
	}

	@Test
	void aJiangsuSpaceIsJudgedPerNationalFilingCondition() throws Exception {
		space("jiangsu-2015", """
				{"asOf": "2026-03-01",
				 "operator": {"registeredRegion": "320102", "independentLegalEntity": true},
				 "space": {"operatingSince": "2024-09-02", "totalAreaM2": 450, "independentWorkstations": 30,
				           "officeAndPublicServiceAreaM2": 400},
				 "tenants": {"withIncubationAgreement": 19},
				 "staff": {"incubationProfessionals": 3}, "mentors": {"count": 3},
				 "activities": {"eventsLast12Months": 10}}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.policy").value("jiangsu-2015"))
			.andExpect(jsonPath("$.outcome").value("INELIGIBLE"))
			.andExpect(jsonPath("$.criteria[?(@.article == '3.6')].result").value("PASS"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'N1')].result").value("MANUAL"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'N2')].result").value("PASS"))
			// 2024-09-02 to 2026-03-01: 17 months, not the 18 the national conditions ask
			.andExpect(jsonPath("$.criteria[?(@.article == 'N3')].result").value("FAIL"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'N3')].detail").value(hasItem(containsString("17 个月"))))
			// under 500 m² but 30 workstations: either is enough
			.andExpect(jsonPath("$.criteria[?(@.article == 'N4')].result").value("PASS"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'N5')].result").value("FAIL"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'N6')].result").value("MANUAL"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'N8')].result").value("PASS"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'N9')].result").value("PASS"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'N10')].result").value("MANUAL"));
	}

	@Test
	void showsAPacksCriteriaWithArticleTitleAndKind() throws Exception {
		this.mvc.perform(get("/api/v1/policies/beijing-chaoyang-2017"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[?(@.article == '5.2')].kind").value("AUTOMATIC"))
			.andExpect(jsonPath("$.criteria[?(@.article == '5.9')].kind").value("MANUAL"))
			.andExpect(jsonPath("$.criteria[?(@.article == '5.10')].title").exists());
	}

	@Test
	void aBlankFocusSegmentIsAMissingFactForTheApiAndTheSelfCheckPageAlike() throws Exception {
		space("liaoning-specialized-2019", "{\"asOf\": \"2026-03-01\", \"space\": {\"focusSegment\": \"  \"}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[?(@.article == '2.2')].result").value("FAIL"))
			.andExpect(jsonPath("$.criteria[?(@.article == '2.2')].detail").value("缺少：聚焦的细分领域"));
		this.mvc
			.perform(post("/self-check/space")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.header("HX-Request", "true")
				.param("policy", "liaoning-specialized-2019")
				.param("asOf", "2026-03-01")
				.param("space.focusSegment", "  "))
			.andExpect(status().isOk())
			// the page names the fact by its label, never by its path
			.andExpect(content().string(containsString("缺少：聚焦的细分领域")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("：space.focusSegment"))));
	}

	@Test
	void theContractsExampleNeedsAReviewerAndCitesEveryArticle() throws Exception {
		space("beijing-chaoyang-2017", EXAMPLE).andExpect(status().isOk())
			.andExpect(jsonPath("$.policy").value("beijing-chaoyang-2017"))
			.andExpect(jsonPath("$.version").value("2017-11-21"))
			.andExpect(jsonPath("$.outcome").value("NEEDS_REVIEW"))
			.andExpect(jsonPath("$.criteria[?(@.article == '5.2')].result").value("PASS"))
			.andExpect(jsonPath("$.criteria[?(@.article == '5.9')].result").value("MANUAL"))
			.andExpect(jsonPath("$.criteria[?(@.article == '10')].result").value("PASS"))
			.andExpect(jsonPath("$.preferred[?(@.article == '5.4')].met").value(false));
	}

	@Test
	void aSmallAreaFailsWithTheFigureFoundAndRequired() throws Exception {
		space("beijing-chaoyang-2017", EXAMPLE.replace("\"totalAreaM2\": 800", "\"totalAreaM2\": 420"))
			.andExpect(jsonPath("$.outcome").value("INELIGIBLE"))
			.andExpect(jsonPath("$.criteria[?(@.article == '5.2')].result").value("FAIL"))
			.andExpect(jsonPath("$.criteria[?(@.article == '5.2')].detail").value(hasItems(containsString("420"))));
	}

	@Test
	void missingFactsAreNotAnErrorButFailNamingTheField() throws Exception {
		space("lanzhou-2018", "{\"asOf\": \"2026-03-01\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("INELIGIBLE"))
			.andExpect(jsonPath("$.criteria[?(@.article == 'C3')].detail").value(hasItems(containsString("在孵企业及团队数"))));
	}

	@Test
	void malformedInputIsA400NamingTheField() throws Exception {
		space("beijing-chaoyang-2017", "{broken").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		space("beijing-chaoyang-2017", EXAMPLE.replace("\"totalAreaM2\": 800", "\"totalAreaM2\": \"big\""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("space.totalAreaM2"));
		space("beijing-chaoyang-2017", EXAMPLE.replace("\"COMPREHENSIVE\"", "\"HUGE\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("specialization"));
		space("beijing-chaoyang-2017", EXAMPLE.replace("\"2028-11-30\"", "\"2025-13-01\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("space.leaseEnd"));
		space("beijing-chaoyang-2017", EXAMPLE.replace("\"asOf\": \"2026-03-01\"", "\"asOf\": \"2026-02-30\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("asOf"));
		space("beijing-chaoyang-2017", "[1, 2]").andExpect(status().isBadRequest());
	}

	@Test
	void anUnknownPolicyIs404() throws Exception {
		space("atlantis-2030", EXAMPLE).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/policies/atlantis-2030")).andExpect(status().isNotFound());
	}

	@Test
	void aDateBeforeThePackTookEffectHasNoPolicy() throws Exception {
		space("beijing-chaoyang-2017", EXAMPLE.replace("\"asOf\": \"2026-03-01\"", "\"asOf\": \"2016-01-01\""))
			.andExpect(status().isNotFound());
	}

	@Test
	void tenantEligibilityFollowsChaoyangArticle6() throws Exception {
		this.mvc
			.perform(post("/api/v1/policies/beijing-chaoyang-2017/tenant-eligibility")
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"asOf": "2026-03-01", "registeredRegion": "110105", "officeInSpace": true, "industry": "SOFTWARE_IT",
								 "employees": 30, "revenueWan": 800, "totalAssetsWan": 500, "technologyInnovative": true,
								 "staffWithCollegeDegree": 27, "rdExpenditureWan": 120, "totalExpenditureWan": 400, "keyIndustry": "互联网+"}
								"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("ELIGIBLE"))
			.andExpect(jsonPath("$.criteria[?(@.article == '6.2')].result").value("PASS"));
		this.mvc
			.perform(post("/api/v1/policies/lanzhou-2018/tenant-eligibility").contentType(MediaType.APPLICATION_JSON)
				.content("{\"asOf\": \"2026-03-01\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("未规定")));
	}

	@Test
	void tenantExitStatusCountsCompleteMonthsAfterAdmission() throws Exception {
		// Admitted 2025-08-10; on 2026-03-01 the complete months are 2025-09 … 2026-02
		// (6), none filed.
		this.mvc
			.perform(post("/api/v1/policies/beijing-chaoyang-2017/tenant-exit-status")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"asOf\": \"2026-03-01\", \"admittedOn\": \"2025-08-10\", \"filings\": []}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ABNORMAL"))
			.andExpect(jsonPath("$.monthsWithoutFiling").value(6))
			.andExpect(jsonPath("$.monthsWithoutTax").value(6));
		this.mvc.perform(post("/api/v1/policies/beijing-chaoyang-2017/tenant-exit-status")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"asOf\": \"2026-03-01\", \"admittedOn\": \"2025-08-10\", \"filings\": [{\"period\": \"2025-13\", \"filed\": true, \"taxPaidCny\": 0}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", containsString("filings[0].period")));
	}

	private ResultActions space(String policy, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/policies/" + policy + "/space-eligibility").contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

}
