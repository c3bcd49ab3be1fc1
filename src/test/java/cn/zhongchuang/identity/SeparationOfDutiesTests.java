package cn.zhongchuang.identity;

import java.time.Duration;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 finding 5 (三员分立): only the security administrator creates, resets and changes
 * the accounts of administrators, auditors and security administrators; the administrator
 * is refused (403, audited); each act is audited and told to the auditors.
 */
@IntegrationTest
class SeparationOfDutiesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorCannotResetTheAuditorsPasswordAndTheRefusalIsAudited() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		var auditor = this.accounts.create(Role.AUDITOR, Region.NATION);
		String hashBefore = hash(auditor.id());

		this.mvc
			.perform(post("/admin/users/" + auditor.id() + "/reset-password").with(user(admin.principal()))
				.with(csrf())
				.param("version", String.valueOf(version(auditor.id()))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/users/" + auditor.id() + "/reset-password").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version(auditor.id()) + "}"))
			.andExpect(status().isForbidden());

		assertThat(hash(auditor.id())).isEqualTo(hashBefore);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event
				WHERE action = 'ACCESS_DENIED' AND result = 'DENIED' AND actor = :a AND detail LIKE '%三员分立%'
				""").param("a", admin.username()).query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void anAdministratorCannotCreateAnAuditorNorPromoteSomeoneToAdministrator() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		var clerk = this.accounts.create(Role.COUNTY_REVIEWER, "620102");

		this.mvc
			.perform(post("/api/v1/users").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"sneaky%d","displayName":"冒名审计员","role":"AUDITOR","regionCode":"000000"}
						""".formatted(System.nanoTime() % 100000)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("系统管理员、安全审计员和安全管理员的账户只能由安全管理员管理（三员分立）"));
		this.mvc
			.perform(post("/admin/users/" + clerk.id()).with(user(admin.principal()))
				.with(csrf())
				.param("version", String.valueOf(version(clerk.id())))
				.param("displayName", "提权")
				.param("role", "ADMIN")
				.param("regionCode", "620102"))
			.andExpect(status().isForbidden());

		assertThat(this.jdbc.sql("SELECT role FROM user_account WHERE id = :id")
			.param("id", clerk.id())
			.query(String.class)
			.single()).isEqualTo("COUNTY_REVIEWER");
	}

	@Test
	void theSecurityAdministratorResetsTheAuditorAndTheAuditorsAreTold() throws Exception {
		var secadmin = this.accounts.create(Role.SECURITY_ADMIN, Region.NATION);
		var auditor = this.accounts.create(Role.AUDITOR, "620000");
		var otherAuditor = this.accounts.create(Role.AUDITOR, Region.NATION);
		String hashBefore = hash(auditor.id());

		this.mvc
			.perform(post("/admin/users/" + auditor.id() + "/reset-password").with(user(secadmin.principal()))
				.with(csrf())
				.param("version", String.valueOf(version(auditor.id()))))
			.andExpect(status().is3xxRedirection());

		assertThat(hash(auditor.id())).isNotEqualTo(hashBefore);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event
				WHERE action = 'USER_RESET_PASSWORD' AND result = 'SUCCESS' AND actor = :a AND object_id = :o
				""")
			.param("a", secadmin.username())
			.param("o", String.valueOf(auditor.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql(
					"SELECT count(*) FROM notification WHERE recipient_id = :r AND title LIKE '特权账户变更%' AND body LIKE :b")
				.param("r", otherAuditor.id())
				.param("b", "%" + auditor.username() + "%重置密码%")
				.query(Long.class)
				.single()).isEqualTo(1));
	}

	@Test
	void theSecurityAdministratorManagesNoOrdinaryAccount() throws Exception {
		var secadmin = this.accounts.create(Role.SECURITY_ADMIN, Region.NATION);
		var operator = this.accounts.create(Role.OPERATOR, "110105");

		this.mvc
			.perform(post("/admin/users/" + operator.id() + "/reset-password").with(user(secadmin.principal()))
				.with(csrf())
				.param("version", String.valueOf(version(operator.id()))))
			.andExpect(status().isForbidden());
		// and reads no audit
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/audit-events")
				.with(user(secadmin.principal())))
			.andExpect(status().isForbidden());
	}

	@Test
	void eachAdministratorIsOfferedOnlyTheRolesTheyMayGive() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, Region.NATION);
		var secadmin = this.accounts.create(Role.SECURITY_ADMIN, Region.NATION);

		String forAdmin = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/users/new")
				.with(user(admin.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String forSecadmin = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/users/new")
				.with(user(secadmin.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(forAdmin).contains("value=\"OPERATOR\"").doesNotContain("value=\"AUDITOR\"");
		assertThat(forSecadmin).contains("value=\"AUDITOR\"", "安全管理员").doesNotContain("value=\"OPERATOR\"");
	}

	private String hash(long id) {
		return this.jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private int version(long id) {
		return this.jdbc.sql("SELECT version FROM user_account WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
