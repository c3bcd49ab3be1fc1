package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenant counts of a calendar year and of a day with their figures, for the 统计年报 and the
 * dashboards (no names). Beside {@link TenantCensus}, whose queries answer other
 * questions.
 */
@Service
public class TenantYearCensus {

	private final JdbcClient jdbc;

	TenantYearCensus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The tenants of the institutions over the year {@code year}: {@code enterprises} and
	 * {@code teams} in incubation on 31 December (admitted by then, not left by then),
	 * {@code admitted} admitted during the year, {@code graduated} graduated during it,
	 * {@code graduatedTotal} graduated on or before 31 December.
	 */
	@Transactional(readOnly = true)
	public YearCounts ofYear(int year, Collection<Long> institutionIds) {
		if (institutionIds == null || institutionIds.isEmpty()) {
			return new YearCounts(0, 0, 0, 0, 0);
		}
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE admitted_on <= :last AND (left_on IS NULL OR left_on > :last)
				                          AND kind <> 'TEAM') AS enterprises,
				       count(*) FILTER (WHERE admitted_on <= :last AND (left_on IS NULL OR left_on > :last)
				                          AND kind = 'TEAM') AS teams,
				       count(*) FILTER (WHERE admitted_on BETWEEN :first AND :last) AS admitted,
				       count(*) FILTER (WHERE status = 'GRADUATED' AND left_on BETWEEN :first AND :last) AS graduated,
				       count(*) FILTER (WHERE status = 'GRADUATED' AND left_on <= :last) AS graduated_total
				FROM tenant WHERE institution_id = ANY(:ids)
				""")
			.param("ids", institutionIds.toArray(Long[]::new))
			.param("first", first)
			.param("last", last)
			.query((rs, n) -> new YearCounts(rs.getLong("enterprises"), rs.getLong("teams"), rs.getLong("admitted"),
					rs.getLong("graduated"), rs.getLong("graduated_total")))
			.single();
	}

	/**
	 * Of the tenants of the institutions in incubation on {@code asOf} (as
	 * {@link TenantCensus#totalsOn}), how many own valid intellectual property by their
	 * figures of {@code year} ({@code valid_ip > 0}), and the revenue of {@code year}
	 * summed over every tenant of the institutions with figures that year (as
	 * {@link TenantFigures#sumsOf}).
	 */
	@Transactional(readOnly = true)
	public IpAndRevenue ipAndRevenue(Collection<Long> institutionIds, LocalDate asOf, int year) {
		if (institutionIds == null || institutionIds.isEmpty()) {
			return new IpAndRevenue(0, 0, java.math.BigDecimal.ZERO);
		}
		return this.jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE t.admitted_on <= :asOf AND (t.left_on IS NULL OR t.left_on > :asOf)) AS in_place,
					       count(*) FILTER (WHERE t.admitted_on <= :asOf AND (t.left_on IS NULL OR t.left_on > :asOf)
					                          AND f.valid_ip > 0) AS with_ip,
					       COALESCE(sum(f.revenue_wan), 0) AS revenue_wan
					FROM tenant t
					LEFT JOIN tenant_figure f ON f.tenant_id = t.id AND f.year = :year
					WHERE t.institution_id = ANY(:ids)
					""")
			.param("ids", institutionIds.toArray(Long[]::new))
			.param("asOf", asOf)
			.param("year", year)
			.query((rs, n) -> new IpAndRevenue(rs.getLong("in_place"), rs.getLong("with_ip"),
					rs.getBigDecimal("revenue_wan")))
			.single();
	}

	/**
	 * The distinct tenants of the institutions marked 黑马 by a bureau for a year up to
	 * {@code year}.
	 */
	@Transactional(readOnly = true)
	public long darkHorses(Collection<Long> institutionIds, int year) {
		if (institutionIds == null || institutionIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				SELECT count(DISTINCT t.id) FROM tenant t JOIN tenant_figure f ON f.tenant_id = t.id
				WHERE t.institution_id = ANY(:ids) AND f.mark = 'DARK_HORSE' AND f.year <= :year
				""").param("ids", institutionIds.toArray(Long[]::new)).param("year", year).query(Long.class).single();
	}

	/** Tenants over a year. */
	public record YearCounts(long enterprises, long teams, long admitted, long graduated, long graduatedTotal) {
	}

	/**
	 * Tenants in place on a day, those of them owning IP, and the year's revenue (万元).
	 */
	public record IpAndRevenue(long inPlace, long withIp, java.math.BigDecimal revenueWan) {
	}

}
