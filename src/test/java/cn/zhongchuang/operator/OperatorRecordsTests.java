package cn.zhongchuang.operator;

import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The records an operator keeps: checked per field, versioned, audited. */
@IntegrationTest
class OperatorRecordsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OperatorFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeaseWithoutAnEndDateIsRefusedForLeasedPremises() throws Exception {
		var operator = this.fixtures.operator("110105");

		this.mvc.perform(premises(operator, "LEASED", "2024-01-01", "").header("HX-Request", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请填写租赁截止日期")))
			.andExpect(content().string(containsString("id=\"record-form\"")));
		this.mvc.perform(premises(operator, "LEASED", "2024-01-01", "2023-12-31"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("租赁截止日期应晚于起始日期")));
		assertThat(count("operator_premises", operator)).isZero();

		this.mvc.perform(premises(operator, "OWNED", "", "")).andExpect(redirectedUrl("/operator/premises"));
		this.mvc.perform(premises(operator, "LEASED", "2024-01-01", "2028-12-31"))
			.andExpect(redirectedUrl("/operator/premises"));
		assertThat(count("operator_premises", operator)).isEqualTo(2);
	}

	@Test
	void wrongTypesAndUnsafeLinksAreShownNextToTheirFields() throws Exception {
		var operator = this.fixtures.operator("110105");

		this.mvc
			.perform(post("/operator/events").param("title", "路演")
				.param("type", "PARTY")
				.param("heldOn", "2025-13-01")
				.param("participants", "很多")
				.param("mediaLinks", "https://news.example.cn/a\njavascript:alert(1)")
				.with(user(operator.account().principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请从列表中选择")))
			.andExpect(content().string(containsString("日期无效")))
			.andExpect(content().string(containsString("请输入整数")))
			.andExpect(content().string(containsString("只接受 http:// 或 https:// 开头的网址")));
		assertThat(count("operator_event", operator)).isZero();
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
		var operator = this.fixtures.operator("110105");
		this.mvc.perform(staff(operator, "/operator/staff", "王一", null)).andExpect(redirectedUrl("/operator/staff"));
		long id = this.jdbc.sql("SELECT id FROM operator_staff WHERE operator_id = :op")
			.param("op", operator.org().id())
			.query(Long.class)
			.single();

		this.mvc.perform(staff(operator, "/operator/staff/" + id, "王二", 0)).andExpect(redirectedUrl("/operator/staff"));
		this.mvc.perform(staff(operator, "/operator/staff/" + id, "王三", 0)).andExpect(status().isConflict());
		this.mvc
			.perform(post("/operator/staff/" + id + "/delete").param("version", "0")
				.with(user(operator.account().principal()))
				.with(csrf()))
			.andExpect(status().isConflict());

		assertThat(this.jdbc.sql("SELECT name FROM operator_staff WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("王二");
	}

	@Test
	void everyChangeWritesAnAuditRow() throws Exception {
		var operator = this.fixtures.operator("110105");
		var principal = operator.account().principal();
		this.mvc
			.perform(post("/operator/mentors").param("name", "刘导师")
				.param("employer", "某投资机构")
				.param("industryMentor", "true")
				.param("contractStart", "2025-01-01")
				.header("HX-Request", "true")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
			.andExpect(content().string(containsString("刘导师")));
		long mentor = this.jdbc.sql("SELECT id FROM operator_mentor WHERE operator_id = :op")
			.param("op", operator.org().id())
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/operator/mentors/" + mentor + "/counselling").param("heldOn", "2025-03-01")
				.param("tenantName", "北京某科技有限公司")
				.param("topic", "融资路演辅导")
				.param("hours", "2.5")
				.with(user(principal))
				.with(csrf()))
			.andExpect(redirectedUrl("/operator/mentors/" + mentor + "/counselling"));
		long session = this.jdbc.sql("SELECT id FROM operator_counselling WHERE mentor_id = :m")
			.param("m", mentor)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/operator/mentors").with(user(principal)))
			.andExpect(content().string(containsString("辅导档案 (1)")));
		// A mentor with counselling records stays until they are gone.
		this.mvc
			.perform(post("/operator/mentors/" + mentor + "/delete").param("version", "0")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/operator/mentors/" + mentor + "/counselling/" + session).param("version", "0")
				.param("heldOn", "2025-03-02")
				.param("tenantName", "北京某科技有限公司")
				.param("topic", "融资路演辅导（二）")
				.param("hours", "3")
				.with(user(principal))
				.with(csrf()))
			.andExpect(redirectedUrl("/operator/mentors/" + mentor + "/counselling"));
		this.mvc
			.perform(post("/operator/mentors/" + mentor + "/counselling/" + session + "/delete").param("version", "1")
				.with(user(principal))
				.with(csrf()))
			.andExpect(redirectedUrl("/operator/mentors/" + mentor + "/counselling"));
		this.mvc
			.perform(post("/operator/mentors/" + mentor + "/delete").param("version", "0")
				.with(user(principal))
				.with(csrf()))
			.andExpect(redirectedUrl("/operator/mentors"));

		assertThat(this.jdbc
			.sql("SELECT action || ' ' || object_type FROM audit_event WHERE actor = :a AND action LIKE 'OPERATOR_%'"
					+ " ORDER BY id")
			.param("a", principal.username())
			.query(String.class)
			.list()).containsExactly("OPERATOR_RECORD_CREATE operator_mentor",
					"OPERATOR_RECORD_CREATE operator_counselling", "OPERATOR_RECORD_UPDATE operator_counselling",
					"OPERATOR_RECORD_DELETE operator_counselling", "OPERATOR_RECORD_DELETE operator_mentor");
	}

	@Test
	void unknownKindsAndMisplacedChildrenAreNotFound() throws Exception {
		var operator = this.fixtures.operator("110105");
		var principal = operator.account().principal();

		this.mvc.perform(get("/operator/secrets").with(user(principal))).andExpect(status().isNotFound());
		this.mvc.perform(get("/operator/counselling").with(user(principal))).andExpect(status().isNotFound());
		this.mvc.perform(get("/operator/events/1/counselling").with(user(principal))).andExpect(status().isNotFound());
		this.mvc.perform(get("/operator/events/new").header("HX-Request", "true").with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(content().string(containsString("id=\"record-form\"")));
	}

	@Test
	void theApiGivesTheOwnOrganisationsRecordsAndFacts() throws Exception {
		var operator = this.fixtures.operator("110105");
		var principal = operator.account().principal();
		this.mvc.perform(premises(operator, "OWNED", "2024-01-01", "2030-01-01"))
			.andExpect(redirectedUrl("/operator/premises"));

		this.mvc.perform(get("/api/v1/operators/" + operator.org().id() + "/records/premises").with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].data.tenure").value("OWNED"))
			.andExpect(jsonPath("$.items[0].data.leaseStart").doesNotExist())
			.andExpect(jsonPath("$.items[0].version").value(0));
		this.mvc
			.perform(get("/api/v1/institutions/" + operator.institution().id() + "/facts").param("asOf", "2026-03-01")
				.with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.spaceFacts.asOf").value("2026-03-01"))
			.andExpect(jsonPath("$.spaceFacts.space.totalAreaM2").value(600))
			.andExpect(jsonPath("$.spaceFacts.space.tenure").value("OWNED"))
			.andExpect(jsonPath("$.spaceFacts.tenants.count").value(0))
			.andExpect(jsonPath("$.sources['space.totalAreaM2']").value(containsString("场地记录")));
		this.mvc
			.perform(get("/api/v1/institutions/" + operator.institution().id() + "/facts").param("asOf", "2026-13-01")
				.with(user(principal)))
			.andExpect(status().isBadRequest());
	}

	private MockHttpServletRequestBuilder premises(OperatorFixtures.Operator operator, String tenure, String start,
			String end) {
		return post("/operator/premises").param("address", "北京市朝阳区测试路 8 号")
			.param("regionCode", "110105")
			.param("totalAreaM2", "600")
			.param("officeAndPublicServiceAreaM2", "480.5")
			.param("independentWorkstations", "40")
			.param("tenure", tenure)
			.param("leaseStart", start)
			.param("leaseEnd", end)
			.param("infrastructureReady", "true")
			.param("operatingSince", "2024-02-01")
			.with(user(operator.account().principal()))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder staff(OperatorFixtures.Operator operator, String path, String name,
			Integer version) {
		MockHttpServletRequestBuilder request = post(path).param("name", name)
			.param("role", "MANAGEMENT")
			.param("collegeDegree", "true")
			.param("employedSince", LocalDate.of(2024, 1, 1).toString())
			.with(user(operator.account().principal()))
			.with(csrf());
		return (version != null) ? request.param("version", version.toString()) : request;
	}

	private long count(String table, OperatorFixtures.Operator operator) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE operator_id = :op")
			.param("op", operator.org().id())
			.query(Long.class)
			.single();
	}

}
