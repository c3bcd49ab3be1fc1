package cn.zhongchuang.policy;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 朝阳 2014 pack of 科技企业孵化机构 (seed 001, criteria of 国科发区〔2018〕300号 第九条) through the
 * public policy API, and its demo incubator recognized by it.
 */
@IntegrationTest
class IncubatorPackApiTests {

	static final String INCUBATOR = """
			{"asOf": "2026-03-01", "specialization": "COMPREHENSIVE",
			 "institution": {"kind": "INCUBATOR"},
			 "operator": {"independentLegalEntity": true, "registeredRegion": "110105"},
			 "space": {"operatingSince": "2020-01-01", "totalAreaM2": %s},
			 "tenants": {"count": 60, "inFocusSegment": 10},
			 "staff": {"incubationProfessionals": 8}, "mentors": {"count": 9}, "investments": {"count": 4},
			 "incubator": {"statisticsYearsReported": 3, "tenantAreaM2": 9600, "staffTotal": 10, "fundWan": 800,
			               "financedTenants": 7, "tenantsWithPatentApplications": 31, "tenantsWithValidIp": 12,
			               "graduatesTotal": %s, "professionalServicePlatform": false}}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePolicyListHasTheIncubatorPackOfChaoyang() throws Exception {
		this.mvc.perform(get("/api/v1/policies"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'beijing-chaoyang-incubator-2014')].jurisdiction").value("110105"));
	}

	@Test
	void anIncubatorIsJudgedPerArticleOfTheNationalConditions() throws Exception {
		space(INCUBATOR.formatted("12000", "24")).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("NEEDS_REVIEW"))
			.andExpect(jsonPath("$.criteria[?(@.article == '9.2')].result").value(hasItem("PASS")))
			.andExpect(jsonPath("$.criteria[?(@.article == '9.7')].result").value("PASS"))
			.andExpect(
					jsonPath("$.criteria[?(@.article == '9.7')].detail").value(hasItem(containsString("累计毕业企业 24 家"))));
		// 9,999 m² fails the area of 第九条第二项; 19 graduates fail its 第七项, a fact no
		// other pack has
		space(INCUBATOR.formatted("9999", "19")).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("INELIGIBLE"))
			.andExpect(jsonPath("$.criteria[?(@.article == '9.2')].result").value(hasItem("FAIL")))
			.andExpect(jsonPath("$.criteria[?(@.article == '9.7')].result").value("FAIL"));
	}

	@Test
	void anAcceleratorIsJudgedOnTheCommonConditionsAndAMakerSpaceIsNotServed() throws Exception {
		space(INCUBATOR.formatted("12000", "24").replace("\"INCUBATOR\"", "\"ACCELERATOR\"")).andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[?(@.article == '5.2')].result").value(hasItem("PASS")))
			.andExpect(jsonPath("$.criteria[?(@.article == '9.6')].result").value("NOT_APPLICABLE"));
		space(INCUBATOR.formatted("12000", "24").replace("\"INCUBATOR\"", "\"MAKER_SPACE\"")).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("INELIGIBLE"));
	}

	@Test
	void aWrongTypeForANewFactIsA400NamingTheField() throws Exception {
		space(INCUBATOR.formatted("12000", "\"二十四\"")).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("incubator.graduatesTotal")));
	}

	@Test
	void theDemoIncubatorIsRecognizedInChaoyangByThisPack() throws Exception {
		String name = this.jdbc.sql("""
				SELECT institution_name FROM recognition
				WHERE policy_id = 'beijing-chaoyang-incubator-2014' AND level = 'DISTRICT' AND status = 'ACTIVE'
				  AND kind = 'INCUBATOR' AND region_code = '110105'""")
			.query(String.class)
			.optional()
			.orElseThrow(() -> new AssertionError("no demo title of the incubator pack"));
		this.mvc.perform(get("/api/v1/institutions").param("q", name))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("INCUBATOR")));
		assertThat(name).isNotBlank();
	}

	private ResultActions space(String body) throws Exception {
		return this.mvc.perform(post("/api/v1/policies/beijing-chaoyang-incubator-2014/space-eligibility")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
