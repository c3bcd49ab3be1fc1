package cn.zhongchuang.tenant;

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

	/** Tenants of one institution. */
	public record Counts(long active, long teams, long graduated) {

		static final Counts NONE = new Counts(0, 0, 0);

	}

}
