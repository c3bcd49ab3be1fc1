package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many tenants institutions have, for public lists and statistics (no names, no
 * personal data): {@code active} the enterprises and teams in incubation, {@code teams}
 * the teams among them ({@code tenant.kind = 'TEAM'}), {@code graduated} those that
 * graduated.
 */
@Service
public class TenantCensus {

	private final JdbcClient jdbc;

	TenantCensus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts per institution id; an institution without tenants maps to zeros. */
	@Transactional(readOnly = true)
	public Map<Long, Counts> countsOf(Collection<Long> institutionIds) {
		Map<Long, Counts> out = new HashMap<>();
		if (institutionIds == null || institutionIds.isEmpty()) {
			return out;
		}
		institutionIds.forEach((id) -> out.put(id, Counts.NONE));
		this.jdbc.sql("""
				SELECT institution_id,
				       count(*) FILTER (WHERE status = 'ACTIVE') AS active,
				       count(*) FILTER (WHERE status = 'ACTIVE' AND kind = 'TEAM') AS teams,
				       count(*) FILTER (WHERE status = 'GRADUATED') AS graduated
				FROM tenant WHERE institution_id = ANY(:ids) GROUP BY institution_id
				""")
			.param("ids", institutionIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("institution_id"),
					new Counts(rs.getLong("active"), rs.getLong("teams"), rs.getLong("graduated"))))
			.list()
			.forEach((e) -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	/**
	 * The tenants of the institutions together, as they stood on a day: {@code active}
	 * admitted on or before it and not left by then (left on a later day counts as still
	 * in), {@code teams} the teams among them, {@code graduated} graduated on or before
	 * it.
	 */
	@Transactional(readOnly = true)
	public Counts totalsOn(Collection<Long> institutionIds, LocalDate asOf) {
		if (institutionIds == null || institutionIds.isEmpty()) {
			return Counts.NONE;
		}
		return this.jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE admitted_on <= :asOf AND (left_on IS NULL OR left_on > :asOf)) AS active,
					       count(*) FILTER (WHERE admitted_on <= :asOf AND (left_on IS NULL OR left_on > :asOf) AND kind = 'TEAM') AS teams,
					       count(*) FILTER (WHERE status = 'GRADUATED' AND left_on <= :asOf) AS graduated
					FROM tenant WHERE institution_id = ANY(:ids)
					""")
			.param("ids", institutionIds.toArray(Long[]::new))
			.param("asOf", asOf)
			.query((rs, n) -> new Counts(rs.getLong("active"), rs.getLong("teams"), rs.getLong("graduated")))
			.single();
	}

	/**
	 * The tenants per institution as they stood on a day (as {@link #totalsOn}), of every
	 * institution within the region codes ({@code null} for the whole country) that has
	 * any counted: grouped in the database, one row per institution.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Counts> countsOn(Collection<String> regionCodes, LocalDate asOf) {
		String scope = (regionCodes != null)
				? " AND x.institution_id IN (SELECT id FROM institution WHERE region_code = ANY(:scope))" : "";
		var spec = this.jdbc
			.sql("""
					SELECT x.institution_id,
					       count(*) FILTER (WHERE x.admitted_on <= :asOf AND (x.left_on IS NULL OR x.left_on > :asOf)) AS active,
					       count(*) FILTER (WHERE x.admitted_on <= :asOf AND (x.left_on IS NULL OR x.left_on > :asOf)
					                        AND x.kind = 'TEAM') AS teams,
					       count(*) FILTER (WHERE x.status = 'GRADUATED' AND x.left_on <= :asOf) AS graduated
					FROM tenant x
					WHERE (x.admitted_on <= :asOf OR x.left_on <= :asOf)"""
					+ scope + " GROUP BY x.institution_id")
			.param("asOf", asOf);
		spec = (regionCodes != null) ? spec.param("scope", regionCodes.toArray(String[]::new)) : spec;
		Map<Long, Counts> out = new HashMap<>();
		spec.query((rs, n) -> Map.entry(rs.getLong("institution_id"),
				new Counts(rs.getLong("active"), rs.getLong("teams"), rs.getLong("graduated"))))
			.list()
			.forEach((e) -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	/** Tenants of one institution. */
	public record Counts(long active, long teams, long graduated) {

		static final Counts NONE = new Counts(0, 0, 0);

	}

}
