package cn.zhongchuang.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestDatabase;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding 1 of issue 13: the application's own database role cannot rewrite the trail,
 * and an owner who rewrites and re-chains it without the key is caught.
 */
@IntegrationTest
class AuditDatabaseRoleTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestDatabase database;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theApplicationsRoleIsNoSuperuserOwnsNothingAndMayOnlyAppendToTheAuditTrail() throws Exception {
		this.trail.record(AuditEntry.success("ROLE_TEST", "thing", 1, "原始", "620100"));
		try (Connection app = this.database.connectAsApplication(); Statement s = app.createStatement()) {
			try (ResultSet rs = s
				.executeQuery("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("zhongchuang_app");
				assertThat(rs.getBoolean(2)).isFalse();
			}
			try (ResultSet rs = s.executeQuery(
					"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")) {
				rs.next();
				assertThat(rs.getLong(1)).isZero();
			}
			assertThatThrownBy(() -> s.execute("SET session_replication_role = replica"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET detail = '改' WHERE action = 'ROLE_TEST'"))
				.hasMessageContaining("permission denied for table audit_event");
			assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event WHERE action = 'ROLE_TEST'"))
				.hasMessageContaining("permission denied for table audit_event");
			assertThatThrownBy(() -> s.execute("TRUNCATE audit_event"))
				.hasMessageContaining("permission denied for table audit_event");
			assertThatThrownBy(() -> s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update"))
				.hasMessageContaining("must be owner");
			assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_anchor"))
				.hasMessageContaining("permission denied for table audit_anchor");
			// and its ordinary work goes on: it reads and appends
			try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE action = 'ROLE_TEST'")) {
				rs.next();
				assertThat(rs.getLong(1)).isEqualTo(1);
			}
		}
		assertThat(
				this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'ROLE_TEST'").query(String.class).list())
			.containsExactly("原始");
	}

	@Test
	void anOwnerWhoEditsARowAndReChainsTheTrailWithoutTheKeyIsCaught() throws Exception {
		this.trail.record(AuditEntry.success("OWNER_TAMPER", "thing", 2, "批准", "620100"));
		this.trail.record(AuditEntry.success("OWNER_TAMPER", "thing", 3, "之后的记录", "620100"));
		assertThat(this.chain.verify().intact()).isTrue();
		long edited = this.jdbc.sql("SELECT min(id) FROM audit_event WHERE action = 'OWNER_TAMPER'")
			.query(Long.class)
			.single();

		record Saved(long id, String detail, String prevHash, String hash) {
		}
		JdbcClient owner = this.database.owner();
		List<Saved> saved = owner.sql("SELECT id, detail, prev_hash, hash FROM audit_event WHERE id >= :id ORDER BY id")
			.param("id", edited)
			.query(Saved.class)
			.list();
		owner.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
		try {
			// the attacker's re-chain: plain SM3 as the old chain was, from the edited
			// row on
			owner.sql("UPDATE audit_event SET detail = '驳回' WHERE id = :id").param("id", edited).update();
			String prev = owner.sql("SELECT hash FROM audit_event WHERE id < :id ORDER BY id DESC LIMIT 1")
				.param("id", edited)
				.query(String.class)
				.optional()
				.orElse(AuditTrail.GENESIS);
			for (Saved row : saved) {
				StoredEvent e = owner.sql("SELECT * FROM audit_event WHERE id = :id")
					.param("id", row.id())
					.query(AuditLog::map)
					.single();
				StoredEvent rechained = new StoredEvent(e.id(), e.occurredAt(), e.actor(), e.actorRole(), e.ip(),
						e.action(), e.objectType(), e.objectId(), e.result(), e.detail(), e.regionCode(), prev, null);
				String hash = AuditTrail.unkeyedHash(rechained);
				owner.sql("UPDATE audit_event SET prev_hash = :prev, hash = :hash WHERE id = :id")
					.param("prev", prev)
					.param("hash", hash)
					.param("id", row.id())
					.update();
				prev = hash;
			}
			AuditChain.Verification verification = this.chain.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenId()).isEqualTo(edited);
		}
		finally {
			for (Saved row : saved) {
				owner.sql("UPDATE audit_event SET detail = :detail, prev_hash = :prev, hash = :hash WHERE id = :id")
					.param("detail", row.detail())
					.param("prev", row.prevHash())
					.param("hash", row.hash())
					.param("id", row.id())
					.update();
			}
			owner.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
		}
		assertThat(this.chain.verify().intact()).isTrue();
	}

	@Test
	void anAuditorExportsAnchorsAndLaterFindsATrailCutOffAfterThem() throws Exception {
		var auditor = this.accounts.create(Role.AUDITOR, "000000");
		this.trail.record(AuditEntry.success("ANCHOR_TEST", "thing", 4, "锚定前", "620100"));
		this.mvc.perform(post("/api/v1/audit-anchors").with(user(auditor.principal())).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mac").isString());
		String exported = this.mvc.perform(get("/api/v1/audit-anchors").with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		this.mvc
			.perform(post("/api/v1/audit-anchors/verify").with(user(auditor.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(exported))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));

		// an export whose head was altered (or that this system's key never signed)
		JsonMapper json = JsonMapper.builder().build();
		ArrayNode anchors = (ArrayNode) json.readTree(exported);
		ObjectNode last = (ObjectNode) anchors.get(anchors.size() - 1);
		last.put("eventId", last.get("eventId").asLong() + 1_000_000);
		this.mvc
			.perform(post("/api/v1/audit-anchors/verify").with(user(auditor.principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(anchors)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(false))
			.andExpect(jsonPath("$.problems", hasItem(org.hamcrest.Matchers.containsString("校验值不符"))));

		this.mvc
			.perform(get("/api/v1/audit-anchors").with(user(this.accounts.create(Role.ADMIN, "000000").principal())))
			.andExpect(status().isForbidden());
	}

}
