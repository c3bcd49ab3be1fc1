package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.policy.FactComputations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five computations of the 科技企业孵化机构 pack, from tenant rows and figures written here
 * for a new institution: every count is the hand count of the rows below.
 */
@IntegrationTest
class IncubatorFactComputationsTests {

	static final String CHAOYANG = "110105";

	static final List<String> FIVE = List.of("institutionKind", "graduatesTotal", "tenantsFinanced",
			"tenantsWithPatentApplications", "tenantsWithValidIp");

	@Autowired
	IncubatorFactComputations computations;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFiveNamesAreDeclaredAndTheBeanGivesOnlyThem() {
		var org = this.organisations.register(CHAOYANG, "孵化计算");
		for (String name : FIVE) {
			assertThat(FactComputations.named(name)).as(name).isPresent();
		}
		var values = this.computations.compute(org.institutionId(), LocalDate.of(2026, 6, 30));
		assertThat(values.byName().keySet()).containsExactlyInAnyOrderElementsOf(FIVE);
		assertThat(values.sources().keySet()).containsExactlyInAnyOrderElementsOf(FIVE);
	}

	@Test
	void countsGraduatesAndTenantsInPlaceWithFinancingPatentsAndValidIpFromTheRecords() {
		var org = this.organisations.register(CHAOYANG, "孵化计算");
		long id = org.institutionId();
		this.jdbc.sql("UPDATE institution SET kind = 'INCUBATOR', specialization = NULL WHERE id = :id")
			.param("id", id)
			.update();
		// in place on 2026-06-30:
		// a: financed in 2024, patents in 2025, valid IP in 2025 but none in 2026
		// (lapsed)
		long a = tenant(org, "ACTIVE", "2023-01-01", null);
		figures(a, 2024, "100", null, null);
		figures(a, 2025, null, 2, 1);
		figures(a, 2026, null, null, 0);
		// b: valid IP in 2025 (no 2026 figures), no financing (0), no patents
		long b = tenant(org, "ACTIVE", "2024-01-01", null);
		figures(b, 2025, "0", 0, 3);
		// c: figures only of 2027 (after the day's year): counts for nothing
		long c = tenant(org, "ACTIVE", "2025-01-01", null);
		figures(c, 2027, "50", 4, 4);
		// d: leaves on a later day, still in place; financed and patents in 2026
		long d = tenant(org, "EXITED", "2024-01-01", "2026-09-01");
		figures(d, 2026, "10", 1, null);
		// not in place: admitted after the day; graduated before the day (counted as
		// graduate only, its figures not); graduated after the day (neither)
		long late = tenant(org, "ACTIVE", "2026-07-01", null);
		figures(late, 2026, "10", 1, 1);
		long graduate = tenant(org, "GRADUATED", "2020-01-01", "2025-12-31");
		figures(graduate, 2025, "500", 9, 9);
		tenant(org, "GRADUATED", "2020-01-01", "2026-06-30");
		tenant(org, "GRADUATED", "2020-01-01", "2026-07-01");

		var values = this.computations.compute(id, LocalDate.of(2026, 6, 30));

		assertThat(values.get("institutionKind")).contains("INCUBATOR");
		assertThat(values.get("graduatesTotal")).contains(2);
		assertThat(values.get("tenantsFinanced")).contains(2);
		assertThat(values.get("tenantsWithPatentApplications")).contains(2);
		assertThat(values.get("tenantsWithValidIp")).contains(1);
		assertThat(values.sources().get("graduatesTotal")).contains(org.name()).contains("累计毕业 2 家");
		assertThat(values.sources().get("tenantsWithValidIp")).contains("拥有有效知识产权的在孵企业 1 家");

		// on 2025-12-30 (figures up to 2025): nobody had graduated yet, so the graduate
		// was in place with its 2025 figures; a's IP was still valid; d had nothing yet
		var earlier = this.computations.compute(id, LocalDate.of(2025, 12, 30));
		assertThat(earlier.get("graduatesTotal")).contains(0);
		assertThat(earlier.get("tenantsFinanced")).contains(2);
		assertThat(earlier.get("tenantsWithPatentApplications")).contains(2);
		assertThat(earlier.get("tenantsWithValidIp")).contains(3);
	}

	@Test
	void anUnknownInstitutionGivesNoValues() {
		var values = this.computations.compute(Long.MAX_VALUE, LocalDate.of(2026, 6, 30));
		assertThat(values.byName()).isEmpty();
	}

	long tenant(TestOrganisations.Registered org, String status, String admittedOn, String leftOn) {
		return this.jdbc.sql("""
				INSERT INTO tenant (operator_id, institution_id, region_code, name, credit_code, kind, admitted_on,
				  agreement_signed, in_focus_segment, status, left_on, created_at)
				VALUES (:o, :i, :r, '孵化计算在孵企业', :code, 'ENTERPRISE', :on, false, false, :s, :left, :now) RETURNING id
				""")
			.param("o", org.id())
			.param("i", org.institutionId())
			.param("r", CHAOYANG)
			.param("code", TestOrganisations.creditCode(CHAOYANG))
			.param("on", LocalDate.parse(admittedOn))
			.param("s", status)
			.param("left", (leftOn != null) ? LocalDate.parse(leftOn) : null, java.sql.Types.DATE)
			.param("now", OffsetDateTime.now())
			.query(Long.class)
			.single();
	}

	void figures(long tenant, int year, String financingWan, Integer patents, Integer validIp) {
		this.jdbc
			.sql("""
					INSERT INTO tenant_figure (tenant_id, year, financing_wan, financing_source, patent_applications,
					  patent_applications_source, valid_ip, valid_ip_source, updated_at)
					VALUES (:t, :y, CAST(:fin AS numeric), CASE WHEN CAST(:fin AS text) IS NULL THEN NULL ELSE 'DECLARED' END,
					  :p, CASE WHEN CAST(:p AS int) IS NULL THEN NULL ELSE 'DECLARED' END,
					  :ip, CASE WHEN CAST(:ip AS int) IS NULL THEN NULL ELSE 'DECLARED' END, now())
					""")
			.param("t", tenant)
			.param("y", year)
			.param("fin", financingWan, java.sql.Types.VARCHAR)
			.param("p", patents, java.sql.Types.INTEGER)
			.param("ip", validIp, java.sql.Types.INTEGER)
			.update();
	}

}
