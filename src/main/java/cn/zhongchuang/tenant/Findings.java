package cn.zhongchuang.tenant;

import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PageResult;
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

	@Transactional(readOnly = true)
	PageResult<FindingRow> search(FindingQuery q, CurrentUser user, boolean all) {
		int page = PageResult.clampPage(q.page());
		int size = all ? 0 : PageResult.clampSize(q.size());
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> args = new ArrayList<>();
		if (user.hasRole(Role.OPERATOR)) {
			where.append(" AND t.operator_id = ?");
			args.add(this.operators.organisationOf(user).map(OperatorOrganisation::id).orElse(-1L));
		}
		else if (user.role().isGovernment()) {
			where.append(" AND t.region_code = ANY (?)");
			args.add(this.regions.codesWithin(user.regionCode()).toArray(String[]::new));
		}
		else {
			return new PageResult<>(List.of(), 0, page, PageResult.DEFAULT_SIZE);
		}
		if (q.status() != null && !q.status().isBlank()) {
			where.append(" AND e.status = ?");
			args.add(q.status());
		}
		if (q.open() == null || q.open()) {
			where.append(" AND e.cleared_on IS NULL");
		}
		if (q.keyword() != null && !q.keyword().isBlank()) {
			where.append(" AND (t.name ILIKE ? OR t.credit_code ILIKE ?)");
			String like = "%" + q.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			args.add(like);
			args.add(like);
		}
		String from = " FROM tenant_exit_finding e JOIN tenant t ON t.id = e.tenant_id";
		long total = this.jdbc.sql("SELECT count(*)" + from + where).params(args).query(Long.class).single();
		String limit = (size > 0) ? " LIMIT " + size + " OFFSET " + PageResult.offset(page, size) : "";
		List<FindingRow> rows = this.jdbc
			.sql("SELECT e.*, t.name AS tenant_name, t.credit_code, t.region_code, t.operator_id" + from + where
					+ " ORDER BY e.decision NULLS FIRST, e.months_without_tax DESC, e.months_without_filing DESC, e.id"
					+ limit)
			.params(args)
			.query(mapper(new java.util.HashMap<>()))
			.list();
		return new PageResult<>(rows, total, page, (size > 0) ? size : Math.max(rows.size(), 1));
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
