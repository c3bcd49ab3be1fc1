package cn.zhongchuang.recognition;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public institutions API of institutions.md, without signing in: exactly the bound
 * fields, every filter, tenant counts, 404 and 400 naming the parameter.
 */
@IntegrationTest
class PublicInstitutionApiTests {

	@Autowired
	TitleFixtures fixtures;

	@Autowired
	ExternalTitles external;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	void tenant(long operatorId, long institutionId, String region, String status, int n) {
		this.jdbc
			.sql("""
					INSERT INTO tenant (operator_id, institution_id, region_code, name, credit_code, admitted_on, agreement_signed,
					  in_focus_segment, status, left_on, created_at)
					VALUES (:o, :i, :r, :name, :code, :on, false, false, :s, :left, :now)
					""")
			.param("o", operatorId)
			.param("i", institutionId)
			.param("r", region)
			.param("name", "在孵企业" + n)
			.param("code", cn.zhongchuang.operator.TestOrganisations.creditCode(region))
			.param("on", LocalDate.of(2024, 1, 1))
			.param("s", status)
			.param("left", "ACTIVE".equals(status) ? null : LocalDate.of(2025, 6, 30), java.sql.Types.DATE)
			.param("now", OffsetDateTime.now())
			.update();
	}

	@Test
	void anInstitutionCarriesExactlyTheBoundFieldsWithItsTitlesAndTenants() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("公开字段");
		AuthenticatedUser national = this.fixtures.account(Role.NATIONAL, "000000");
		this.external.record(
				new ExternalTitles.Form(titled.institutionId(), null, null, null, null, null, null, "NATIONAL",
						"国科火字〔2025〕301号", "2025-09-01", "科学技术部", null, "国家备案众创空间"),
				new ExternalTitles.Evidence("s.pdf", new ByteArrayInputStream(ExternalTitleTests.PDF),
						ExternalTitleTests.PDF.length),
				national);
		this.jdbc.sql(
				"UPDATE institution SET service_models = '{TRAINING_COACHING,MEDIA_EXTENSION}', sector_type = 'CULTURE' WHERE id = :i")
			.param("i", titled.institutionId())
			.update();
		tenant(titled.org().id(), titled.institutionId(), "110105", "ACTIVE", 1);
		tenant(titled.org().id(), titled.institutionId(), "110105", "ACTIVE", 2);
		tenant(titled.org().id(), titled.institutionId(), "110105", "GRADUATED", 3);

