package cn.zhongchuang.recognition;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.platform.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The demo: 朝阳创客空间（一号基地） holds a district title and an external national filing with its
 * scan; a recommendation waits at each journey (朝阳 → 北京市, 辽宁 → 国家).
 */
@IntegrationTest
class DemoTitlesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Recommendations recommendations;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	CurrentUser user(String name) {
		return this.accounts.find(name).orElseThrow();
	}

	@Test
	void theChaoyangBaseHoldsADistrictTitleAndAnExternalNationalOne() throws Exception {
		this.mvc.perform(get("/api/v1/institutions").param("q", DemoTitles.CHAOYANG_BASE))
			.andExpect(jsonPath("$.items[0].titles[*].level", containsInAnyOrder("DISTRICT", "NATIONAL")))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'NATIONAL')].source")
				.value(org.hamcrest.Matchers.contains("EXTERNAL")))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'NATIONAL')].authority")
				.value(org.hamcrest.Matchers.contains("科学技术部")));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM recognition r JOIN institution i ON i.id = r.institution_id
				WHERE i.name = :n AND r.source = 'EXTERNAL' AND r.level = 'NATIONAL' AND r.policy_id IS NULL
				  AND r.document_number = :d AND r.evidence_attachment_id IS NOT NULL AND r.status = 'ACTIVE'
				""")
			.param("n", DemoTitles.CHAOYANG_BASE)
			.param("d", DemoTitles.NATIONAL_DOCUMENT)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRecommendationWaitsAtEachJourney() {
		assertThat(this.recommendations.list(true, "SUBMITTED", 1, 100, user("bj_city")).items()).anySatisfy((r) -> {
			assertThat(r.institutionName()).isEqualTo(DemoTitles.CHAOYANG_BASE);
			assertThat(r.number()).startsWith("朝科推〔");
		});
		assertThat(this.recommendations.list(true, "SUBMITTED", 1, 100, user("national")).items()).anySatisfy((r) -> {
			assertThat(r.institutionName()).isEqualTo(DemoTitles.LIAONING_BASE);
			assertThat(r.number()).startsWith("辽科推〔");
		});
		assertThat(this.recommendations.pendingFor(user("national"))).isGreaterThanOrEqualTo(1);
	}

}
