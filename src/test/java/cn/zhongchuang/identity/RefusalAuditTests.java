package cn.zhongchuang.identity;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 finding 11: refusals are audited, though the refused request changed nothing:
 * a 404 on an object outside the user's scope, a 403 by role (pages and API).
 */
@IntegrationTest
class RefusalAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a404OnAnotherRegionsObjectIsAudited() throws Exception {
		var gansuAdmin = this.accounts.create(Role.ADMIN, "620000");
		var beijingUser = this.accounts.create(Role.OPERATOR, "110105");

		this.mvc.perform(get("/api/v1/users/" + beijingUser.id()).with(user(gansuAdmin.principal())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users/" + beijingUser.id()).with(user(gansuAdmin.principal())))
			.andExpect(status().isNotFound());

		assertThat(rows("NOT_FOUND", gansuAdmin.username(), "%/users/" + beijingUser.id() + "%")).isEqualTo(2);
	}

	@Test
	void a403ByRoleIsAudited() throws Exception {
		var operator = this.accounts.create(Role.OPERATOR, "110105");

		this.mvc.perform(get("/api/v1/audit-events").with(user(operator.principal())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users").with(user(operator.principal()))).andExpect(status().isForbidden());

		assertThat(rows("ACCESS_DENIED", operator.username(), "GET /api/v1/audit-events%")).isEqualTo(1);
		assertThat(rows("ACCESS_DENIED", operator.username(), "GET /admin/users%")).isEqualTo(1);
	}

	private long rows(String action, String actor, String detail) {
		return this.jdbc.sql("""
				SELECT count(*) FROM audit_event
				WHERE action = :action AND actor = :actor AND result = 'DENIED' AND detail LIKE :detail
				""").param("action", action).param("actor", actor).param("detail", detail).query(Long.class).single();
	}

}
