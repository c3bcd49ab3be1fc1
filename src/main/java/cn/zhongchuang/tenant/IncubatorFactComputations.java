package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.policy.FactComputations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five computations of the 科技企业孵化机构 pack (beijing-chaoyang-incubator-2014) from an
 * institution's own records, and only those five (the other names are computed by other
 * beans):
 * <ul>
 * <li>{@code institutionKind}: the kind the institution is registered with;</li>
 * <li>{@code graduatesTotal}: its tenants graduated on or before the day (as
 * {@link TenantCensus#totalsOn});</li>
 * <li>{@code tenantsFinanced}, {@code tenantsWithPatentApplications}: of its tenants in
 * place on the day (admitted by then, not left by then), those whose figures of any year
 * up to the day's show financing or patent applications above 0 (获得投融资 and 已申请专利 are
 * things that happened, once);</li>
 * <li>{@code tenantsWithValidIp}: of those in place, those whose latest figures up to the
 * day's year show valid IP above 0 (拥有有效知识产权 is a state: IP lapses).</li>
 * </ul>
 * An unknown institution gives no values.
 */
@Component
class IncubatorFactComputations implements FactComputations {

	private final JdbcClient jdbc;

	private final Institutions institutions;

	IncubatorFactComputations(JdbcClient jdbc, Institutions institutions) {
		this.jdbc = jdbc;
		this.institutions = institutions;
	}

	@Override
	public Set<String> names() {
		return Set.of("institutionKind", "graduatesTotal", "tenantsFinanced", "tenantsWithPatentApplications",
				"tenantsWithValidIp");
	}

	@Override
	@Transactional(readOnly = true)
	public Values compute(long institutionId, LocalDate asOf) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		Optional<InstitutionSummary> found = this.institutions.find(institutionId);
		if (found.isEmpty()) {
			return new Values(values, sources);
		}
		InstitutionSummary institution = found.get();
		String roster = "「" + institution.name() + "」在孵企业名册";
		values.put("institutionKind", institution.kind().name());
		sources.put("institutionKind", "「" + institution.name() + "」的载体登记");
		Counts counts = this.jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE t.status = 'GRADUATED' AND t.left_on <= :asOf) AS graduated,
					       count(*) FILTER (WHERE in_place AND EXISTS (
					           SELECT 1 FROM tenant_figure f WHERE f.tenant_id = t.id AND f.year <= :year AND f.financing_wan > 0)) AS financed,
					       count(*) FILTER (WHERE in_place AND EXISTS (
					           SELECT 1 FROM tenant_figure f WHERE f.tenant_id = t.id AND f.year <= :year AND f.patent_applications > 0)) AS patents,
					       count(*) FILTER (WHERE in_place AND (
					           SELECT f.valid_ip FROM tenant_figure f
					           WHERE f.tenant_id = t.id AND f.year <= :year AND f.valid_ip IS NOT NULL
					           ORDER BY f.year DESC LIMIT 1) > 0) AS valid_ip
					FROM (SELECT x.*, (x.admitted_on <= :asOf AND (x.left_on IS NULL OR x.left_on > :asOf)) AS in_place
					      FROM tenant x WHERE x.institution_id = :id) t
					""")
			.param("id", institutionId)
			.param("asOf", asOf)
			.param("year", asOf.getYear())
			.query((rs, n) -> new Counts(rs.getInt("graduated"), rs.getInt("financed"), rs.getInt("patents"),
					rs.getInt("valid_ip")))
			.single();
		put(values, sources, "graduatesTotal", counts.graduated(), roster + "累计毕业 " + counts.graduated() + " 家");
		put(values, sources, "tenantsFinanced", counts.financed(),
				roster + "及统计指标：获得投融资的在孵企业 " + counts.financed() + " 家");
		put(values, sources, "tenantsWithPatentApplications", counts.patents(),
				roster + "及统计指标：已申请专利的在孵企业 " + counts.patents() + " 家");
		put(values, sources, "tenantsWithValidIp", counts.validIp(),
				roster + "及统计指标：拥有有效知识产权的在孵企业 " + counts.validIp() + " 家");
		return new Values(values, sources);
	}

	private static void put(Map<String, Object> values, Map<String, String> sources, String name, int value,
			String source) {
		values.put(name, value);
		sources.put(name, source);
	}

	private record Counts(int graduated, int financed, int patents, int validIp) {
	}

}
