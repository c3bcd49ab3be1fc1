package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stays (入孵 … 离孵) of enterprises in some institutions, with their credit codes, for
 * the chain module's count of moves along a 孵化链条: the same credit code leaving one
 * institution and admitted to another. A team that registered a company carries the
 * company's code on the same row (its history kept); a team without a company has no code
 * and is not given.
 */
@Service
public class TenantStays {

	private final JdbcClient jdbc;

	TenantStays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every stay with a credit code in the institutions, oldest admission first. */
	@Transactional(readOnly = true)
	public List<Stay> ofInstitutions(Collection<Long> institutionIds) {
		if (institutionIds == null || institutionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, institution_id, name, credit_code, admitted_on, left_on, status, registered_from_team_on
				FROM tenant
				WHERE institution_id = ANY(:ids) AND credit_code IS NOT NULL
				ORDER BY admitted_on, id
				""")
			.param("ids", institutionIds.toArray(Long[]::new))
			.query((rs, n) -> new Stay(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("name"),
					rs.getString("credit_code"), rs.getObject("admitted_on", LocalDate.class),
					rs.getObject("left_on", LocalDate.class), rs.getString("status"),
					rs.getObject("registered_from_team_on", LocalDate.class) != null))
			.list();
	}

	/**
	 * One tenant row.
	 *
	 * @param status ACTIVE, GRADUATED or EXITED
	 * @param fromTeam admitted as a 创业团队 that then registered this company
	 */
	public record Stay(long tenantId, long institutionId, String name, String creditCode, LocalDate admittedOn,
			LocalDate leftOn, String status, boolean fromTeam) {
	}

}
