package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The figures statistics read: recorded with their source, summed per institution. */
@IntegrationTest
class TenantFiguresTests {

	static final LocalDate ADMITTED = LocalDate.of(2024, 3, 10);

	@Autowired
	TenantFigures figures;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantTestOperators operators;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void theSumsPerInstitutionAddUpWhatEachTenantRecordedForThatYearOnly() {
		var op = this.operators.operator("110105");
		var principal = op.account().principal();
		long a = admit(op, "北京统计一号科技有限公司");
		long b = admit(op, "北京统计二号科技有限公司");
		long c = admit(op, "北京统计三号科技有限公司");
		this.figures.record(a, 2025,
				new TenantFigures.Values(new BigDecimal("120.50"), 3, 2, true, new BigDecimal("500")),
				TenantFigures.Source.DECLARED, null, principal);
		this.figures.record(b, 2025, new TenantFigures.Values(new BigDecimal("80"), 1, 0, false, null),
				TenantFigures.Source.IMPORTED, null, principal);
		// another year does not count
		this.figures.record(c, 2024, new TenantFigures.Values(new BigDecimal("999"), 9, 9, true, new BigDecimal("999")),
				TenantFigures.Source.DECLARED, null, principal);
		long institution = this.tenants.visible(a, principal).institutionId();
		var other = this.operators.operator("110105");

		Map<Long, TenantFigures.Sums> sums = this.figures.sumsOf(2025, List.of(institution, institutionOf(other)));

		TenantFigures.Sums s = sums.get(institution);
		assertThat(s.revenueWan()).isEqualByComparingTo("200.50");
		assertThat(s.patentApplications()).isEqualTo(4);
		assertThat(s.ipOwningTenants()).isEqualTo(1);
		assertThat(s.highTechTenants()).isEqualTo(1);
		assertThat(s.financingWan()).isEqualByComparingTo("500");
		assertThat(s.graduatedTeams()).isZero();
		assertThat(sums.get(institutionOf(other))).isEqualTo(TenantFigures.Sums.NONE);
		assertThat(this.figures.sumsOf(2024, List.of(institution)).get(institution).revenueWan())
			.isEqualByComparingTo("999");
	}

	@Test
	void eachValueKeepsItsSourceUntilItChanges() {
		var op = this.operators.operator("110105");
		var principal = op.account().principal();
		long id = admit(op, "北京来源科技有限公司");
		this.figures.record(id, 2025, new TenantFigures.Values(new BigDecimal("100"), 2, 1, true, null),
				TenantFigures.Source.IMPORTED, null, principal);
		// the operator corrects the revenue only
		this.figures.record(id, 2025, new TenantFigures.Values(new BigDecimal("110"), 2, 1, true, null),
				TenantFigures.Source.DECLARED, 0, principal);

		TenantFigures.Figures f = this.figures.ofTenant(id, principal).get(0);
		assertThat(f.revenueWan()).isEqualByComparingTo("110");
		assertThat(f.revenueSource()).isEqualTo(TenantFigures.Source.DECLARED);
		assertThat(f.patentApplicationsSource()).isEqualTo(TenantFigures.Source.IMPORTED);
		assertThat(f.highTechSource()).isEqualTo(TenantFigures.Source.IMPORTED);
		assertThat(f.financingWan()).isNull();
		assertThat(f.financingSource()).isNull();
		assertThat(audit(id)).contains("TENANT_FIGURES");
		// a stale form is refused, nothing written
		assertThatThrownBy(() -> this.figures.record(id, 2025,
				new TenantFigures.Values(new BigDecimal("1"), null, null, null, null), TenantFigures.Source.DECLARED, 0,
				principal))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(this.figures.ofTenant(id, principal).get(0).revenueWan()).isEqualByComparingTo("110");
	}

	@Test
	void badFiguresAreRefusedAtTheirField() {
		var op = this.operators.operator("110105");
		long id = admit(op, "北京负数科技有限公司");
		assertThatThrownBy(() -> this.figures.record(id, 2025,
				new TenantFigures.Values(new BigDecimal("-1"), -2, null, null, null), TenantFigures.Source.DECLARED,
				null, op.account().principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKeys("revenueWan", "patentApplications"));
		assertThatThrownBy(
				() -> this.figures.record(id, 1999, new TenantFigures.Values(BigDecimal.ONE, null, null, null, null),
						TenantFigures.Source.DECLARED, null, op.account().principal()))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("year"));
	}

