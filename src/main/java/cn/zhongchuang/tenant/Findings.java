package cn.zhongchuang.tenant;

import java.util.List;

import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The abnormal and clearance lists, scoped like the tenants. */
@Component
class Findings {

	private final JdbcClient jdbc;

	private final Operators operators;

	private final Regions regions;

	Findings(JdbcClient jdbc, Operators operators, Regions regions) {
		this.jdbc = jdbc;
		this.operators = operators;
		this.regions = regions;
	}

	/**
	 * The list the user may see (page and export). The operator's name is looked up once
	 * per operator of the rows read, not per row.
	 */
	ListQuery<FindingRow> list(FindingQuery q, CurrentUser user) {
		ListQuery<FindingRow> list = ListQuery.of(this.jdbc, FindingQuery.LIST,
				"SELECT e.*, t.name AS tenant_name, t.credit_code, t.region_code, t.operator_id"
						+ " FROM tenant_exit_finding e JOIN tenant t ON t.id = e.tenant_id",
				mapper(new java.util.HashMap<>()));
		if (user.hasRole(Role.OPERATOR)) {
			list.where("t.operator_id = :operator", "operator",
					this.operators.organisationOf(user).map(OperatorOrganisation::id).orElse(-1L));
		}
		else if (user.role().isGovernment()) {
			list.where("t.region_code = ANY (:regions)", "regions",
					this.regions.codesWithin(user.regionCode()).toArray(String[]::new));
		}
		else {
			list.where("false");
		}
		if (q.open() == null || q.open()) {
			list.where("e.cleared_on IS NULL");
		}
		return list.filter(q.status(), "e.status = :status", "status")
			.keyword(q.keyword(), "(t.name ILIKE :kw OR t.credit_code ILIKE :kw)");
	}

	/** The findings of one tenant (the caller has checked it may see the tenant). */
	@Transactional(readOnly = true)
	List<FindingRow> ofTenant(long tenantId) {
		return this.jdbc.sql("""
				SELECT e.*, t.name AS tenant_name, t.credit_code, t.region_code, t.operator_id
				FROM tenant_exit_finding e JOIN tenant t ON t.id = e.tenant_id
				WHERE e.tenant_id = :t ORDER BY e.id DESC
				""").param("t", tenantId).query(mapper(new java.util.HashMap<>())).list();
	}

	/** Rows with the operator's name, looked up once per operator. */
	private org.springframework.jdbc.core.RowMapper<FindingRow> mapper(java.util.Map<Long, String> names) {
		return (rs, n) -> new FindingRow(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("tenant_name"),
				rs.getString("credit_code"),
				names.computeIfAbsent(rs.getLong("operator_id"),
						(id) -> this.operators.find(id).map(OperatorOrganisation::name).orElse("")),
				rs.getString("region_code"), rs.getString("status"),
				rs.getObject("first_found_on", java.time.LocalDate.class),
				rs.getObject("as_of", java.time.LocalDate.class), rs.getInt("months_without_filing"),
				rs.getInt("months_without_tax"), rs.getString("decision"), rs.getString("reason"),
				rs.getObject("cleared_on", java.time.LocalDate.class), rs.getInt("version"));
	}

}
