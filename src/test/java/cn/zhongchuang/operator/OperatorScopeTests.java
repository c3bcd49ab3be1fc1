package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An operator reaches only their own organisation; government users read those of their
 * region and change nothing; everything else answers 404.
 */
@IntegrationTest
class OperatorScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	OperatorFixtures fixtures;

	@Autowired
	OperatorRecords records;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorCannotReadOrChangeAnotherOrganisationsRecords() throws Exception {
		var mine = this.fixtures.operator("110105");
		var theirs = this.fixtures.operator("110105");
		var mentor = this.records.create(RecordKind.MENTORS, theirs.org(), null,
				new Mentor("他人导师", "某单位", "投资", false, false, LocalDate.of(2025, 1, 1), null));
		var principal = mine.account().principal();

		this.mvc.perform(get("/operator/mentors/" + mentor.id()).with(user(principal)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/operator/mentors/" + mentor.id() + "/counselling").with(user(principal)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/operator/mentors/" + mentor.id()).param("version", "0")
				.param("name", "改掉")
				.param("contractStart", "2025-01-01")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/operator/mentors/" + mentor.id() + "/delete").param("version", "0")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/operator/mentors/" + mentor.id() + "/counselling").param("heldOn", "2025-02-01")
				.param("tenantName", "某企业")
				.param("topic", "偷偷加一条")
				.param("hours", "1")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/operators/" + theirs.org().id()).with(user(principal)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/operators/" + theirs.org().id() + "/records/mentors").with(user(principal)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/operators/" + theirs.org().id() + "/facts").with(user(principal)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/operators/" + theirs.org().id()).with(user(principal)))
			.andExpect(status().isForbidden());

		assertThat(this.jdbc.sql("SELECT name FROM operator_mentor WHERE id = :id")
			.param("id", mentor.id())
			.query(String.class)
			.single()).isEqualTo("他人导师");
		assertThat(this.jdbc.sql("SELECT count(*) FROM operator_counselling WHERE mentor_id = :id")
			.param("id", mentor.id())
			.query(Long.class)
			.single()).isZero();
		// Their own organisation is theirs to read.
		this.mvc.perform(get("/api/v1/operators/" + mine.org().id() + "/records/mentors").with(user(principal)))
			.andExpect(status().isOk());
	}

	@Test
	void aCountyReviewerListsOrganisationsOfTheirRegionOnlyAndCannotEdit() throws Exception {
		var chengguan = this.fixtures.operator("620102");
		var chaoyang = this.fixtures.operator("110105");
		this.records.create(RecordKind.PREMISES, chengguan.org(), null,
				new Premises("兰州市城关区某路 1 号", "620102", new BigDecimal("600"), new BigDecimal("500"), 30,
						Premises.Tenure.OWNED, null, null, true, false, LocalDate.of(2021, 1, 1)));
		var reviewer = this.accounts.create(Role.COUNTY_REVIEWER, "620102").principal();

		this.mvc.perform(get("/operators").with(user(reviewer)))
			.andExpect(status().isOk())
			// whole names in their cells: a fixture name may be part of another's
			.andExpect(content().string(containsString(">" + chengguan.org().name() + "<")))
			.andExpect(content().string(not(containsString(">" + chaoyang.org().name() + "<"))));
		this.mvc.perform(get("/api/v1/operators?size=200").with(user(reviewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith("620102"))));
		this.mvc.perform(get("/operators/" + chengguan.org().id()).with(user(reviewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(chengguan.institution().name())));
		this.mvc.perform(get("/institutions/" + chengguan.institution().id()).with(user(reviewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("600")));
		this.mvc.perform(get("/institutions/" + chaoyang.institution().id()).with(user(reviewer)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/operators/" + chengguan.org().id() + "/premises").with(user(reviewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("兰州市城关区某路 1 号")))
			.andExpect(content().string(not(containsString("id=\"new-record\""))));
		this.mvc.perform(get("/operators/" + chaoyang.org().id()).with(user(reviewer)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/operators/" + chaoyang.org().id() + "/premises").with(user(reviewer)))
			.andExpect(status().isNotFound());
		// Government users change nothing: the operator's pages are not theirs.
		this.mvc.perform(post("/operator/premises").param("address", "篡改").with(user(reviewer)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/operator/profile").param("version", "0").with(user(reviewer)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/operators/" + chengguan.org().id() + "/premises").with(user(reviewer)).with(csrf()))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void aCityBureauSeesTheCountiesBelowIt() throws Exception {
		var chengguan = this.fixtures.operator("620102");
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var expert = this.accounts.create(Role.EXPERT, "620100").principal();

		this.mvc.perform(get("/api/v1/operators/" + chengguan.org().id()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionName").value("甘肃省 兰州市 城关区"));
		this.mvc.perform(get("/api/v1/operators/" + chengguan.org().id()).with(user(expert)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/operators").with(user(expert))).andExpect(status().isForbidden());
	}

}