	@Test
	void onlyABureauOfTheRegionSetsTheMark() {
		var op = this.operators.operator("110105");
		long id = admit(op, "北京黑马科技有限公司");
		long institution = this.tenants.visible(id, op.account().principal()).institutionId();
		var chaoyang = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		var haidian = this.accounts.create(Role.CITY_BUREAU, "110108").principal();

		assertThatThrownBy(() -> this.figures.mark(id, 2025, TenantFigures.Mark.DARK_HORSE, op.account().principal()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.figures.mark(id, 2025, TenantFigures.Mark.DARK_HORSE, haidian))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.figures.sumsOf(2025, List.of(institution)).get(institution).darkHorseTenants()).isZero();

		this.figures.mark(id, 2025, TenantFigures.Mark.DARK_HORSE, chaoyang);

		assertThat(this.figures.sumsOf(2025, List.of(institution)).get(institution).darkHorseTenants()).isEqualTo(1);
		assertThat(this.figures.ofTenant(id, chaoyang).get(0).mark()).isEqualTo(TenantFigures.Mark.DARK_HORSE);
		assertThat(audit(id)).contains("TENANT_MARK");
		// the operator's own figures of that year leave the mark alone
		this.figures.record(id, 2025, new TenantFigures.Values(new BigDecimal("10"), null, null, null, null),
				TenantFigures.Source.DECLARED, 0, op.account().principal());
		assertThat(this.figures.ofTenant(id, chaoyang).get(0).mark()).isEqualTo(TenantFigures.Mark.DARK_HORSE);
	}

	@Test
	void theApiRecordsImportedFiguresRefusesBadOnesAtTheFieldAndLetsOnlyTheBureauMark() throws Exception {
		var op = this.operators.operator("110105");
		var principal = op.account().principal();
		long id = admit(op, "北京接口指标科技有限公司");
		var chaoyang = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		var haidian = this.accounts.create(Role.CITY_BUREAU, "110108").principal();

		this.mvc
			.perform(put("/api/v1/tenants/" + id + "/figures/2025").with(user(principal))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"revenueWan\":-5,\"validIp\":2}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'revenueWan')]").exists());
		this.mvc
			.perform(put("/api/v1/tenants/" + id + "/figures/2025").with(user(principal))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"revenueWan\":\"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'revenueWan')]").exists());
		this.mvc
			.perform(put("/api/v1/tenants/" + id + "/figures/2025").with(user(principal))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"revenueWan\":66.6,\"validIp\":2,\"highTech\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revenueSource").value("IMPORTED"))
			.andExpect(jsonPath("$.version").value(0));

		this.mvc
			.perform(put("/api/v1/tenants/" + id + "/figures/2025/mark").with(user(principal))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mark\":\"DARK_HORSE\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/tenants/" + id + "/figures/2025/mark").with(user(haidian))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mark\":\"DARK_HORSE\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/v1/tenants/" + id + "/figures/2025/mark").with(user(chaoyang))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mark\":\"KEY_CULTIVATION\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mark").value("KEY_CULTIVATION"))
			.andExpect(jsonPath("$.revenueWan").value(66.6));
		this.mvc.perform(get("/api/v1/tenants/" + id + "/figures").with(user(haidian)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/tenants/" + id + "/mark").param("year", "2025")
				.param("mark", "DARK_HORSE")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.figures.ofTenant(id, chaoyang).get(0).mark()).isEqualTo(TenantFigures.Mark.KEY_CULTIVATION);
	}

	private long admit(TenantTestOperators.Operator op, String name) {
		return this.tenants.admit(op.id(),
				TenantFixtures.eligible(name, TenantTestOperators.creditCode("110105"), ADMITTED, ADMITTED, false),
				op.account().principal());
	}

	private long institutionOf(TenantTestOperators.Operator op) {
		return this.jdbc.sql("SELECT id FROM institution WHERE operator_id = :o")
			.param("o", op.id())
			.query(Long.class)
			.single();
	}

	private List<String> audit(long tenantId) {
		return this.jdbc.sql("SELECT action FROM audit_event WHERE object_type = 'tenant' AND object_id = :id")
			.param("id", String.valueOf(tenantId))
			.query(String.class)
			.list();
	}

}
