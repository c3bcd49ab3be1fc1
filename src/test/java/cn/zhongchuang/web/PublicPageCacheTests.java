package cn.zhongchuang.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.operator.TestOrganisations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public pages a node keeps (PublicPageCache): the same page for every visitor, no
 * cookie, and a change written straight into the database (as by another node) shown on
 * the next request.
 */
@IntegrationTest
class PublicPageCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestOrganisations organisations;

	@Test
	void aKeptPublicPageSetsNoCookieAndShowsAChangeInTheDatabaseAtOnce() throws Exception {
		String tag = "缓存" + System.nanoTime() % 1_000_000;
		var org = this.organisations.register("650102", "缓存空间");
		long id = this.jdbc
			.sql("""
					INSERT INTO recognition (number, verification_code, subject_type, subject_id, institution_name, operator_name,
					  credit_code, kind, level, region_code, policy_id, issuing_authority, recognized_on, status, created_by,
					  created_at, document_number, source, institution_id)
					VALUES (:number, :code, 'external_title', :n, :name, :name, :credit, 'MAKER_SPACE', 'CITY', '650102', NULL,
					  '乌鲁木齐市科学技术局', :on, 'ACTIVE', 'test', :now, :number, 'EXTERNAL', :institution)
					RETURNING id
					""")
			.param("number", "乌科缓〔2026〕" + tag + "号")
			.param("code", "PC" + tag.substring(2))
			.param("n", System.nanoTime())
			.param("name", tag + "甲空间")
			.param("credit", org.creditCode())
			.param("on", LocalDate.of(2026, 3, 1))
			.param("now", OffsetDateTime.now())
			.param("institution", org.institutionId())
			.query(Long.class)
			.single();

		MvcResult first = this.mvc.perform(get("/registry").param("q", tag))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + "甲空间")))
			.andReturn();
		// no token, no session, no cookie: a page every visitor may be given
		assertThat(first.getResponse().getHeaders("Set-Cookie")).isEmpty();
		assertThat(first.getRequest().getSession(false)).isNull();
		String page = first.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("_csrf");
		MvcResult again = this.mvc.perform(get("/registry").param("q", tag)).andExpect(status().isOk()).andReturn();
		assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(page);
		assertThat(again.getResponse().getContentType()).isEqualTo(first.getResponse().getContentType());

		// renamed in plain SQL, as another node would: the next page shows it
		rename(id, tag + "乙空间");
		this.mvc.perform(get("/registry").param("q", tag)).andExpect(content().string(containsString(tag + "乙空间")));
		this.mvc.perform(get("/api/v1/registry").param("q", tag))
			.andExpect(jsonPath("$.items[0].name").value(tag + "乙空间"));
		rename(id, tag + "丙空间");
		this.mvc.perform(get("/api/v1/registry").param("q", tag))
			.andExpect(jsonPath("$.items[0].name").value(tag + "丙空间"));
		// another search is another page
		this.mvc.perform(get("/registry").param("q", tag + "丙"))
			.andExpect(content().string(containsString(tag + "丙空间")));
	}

	private void rename(long id, String name) {
		this.jdbc.sql("UPDATE recognition SET institution_name = :name WHERE id = :id")
			.param("name", name)
			.param("id", id)
			.update();
	}

}