		this.mvc.perform(get("/api/v1/institutions").param("q", titled.org().name()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].*", hasSize(10)))
			.andExpect(jsonPath("$.items[0].id").value(titled.institutionId()))
			.andExpect(jsonPath("$.items[0].name").value(titled.name()))
			.andExpect(jsonPath("$.items[0].kind").value("MAKER_SPACE"))
			.andExpect(jsonPath("$.items[0].specialization").value("COMPREHENSIVE"))
			.andExpect(jsonPath("$.items[0].serviceModels", containsInAnyOrder("TRAINING_COACHING", "MEDIA_EXTENSION")))
			.andExpect(jsonPath("$.items[0].sectorType").value("CULTURE"))
			.andExpect(jsonPath("$.items[0].region").value("110105"))
			.andExpect(jsonPath("$.items[0].operator.*", hasSize(2)))
			.andExpect(jsonPath("$.items[0].operator.name").value(titled.org().name()))
			.andExpect(jsonPath("$.items[0].operator.creditCode").value(titled.org().creditCode()))
			.andExpect(jsonPath("$.items[0].titles", hasSize(2)))
			.andExpect(jsonPath("$.items[0].titles[0].*", hasSize(7)))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'DISTRICT')].number").value(titled.title().number()))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'DISTRICT')].authority").value("北京市朝阳区科学技术委员会"))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'DISTRICT')].status").value("ACTIVE"))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'DISTRICT')].recognizedOn").value("2025-06-01"))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'DISTRICT')].policy").value("beijing-chaoyang-2017"))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'DISTRICT')].source").value("SYSTEM"))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'NATIONAL')].source").value("EXTERNAL"))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'NATIONAL')].policy")
				.value(org.hamcrest.Matchers.contains(nullValue())))
			.andExpect(jsonPath("$.items[0].titles[?(@.level == 'NATIONAL')].authority").value("科学技术部"))
			.andExpect(jsonPath("$.items[0].tenants.*", hasSize(3)))
			.andExpect(jsonPath("$.items[0].tenants.active").value(2))
			.andExpect(jsonPath("$.items[0].tenants.teams").value(0))
			.andExpect(jsonPath("$.items[0].tenants.graduated").value(1));
		this.mvc.perform(get("/api/v1/institutions/" + titled.institutionId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(titled.name()))
			.andExpect(jsonPath("$.titles", hasSize(2)));
		// the facts stay signed-in
		this.mvc.perform(get("/api/v1/institutions/" + titled.institutionId() + "/facts"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void filtersTakeRegionWithSubRegionsKindLevelStatusAndAKeyword() throws Exception {
		String tag = "公开筛选" + RecognitionTests.SUBJECT.incrementAndGet();
		var chaoyang = this.fixtures.chaoyangDistrict(tag + "朝阳");
		var lanzhou = this.fixtures.lanzhouCity(tag + "兰州");
		var shenyang = this.fixtures.liaoningProvince(tag + "沈阳");
		var untitled = this.fixtures.untitled("620102", tag + "无称号");
		this.jdbc.sql("UPDATE institution SET kind = 'NURSERY', specialization = NULL WHERE id = :i")
			.param("i", lanzhou.institutionId())
			.update();
		this.jdbc.sql("UPDATE recognition SET status = 'LAPSED', ended_on = current_date WHERE id = :i")
			.param("i", shenyang.title().id())
			.update();

		this.mvc.perform(get("/api/v1/institutions").param("q", tag))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(
					jsonPath("$.items[*].name", containsInAnyOrder(chaoyang.name(), lanzhou.name(), shenyang.name())));
		this.mvc.perform(get("/api/v1/institutions").param("q", tag).param("region", "620000"))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(lanzhou.name())));
		this.mvc.perform(get("/api/v1/institutions").param("q", tag).param("region", "110000"))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(chaoyang.name())));
		this.mvc.perform(get("/api/v1/institutions").param("q", tag).param("kind", "NURSERY"))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(lanzhou.name())));
		this.mvc.perform(get("/api/v1/institutions").param("q", tag).param("level", "DISTRICT"))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(chaoyang.name())));
		this.mvc.perform(get("/api/v1/institutions").param("q", tag).param("status", "LAPSED"))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(shenyang.name())));
		this.mvc
			.perform(get("/api/v1/institutions").param("q", tag).param("level", "PROVINCE").param("status", "ACTIVE"))
			.andExpect(jsonPath("$.total").value(0));
		// q also matches a title's number and the credit code
		this.mvc.perform(get("/api/v1/institutions").param("q", lanzhou.title().number()))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(lanzhou.name())));
		this.mvc.perform(get("/api/v1/institutions").param("q", chaoyang.org().creditCode()))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(chaoyang.name())));
		this.mvc.perform(get("/api/v1/institutions").param("q", tag).param("size", "2").param("page", "2"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.page").value(2));
		// holding no title: not listed, 404 alone
		this.mvc.perform(get("/api/v1/institutions/" + untitled.institutionId())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/institutions/99999999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void badParametersAre400NamingTheParameter() throws Exception {
		for (String[] bad : new String[][] { { "level", "GALAXY" }, { "status", "ASLEEP" }, { "kind", "CASTLE" },
				{ "region", "12AB" }, { "region", "999999" }, { "page", "abc" }, { "size", "many" } }) {
			this.mvc.perform(get("/api/v1/institutions").param(bad[0], bad[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]));
		}
		this.mvc.perform(get("/api/v1/institutions/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

}
