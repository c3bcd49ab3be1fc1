package cn.zhongchuang.tenant;

import java.time.Clock;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.institution.InstitutionKind;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.ChinaTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo shows teams in each operator's 创业苗圃, a team that registered its company, and
 * figures that differ between an operator's maker space and its nursery.
 */
@IntegrationTest
class TenantDemoDataTests {

	@Autowired
	Institutions institutions;

	@Autowired
	TenantCensus census;

	@Autowired
	TenantFigures figures;

	@Autowired
	TenantRepository tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void eachDemoNurseryHasTeamsAndOneThatRegisteredACompany() {
		for (String username : List.of("cy_operator", "lz_operator", "ln_operator")) {
			InstitutionSummary nursery = institutionsOf(username).stream()
				.filter((i) -> i.kind() == InstitutionKind.NURSERY)
				.findFirst()
				.orElseThrow();
			List<Tenant> in = this.tenants.ofInstitution(nursery.id());
			assertThat(in).as(username)
				.isNotEmpty()
				.allSatisfy((t) -> assertThat(t.chainStage()).isEqualTo(ChainStage.NURSERY));
			assertThat(in).filteredOn(Tenant::registeredFromTeam).as(username).singleElement().satisfies((t) -> {
				assertThat(t.kind()).isEqualTo(TenantKind.ENTERPRISE);
				assertThat(t.creditCode()).isNotNull();
			});
			assertThat(this.census.countsOf(List.of(nursery.id())).get(nursery.id()).teams()).as(username)
				.isEqualTo(in.size() - 1);
		}
	}

	@Test
	void chaoyangsMakerSpaceAndNurseryReportDifferentFiguresAndTheBureauMarkedTwo() {
		List<InstitutionSummary> runs = institutionsOf("cy_operator");
		long space = runs.get(0).id();
		long nursery = runs.stream().filter((i) -> i.kind() == InstitutionKind.NURSERY).findFirst().orElseThrow().id();
		int lastYear = ChinaTime.today(this.clock).getYear() - 1;

		var sums = this.figures.sumsOf(lastYear, List.of(space, runs.get(1).id(), nursery));

		assertThat(sums.get(space).revenueWan()).isPositive();
		assertThat(sums.get(space).ipOwningTenants()).isPositive();
		assertThat(sums.get(space).revenueWan()).isNotEqualByComparingTo(sums.get(nursery).revenueWan());
		assertThat(sums.get(space).darkHorseTenants() + sums.get(space).keyCultivationTenants()
				+ sums.get(runs.get(1).id()).darkHorseTenants() + sums.get(runs.get(1).id()).keyCultivationTenants())
			.isEqualTo(2);
		assertThat(this.jdbc
			.sql("SELECT count(DISTINCT revenue_source) FROM tenant_figure WHERE revenue_source IS NOT NULL")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private List<InstitutionSummary> institutionsOf(String username) {
		long operator = this.jdbc
			.sql("""
					SELECT m.operator_id FROM operator_member m JOIN user_account u ON u.id = m.user_id WHERE u.username = :u
					""")
			.param("u", username)
			.query(Long.class)
			.single();
		return this.institutions.ofOperator(operator);
	}

}
