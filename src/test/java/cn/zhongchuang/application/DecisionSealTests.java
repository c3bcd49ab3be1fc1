package cn.zhongchuang.application;

import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestDatabase;
import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.identity.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HMAC-SM3 seals on the decisions of an application (its history, recognition included):
 * every decision is sealed as it is recorded; a decision changed by the owner in the
 * database fails its check on the detail page, in the application's JSON and in the seal
 * API, which shows a decision only to whoever may see its application.
 */
@IntegrationTest
class DecisionSealTests {

	static final String TAMPERED = "签章校验失败（记录可能被篡改）";

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	Applications applications;

	@Autowired
	ApplicationRecords records;

	@Autowired
	TestDatabase database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void everyDecisionIsSealedAndADecisionChangedInTheDatabaseFailsItsSeal() throws Exception {
		TestAccounts.Account operator = this.fixtures.operator("620102");
		Application app = this.fixtures.readyDraft(operator.principal(), "lanzhou-2018", "620102");
		this.applications.submit(app.id(), null, operator.principal());
		List<ApplicationRecords.DecisionRow> history = this.records.decisions(app.id());
		assertThat(history).extracting(ApplicationRecords.DecisionRow::decision).containsExactly("CREATE", "SUBMIT");
		assertThat(history).allSatisfy((d) -> assertThat(d.seal().status()).isEqualTo(SealCheck.Status.VALID));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM application_decision WHERE application_id = :id "
					+ "AND seal ~ '^[0-9a-f]{64}$' AND seal_key_id = 1")
			.param("id", app.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		long submit = history.get(1).id();

		this.mvc.perform(get("/applications/" + app.id()).with(user(operator.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("签章有效")))
			.andExpect(content().string(not(containsString(TAMPERED))));
		this.mvc.perform(get("/api/v1/applications/" + app.id()).with(user(operator.principal())))
			.andExpect(jsonPath("$.history[1].seal.valid").value(true))
			.andExpect(jsonPath("$.history[1].seal.keyId").value(1));
		this.mvc.perform(get("/api/v1/seals/application-decision/" + submit).with(user(operator.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.seal.status").value("VALID"));
		// not public, and not another operator's
		this.mvc.perform(get("/api/v1/seals/application-decision/" + submit)).andExpect(status().isNotFound());
		TestAccounts.Account stranger = this.fixtures.operator("620102");
		this.mvc.perform(get("/api/v1/seals/application-decision/" + submit).with(user(stranger.principal())))
			.andExpect(status().isNotFound());

		// the owner, on its own connection, backdates the submission and names someone
		// else
		this.database.owner()
			.sql("UPDATE application_decision SET decided_at = decided_at - interval '3 days', "
					+ "decided_by_name = '别人' WHERE id = :id")
			.param("id", submit)
			.update();

		this.mvc.perform(get("/applications/" + app.id()).with(user(operator.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(TAMPERED)));
		this.mvc.perform(get("/api/v1/applications/" + app.id()).with(user(operator.principal())))
			.andExpect(jsonPath("$.history[0].seal.valid").value(true))
			.andExpect(jsonPath("$.history[1].seal.valid").value(false))
			.andExpect(jsonPath("$.history[1].seal.status").value("INVALID"));
		this.mvc.perform(get("/api/v1/seals/application-decision/" + submit).with(user(operator.principal())))
			.andExpect(jsonPath("$.seal.valid").value(false))
			.andExpect(jsonPath("$.seal.text").value(TAMPERED));

		// a forged seal copied from another decision does not help either
		this.database.owner()
			.sql("UPDATE application_decision SET seal = (SELECT seal FROM application_decision WHERE id = :other) "
					+ "WHERE id = :id")
			.param("other", history.get(0).id())
			.param("id", submit)
			.update();
		assertThat(this.records.decisionSeal(submit).orElseThrow().seal().valid()).isFalse();
	}

	@Test
	void decisionsRecordedBeforeSealsAreSealedByTheBackfill() {
		TestAccounts.Account operator = this.fixtures.operator("620102");
		Application app = this.fixtures.readyDraft(operator.principal(), "lanzhou-2018", "620102");
		this.database.owner()
			.sql("UPDATE application_decision SET seal = NULL, seal_key_id = NULL WHERE application_id = :id")
			.param("id", app.id())
			.update();
		assertThat(this.records.decisions(app.id()).get(0).seal().status()).isEqualTo(SealCheck.Status.UNSEALED);
		assertThat(new DecisionSealRecords(this.records, this.applications).sealUnsealed(500))
			.isGreaterThanOrEqualTo(1);
		assertThat(this.records.decisions(app.id()).get(0).seal().status()).isEqualTo(SealCheck.Status.VALID);
	}

}
