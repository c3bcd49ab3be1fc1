package cn.zhongchuang.audit;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestDatabase;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditTrailTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestDatabase database;

	@Test
	void evenTheOwnerCannotUpdateDeleteOrTruncateAuditRowsWhileTheTriggerIsOn() {
		this.trail.record(AuditEntry.success("TEST_EVENT", "thing", 1, "原始记录", "110105"));
		JdbcClient owner = this.database.owner();

		assertThatThrownBy(() -> owner.sql("UPDATE audit_event SET detail = '篡改' WHERE action = 'TEST_EVENT'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> owner.sql("DELETE FROM audit_event WHERE action = 'TEST_EVENT'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> owner.sql("TRUNCATE audit_event").update()).isInstanceOf(DataAccessException.class);
		assertThat(
				this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'TEST_EVENT'").query(String.class).list())
			.containsOnly("原始记录");
	}

	@Test
	void aChangeWhoseAuditRowCannotBeWrittenDoesNotHappen() throws Exception {
		var admin = this.accounts.create(Role.ADMIN, "000000");
		// Make the audit insert fail for this one change, as a full disk or a broken
		// constraint would.
		this.database.owner()
			.sql("ALTER TABLE audit_event ADD CONSTRAINT test_refuse CHECK (detail NOT LIKE '%unaudited1%')")
			.update();
		try {
			this.mvc.perform(post("/api/v1/users").with(user(admin.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"{\"username\":\"unaudited1\",\"displayName\":\"无法审计\",\"role\":\"OPERATOR\",\"regionCode\":\"110105\"}"))
				.andExpect(status().is5xxServerError());
		}
		finally {
			this.database.owner().sql("ALTER TABLE audit_event DROP CONSTRAINT test_refuse").update();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_account WHERE username = 'unaudited1'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theHashChainRevealsARowEditedBehindTheTriggersBack() {
		this.trail.record(AuditEntry.success("CHAIN_TEST", "thing", 2, "链上记录", "620100"));
		assertThat(this.chain.verify().intact()).isTrue();
		long id = this.jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'CHAIN_TEST'")
			.query(Long.class)
			.single();
		JdbcClient owner = this.database.owner();

		owner.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
		try {
			owner.sql("UPDATE audit_event SET detail = '被改过' WHERE id = :id").param("id", id).update();
			AuditChain.Verification tampered = this.chain.verify();
			assertThat(tampered.intact()).isFalse();
			assertThat(tampered.firstBrokenId()).isEqualTo(id);
		}
		finally {
			owner.sql("UPDATE audit_event SET detail = '链上记录' WHERE id = :id").param("id", id).update();
			owner.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
		}
		assertThat(this.chain.verify().intact()).isTrue();
	}

	@Test
	void theAuditorSearchesTheTrailAndOthersMayNot() throws Exception {
		var auditor = this.accounts.create(Role.AUDITOR, "000000");
		var admin = this.accounts.create(Role.ADMIN, "000000");
		this.trail.record(AuditEntry.success("SEARCH_ME", "thing", 3, "可检索", "620102"));

		this.mvc.perform(get("/api/v1/audit-events").param("action", "SEARCH_ME").with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].detail").value("可检索"));
		this.mvc.perform(get("/audit").param("action", "SEARCH_ME").with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("可检索")));
		this.mvc.perform(get("/api/v1/audit-events").with(user(admin.principal()))).andExpect(status().isForbidden());
	}

	@Test
	void aRegionalAuditorSeesOnlyTheirRegion() throws Exception {
		var lanzhouAuditor = this.accounts.create(Role.AUDITOR, "620100");
		this.trail.record(AuditEntry.success("SCOPED_EVENT", "thing", 4, "兰州的", "620102"));
		this.trail.record(AuditEntry.success("SCOPED_EVENT", "thing", 5, "辽宁的", "210102"));

		this.mvc
			.perform(get("/api/v1/audit-events").param("action", "SCOPED_EVENT").with(user(lanzhouAuditor.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].detail").value("兰州的"));
	}

}
