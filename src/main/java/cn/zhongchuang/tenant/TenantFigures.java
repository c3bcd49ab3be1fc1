package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 统计指标 of tenants, per tenant and year: 营业收入 (万元), patent applications, valid IP owned,
 * 高新技术企业 status, financing received (万元), each with its source (declared by the operator
 * or imported from its records), and the bureau's 重点培育 / 黑马 mark (seed 000 一(三)). The
 * statistics module reads only {@link #sumsOf}: sums per institution, no names.
 */
@Service
public class TenantFigures {

	private final JdbcClient jdbc;

	private final Tenants tenants;

	private final AuditTrail audit;

	private final Clock clock;

	TenantFigures(JdbcClient jdbc, Tenants tenants, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The figures of the institutions' tenants for one year, summed per institution in
	 * one statement: every tenant with figures recorded for that year counts, in or out
	 * of incubation today; {@code graduatedTeams} are the teams that registered a company
	 * in that year (毕业团队注册企业). An institution with nothing maps to {@link Sums#NONE}.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Sums> sumsOf(int year, Collection<Long> institutionIds) {
		Map<Long, Sums> out = new HashMap<>();
		if (institutionIds == null || institutionIds.isEmpty()) {
			return out;
		}
		institutionIds.forEach((id) -> out.put(id, Sums.NONE));
		this.jdbc.sql("""
				SELECT t.institution_id,
				       COALESCE(sum(f.revenue_wan), 0) AS revenue_wan,
				       COALESCE(sum(f.patent_applications), 0) AS patent_applications,
				       count(*) FILTER (WHERE f.valid_ip > 0) AS ip_owning,
				       count(*) FILTER (WHERE f.high_tech) AS high_tech,
				       COALESCE(sum(f.financing_wan), 0) AS financing_wan,
				       count(*) FILTER (WHERE f.mark = 'KEY_CULTIVATION') AS key_cultivation,
				       count(*) FILTER (WHERE f.mark = 'DARK_HORSE') AS dark_horse,
				       count(*) FILTER (WHERE t.registered_from_team_on >= make_date(:year, 1, 1)
				                          AND t.registered_from_team_on < make_date(:year + 1, 1, 1)) AS graduated_teams
				FROM tenant t
				LEFT JOIN tenant_figure f ON f.tenant_id = t.id AND f.year = :year
				WHERE t.institution_id = ANY(:ids)
				GROUP BY t.institution_id
				""")
			.param("year", year)
			.param("ids", institutionIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("institution_id"),
					new Sums(rs.getBigDecimal("revenue_wan"), rs.getLong("patent_applications"),
							rs.getLong("ip_owning"), rs.getLong("high_tech"), rs.getBigDecimal("financing_wan"),
							rs.getLong("key_cultivation"), rs.getLong("dark_horse"), rs.getLong("graduated_teams"))))
			.list()
			.forEach((e) -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	/** The figures of a tenant the user may see, latest year first. */
	@Transactional(readOnly = true)
	List<Figures> ofTenant(long tenantId, CurrentUser user) {
		this.tenants.visible(tenantId, user);
		return this.jdbc.sql("SELECT * FROM tenant_figure WHERE tenant_id = :t ORDER BY year DESC")
			.param("t", tenantId)
			.query(TenantFigures::map)
			.list();
	}

	/**
	 * The operator records a year's figures of one of its tenants. A value left empty is
	 * not known (cleared); a value that is unchanged keeps the source it had, a new or
	 * changed one takes {@code source}.
	 * @param version the row's version as read, null when the year had no row
	 */
	@Transactional
	public void record(long tenantId, Integer year, Values values, Source source, Integer version, CurrentUser user) {
		Tenant t = this.tenants.ownTenant(tenantId, user);
		int y = requireYear(year);
		Map<String, String> errors = new LinkedHashMap<>();
		nonNegative(errors, "revenueWan", values.revenueWan());
		nonNegative(errors, "financingWan", values.financingWan());
		if (values.patentApplications() != null && values.patentApplications() < 0) {
			errors.put("patentApplications", "不能为负数");
		}
		if (values.validIp() != null && values.validIp() < 0) {
			errors.put("validIp", "不能为负数");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Source src = (source != null) ? source : Source.DECLARED;
		Optional<Figures> before = find(tenantId, y);
		if (before.isPresent() && !Objects.equals(before.get().version(), version)) {
			throw new OptimisticLockingFailureException("tenant_figure " + tenantId + "/" + y + " changed");
		}
		if (before.isEmpty() && version != null) {
			throw new OptimisticLockingFailureException("tenant_figure " + tenantId + "/" + y + " removed");
		}
		Figures old = before.orElse(Figures.empty(tenantId, y));
		int rows = this.jdbc
			.sql("""
					INSERT INTO tenant_figure AS f (tenant_id, year, revenue_wan, revenue_source, patent_applications,
					  patent_applications_source, valid_ip, valid_ip_source, high_tech, high_tech_source, financing_wan,
					  financing_source, updated_at)
					VALUES (:t, :year, :revenue, :revenueSource, :patents, :patentsSource, :ip, :ipSource, :highTech,
					  :highTechSource, :financing, :financingSource, :at)
					ON CONFLICT (tenant_id, year) DO UPDATE SET
					  revenue_wan = EXCLUDED.revenue_wan, revenue_source = EXCLUDED.revenue_source,
					  patent_applications = EXCLUDED.patent_applications, patent_applications_source = EXCLUDED.patent_applications_source,
					  valid_ip = EXCLUDED.valid_ip, valid_ip_source = EXCLUDED.valid_ip_source,
					  high_tech = EXCLUDED.high_tech, high_tech_source = EXCLUDED.high_tech_source,
					  financing_wan = EXCLUDED.financing_wan, financing_source = EXCLUDED.financing_source,
					  updated_at = EXCLUDED.updated_at, version = f.version + 1
					WHERE f.version = :version
					""")
			.param("t", tenantId)
			.param("year", y)
			.param("revenue", values.revenueWan())
			.param("revenueSource", source(values.revenueWan(), old.revenueWan(), old.revenueSource(), src))
			.param("patents", values.patentApplications())
			.param("patentsSource",
					source(values.patentApplications(), old.patentApplications(), old.patentApplicationsSource(), src))
			.param("ip", values.validIp())
			.param("ipSource", source(values.validIp(), old.validIp(), old.validIpSource(), src))
			.param("highTech", values.highTech())
			.param("highTechSource", source(values.highTech(), old.highTech(), old.highTechSource(), src))
			.param("financing", values.financingWan())
			.param("financingSource", source(values.financingWan(), old.financingWan(), old.financingSource(), src))
			.param("at", Timestamp.from(this.clock.instant()))
			.param("version", (version != null) ? version : 0)
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("tenant_figure " + tenantId + "/" + y + " changed");
		}
		this.audit.record(AuditEntry.success("TENANT_FIGURES", "tenant", t.id(), t.name() + " " + y + " 年统计指标（"
				+ ((src == Source.DECLARED) ? "运营机构填报" : "导入") + "）：" + values.describe(), t.regionCode()));
	}

	/**
	 * The bureau of the tenant's region marks it 重点培育 or 黑马 for a year, or takes the mark
	 * away ({@code mark} null). Operators and anyone outside the region: not found.
	 */
	@Transactional
	public void mark(long tenantId, Integer year, Mark mark, CurrentUser user) {
		if (!user.hasRole(Role.CITY_BUREAU) && !user.hasRole(Role.PROVINCE)) {
			throw new NotFoundException("tenant " + tenantId);
		}
		Tenant t = this.tenants.visible(tenantId, user);
		int y = requireYear(year);
		this.jdbc.sql("""
				INSERT INTO tenant_figure AS f (tenant_id, year, mark, mark_set_by, mark_set_at, updated_at)
				VALUES (:t, :year, :mark, :by, :at, :at)
				ON CONFLICT (tenant_id, year) DO UPDATE SET mark = EXCLUDED.mark, mark_set_by = EXCLUDED.mark_set_by,
				  mark_set_at = EXCLUDED.mark_set_at, updated_at = EXCLUDED.updated_at, version = f.version + 1
				""")
			.param("t", tenantId)
			.param("year", y)
			.param("mark", (mark != null) ? mark.name() : null)
			.param("by", user.id())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(AuditEntry.success("TENANT_MARK", "tenant", t.id(),
				t.name() + " " + y + " 年" + ((mark != null) ? "标记为" + mark.label() : "取消重点培育 / 黑马标记"), t.regionCode()));
	}

	Optional<Figures> find(long tenantId, int year) {
		return this.jdbc.sql("SELECT * FROM tenant_figure WHERE tenant_id = :t AND year = :y")
			.param("t", tenantId)
			.param("y", year)
			.query(TenantFigures::map)
			.optional();
	}

	private int requireYear(Integer year) {
		int now = ChinaTime.today(this.clock).getYear();
		if (year == null) {
			throw new FieldErrorException("year", "请填写年度");
		}
		if (year < 2000 || year > now) {
			throw new FieldErrorException("year", "年度应在 2000 年至 " + now + " 年之间");
		}
		return year;
	}

	private static void nonNegative(Map<String, String> errors, String field, BigDecimal v) {
		if (v != null && v.signum() < 0) {
			errors.put(field, "不能为负数");
		}
		else if (v != null && v.compareTo(new BigDecimal("999999999999")) > 0) {
			errors.put(field, "数值过大");
		}
	}

	/** The source a value is stored with: none when empty, kept when unchanged. */
	private static String source(Object value, Object old, Source oldSource, Source now) {
		if (value == null) {
			return null;
		}
		boolean same = (value instanceof BigDecimal b && old instanceof BigDecimal o) ? b.compareTo(o) == 0
				: value.equals(old);
		return (same && oldSource != null) ? oldSource.name() : now.name();
	}

	private static Figures map(ResultSet rs, int n) throws SQLException {
		return new Figures(rs.getLong("tenant_id"), rs.getInt("year"), rs.getBigDecimal("revenue_wan"),
				Source.of(rs.getString("revenue_source")), (Integer) rs.getObject("patent_applications"),
				Source.of(rs.getString("patent_applications_source")), (Integer) rs.getObject("valid_ip"),
				Source.of(rs.getString("valid_ip_source")), (Boolean) rs.getObject("high_tech"),
				Source.of(rs.getString("high_tech_source")), rs.getBigDecimal("financing_wan"),
				Source.of(rs.getString("financing_source")),
				(rs.getString("mark") != null) ? Mark.valueOf(rs.getString("mark")) : null,
				(rs.getTimestamp("mark_set_at") != null)
						? rs.getTimestamp("mark_set_at").toInstant().atZone(ChinaTime.ZONE).toLocalDate() : null,
				rs.getInt("version"));
	}

	/**
	 * What the institutions' tenants report for one year.
	 *
	 * @param revenueWan 营业收入, 万元
	 * @param patentApplications 专利申请数
	 * @param ipOwningTenants tenants owning valid intellectual property
	 * @param highTechTenants 高新技术企业
	 * @param financingWan 获得融资, 万元
	 * @param keyCultivationTenants marked 重点培育 by the bureau
	 * @param darkHorseTenants marked 黑马 by the bureau
	 * @param graduatedTeams teams that registered a company that year (毕业团队注册企业)
	 */
	public record Sums(BigDecimal revenueWan, long patentApplications, long ipOwningTenants, long highTechTenants,
			BigDecimal financingWan, long keyCultivationTenants, long darkHorseTenants, long graduatedTeams) {

		/** Nothing recorded. */
		public static final Sums NONE = new Sums(BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0);

	}

	/** Where a value comes from. */
	public enum Source {

		/** 运营机构填报. */
		DECLARED,
		/** 由运营机构台账导入. */
		IMPORTED;

		static Source of(String name) {
			return (name != null) ? valueOf(name) : null;
		}

	}

	/** The bureau's mark (seed 000 一(三)). */
	public enum Mark {

		/** 重点培育. */
		KEY_CULTIVATION("重点培育"),
		/** 黑马企业. */
		DARK_HORSE("黑马企业");

		private final String label;

		Mark(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	/**
	 * The values an operator records; null means not known.
	 *
	 * @param revenueWan 营业收入 (万元)
	 * @param patentApplications 专利申请数
	 * @param validIp 有效知识产权数
	 * @param highTech 高新技术企业
	 * @param financingWan 获得融资 (万元)
	 */
	public record Values(BigDecimal revenueWan, Integer patentApplications, Integer validIp, Boolean highTech,
			BigDecimal financingWan) {

		String describe() {
			return "营业收入 " + text(this.revenueWan) + " 万元，专利申请 " + text(this.patentApplications) + " 件，有效知识产权 "
					+ text(this.validIp) + " 件，高新技术企业 " + ((this.highTech == null) ? "—" : this.highTech ? "是" : "否")
					+ "，获得融资 " + text(this.financingWan) + " 万元";
		}

		private static String text(Object v) {
			return (v == null) ? "—"
					: (v instanceof BigDecimal b) ? b.stripTrailingZeros().toPlainString() : v.toString();
		}

	}

	/** One tenant's figures for one year, each value with its source. */
	record Figures(long tenantId, int year, BigDecimal revenueWan, Source revenueSource, Integer patentApplications,
			Source patentApplicationsSource, Integer validIp, Source validIpSource, Boolean highTech,
			Source highTechSource, BigDecimal financingWan, Source financingSource, Mark mark, LocalDate markSetOn,
			Integer version) {

		static Figures empty(long tenantId, int year) {
			return new Figures(tenantId, year, null, null, null, null, null, null, null, null, null, null, null, null,
					null);
		}

		Values values() {
			return new Values(this.revenueWan, this.patentApplications, this.validIp, this.highTech, this.financingWan);
		}

	}

}
