package cn.zhongchuang.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.policy.Verdict;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lanzhou condition 8 (seed 004: 有实质投资行为且融资金额达到一定额度的，优先认定): an application's preference
 * counts the investment records of its own institution and their amount, computed by the
 * system, and the application page cites both.
 */
@IntegrationTest
class InvestmentPreferenceTests {

	@Autowired
	Applications applications;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void theInstitutionsInvestmentsAreCountedWithTheirAmountAndCited() throws Exception {
		CurrentUser operator = this.fixtures.operator("620102").principal();
		Application invested = this.fixtures.readyDraft(operator, "lanzhou-2018", "620102");
		Application other = this.fixtures.readyDraft(operator, "lanzhou-2018", "620102");
		long fund = fund(invested);
		invest(invested, fund, "甲科技有限公司", 1_000_000);
		invest(invested, fund, "乙科技有限公司", 500_000);

		Applications.FormView view = this.applications.form(invested.id(), operator);
		Verdict.PreferredResult c8 = preferred(view.verdict());
		assertThat(c8.met()).isTrue();
		assertThat(c8.detail()).startsWith("投资记录 2 笔，投资金额合计 150 万元");
		assertThat(view.facts()).filteredOn((r) -> r.field().path().equals("investments.amountCny"))
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.computed()).isTrue();
				assertThat(r.source()).contains("1,500,000 元");
			});

		// the operator's other institution has no investment of its own
		Verdict.PreferredResult none = preferred(this.applications.form(other.id(), operator).verdict());
		assertThat(none.met()).isFalse();
		assertThat(none.detail()).startsWith("投资记录 0 笔");

		this.mvc.perform(get("/applications/" + invested.id()).with(user(TestPrincipal.of(operator))))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("id=\"verdict-preferred\""), containsString("投资记录 2 笔，投资金额合计 150 万元"))));
	}

	private static Verdict.PreferredResult preferred(Verdict verdict) {
		return verdict.preferred().stream().filter((p) -> p.article().equals("C8")).findFirst().orElseThrow();
	}

	private long fund(Application app) {
		long id = this.jdbc.sql("""
				INSERT INTO operator_fund (operator_id, name, role, kind, amount_cny, established_on, created_at)
				VALUES (:op, '青创种子基金', 'SELF_BUILT', 'SEED', 5000000, :on, :now) RETURNING id
				""")
			.param("op", app.operatorId())
			.param("on", LocalDate.of(2024, 1, 1))
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
		this.jdbc
			.sql("INSERT INTO operator_record_assignment (record_kind, record_id, institution_id)"
					+ " VALUES ('funds', :id, :inst)")
			.param("id", id)
			.param("inst", app.institutionId())
			.update();
		return id;
	}

	private void invest(Application app, long fund, String tenant, long amount) {
		this.jdbc.sql("""
				INSERT INTO operator_investment (operator_id, fund_id, tenant_name, amount_cny, invested_on, created_at,
				  institution_id)
				VALUES (:op, :fund, :tenant, :amount, :on, :now, :inst)
				""")
			.param("op", app.operatorId())
			.param("fund", fund)
			.param("tenant", tenant)
			.param("amount", amount)
			.param("on", LocalDate.of(2025, 6, 1))
			.param("now", OffsetDateTime.now())
			.param("inst", app.institutionId())
			.update();
	}

}
