package cn.zhongchuang.tenant;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.ExitRule;
import cn.zhongchuang.policy.PolicyPack;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exit rules of each tenant's pack applied to the tax filings of every tenant in
 * incubation at once: one set-based statement over the tenants and their latest filed and
 * latest taxed months ({@code tenant_filing_summary}), so the cost grows with the number
 * of tenants, not with the length of their history. Counting as {@link ExitRule}:
 * complete months after the month of admission and before the month of {@code asOf}. The
 * rules need tax filings, so they do not apply (不适用) to a 创业团队; a team that registered a
 * company is counted from the day it registered. A pack without exit thresholds leaves
 * its tenants unscanned.
 */
@Service
public class ExitScan {

	/**
	 * Each scanned tenant with its months counted; the latest filed and taxed months come
	 * from {@code tenant_filing_summary} (kept by triggers on the filings), or from a
	 * backward index probe when the scanned day lies before them.
	 */
	private static final String STATUSES = """
			WITH th AS (
			  SELECT * FROM unnest(CAST(:regions AS text[]), CAST(:abnormal AS int[]), CAST(:clearance AS int[]))
			    AS th (region_code, abnormal, clearance)
			), scope AS (
			  SELECT t.id, t.operator_id, t.region_code,
			         COALESCE(th.abnormal, CAST(:everyAbnormal AS int)) AS abnormal,
			         COALESCE(th.clearance, CAST(:everyClearance AS int)) AS clearance,
			         COALESCE(t.registered_from_team_on, t.admitted_on) AS admitted_on,
			         GREATEST(0, :last - (date_part('year', COALESCE(t.registered_from_team_on, t.admitted_on))::int * 12
			                              + date_part('month', COALESCE(t.registered_from_team_on, t.admitted_on))::int - 1))
			           AS months
			  FROM tenant t LEFT JOIN th ON th.region_code = t.region_code
			  WHERE t.status = 'ACTIVE' AND t.kind = 'ENTERPRISE' AND COALESCE(t.registered_from_team_on, t.admitted_on) <= :asOf AND (th.region_code IS NOT NULL OR CAST(:everyAbnormal AS int) IS NOT NULL)
			), latest AS (
			  -- the summary answers whenever its month lies before the scanned month (always, for
			  -- a scan of today); a scan of an earlier day probes the filings backwards instead.
			  -- Periods are first days: one after the admission day is a month after admission's.
			  SELECT s.*,
			         CASE WHEN sm.last_filed IS NULL OR sm.last_filed < :month
			              THEN CASE WHEN sm.last_filed > s.admitted_on THEN sm.last_filed END
			              ELSE (SELECT max(f.period) FROM tenant_tax_filing f
			                    WHERE f.tenant_id = s.id AND f.filed AND f.period > s.admitted_on AND f.period < :month)
			         END AS lf,
			         CASE WHEN sm.last_taxed IS NULL OR sm.last_taxed < :month
			              THEN CASE WHEN sm.last_taxed > s.admitted_on THEN sm.last_taxed END
			              ELSE (SELECT max(f.period) FROM tenant_tax_filing f
			                    WHERE f.tenant_id = s.id AND f.filed AND f.tax_paid_cny > 0 AND f.period > s.admitted_on
			                      AND f.period < :month)
			         END AS lt
			  FROM scope s LEFT JOIN tenant_filing_summary sm ON sm.tenant_id = s.id
			), counted AS MATERIALIZED (
			  -- materialized: the statuses below then compare integers instead of repeating
			  -- the month arithmetic for every comparison
			  SELECT id, operator_id, region_code, abnormal, clearance,
			         COALESCE(:last - (date_part('year', lf)::int * 12 + date_part('month', lf)::int - 1), months)
			           AS without_filing,
			         COALESCE(:last - (date_part('year', lt)::int * 12 + date_part('month', lt)::int - 1), months)
			           AS without_tax
			  FROM latest
			), found AS (
			  SELECT id, operator_id, region_code, without_filing, without_tax,
			         CASE WHEN without_tax >= clearance THEN 'CLEARANCE_DUE'
			              WHEN without_filing >= abnormal THEN 'ABNORMAL' ELSE 'ACTIVE' END AS status
			  FROM counted
			)
			""";

	/**
	 * The same answer the plain way, for the benchmark: every filing of the window
	 * grouped per tenant, no index tricks.
	 */
	private static final String REFERENCE = """
			WITH th AS (
			  SELECT * FROM unnest(CAST(:regions AS text[]), CAST(:abnormal AS int[]), CAST(:clearance AS int[]))
			    AS th (region_code, abnormal, clearance)
			), latest AS (
			  SELECT t.id, COALESCE(th.abnormal, CAST(:everyAbnormal AS int)) AS abnormal,
			         COALESCE(th.clearance, CAST(:everyClearance AS int)) AS clearance,
			         GREATEST(0, :last - (extract(year FROM COALESCE(t.registered_from_team_on, t.admitted_on)) * 12
			                              + extract(month FROM COALESCE(t.registered_from_team_on, t.admitted_on)) - 1)::int)
			           AS months,
			         max(f.period) FILTER (WHERE f.filed) AS last_filed,
			         max(f.period) FILTER (WHERE f.filed AND f.tax_paid_cny > 0) AS last_taxed
			  FROM tenant t
			  LEFT JOIN th ON th.region_code = t.region_code
			  LEFT JOIN tenant_tax_filing f ON f.tenant_id = t.id
			    AND f.period > COALESCE(t.registered_from_team_on, t.admitted_on) AND f.period < :month
			  WHERE t.status = 'ACTIVE' AND t.kind = 'ENTERPRISE' AND COALESCE(t.registered_from_team_on, t.admitted_on) <= :asOf AND (th.region_code IS NOT NULL OR CAST(:everyAbnormal AS int) IS NOT NULL)
			  GROUP BY t.id, th.abnormal, th.clearance, t.admitted_on, t.registered_from_team_on
			), counted AS (
			  SELECT abnormal, clearance,
			         COALESCE(:last - (extract(year FROM last_filed) * 12 + extract(month FROM last_filed) - 1)::int, months) AS wf,
			         COALESCE(:last - (extract(year FROM last_taxed) * 12 + extract(month FROM last_taxed) - 1)::int, months) AS wt
			  FROM latest
			)
			SELECT CASE WHEN wt >= clearance THEN 'CLEARANCE_DUE' WHEN wf >= abnormal THEN 'ABNORMAL' ELSE 'ACTIVE' END AS status,
			       count(*) AS n
			FROM counted GROUP BY 1
			""";

	private final JdbcClient jdbc;

	private final TenantPacks packs;

	private final TenantRepository tenants;

	private final Operators operators;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	ExitScan(JdbcClient jdbc, TenantPacks packs, TenantRepository tenants, Operators operators,
			Notifications notifications, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.packs = packs;
		this.tenants = tenants;
		this.operators = operators;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Scans every tenant in incubation on {@code asOf} and stores the findings: a new
	 * abnormal or clearance finding is opened (and its operator and bureau notified), an
	 * open one gets the fresh month counts, one the tenant no longer meets is closed.
	 * @return how many tenants were scanned and found
	 */
	@Transactional
	public Summary scan(LocalDate asOf) {
		// The statuses once into a temporary table; the findings and the counts come from
		// it.
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE tenant_exit_found (id BIGINT PRIMARY KEY, status TEXT NOT NULL,
				  without_filing INT NOT NULL, without_tax INT NOT NULL) ON COMMIT DROP
				""").update();
		bind(this.jdbc.sql(STATUSES + """
				INSERT INTO tenant_exit_found (id, status, without_filing, without_tax)
				SELECT id, status, without_filing, without_tax FROM found
				"""), thresholds(asOf), asOf).update();
		this.jdbc.sql("ANALYZE tenant_exit_found").update();
		this.jdbc.sql("""
				UPDATE tenant_exit_finding e SET as_of = :asOf, months_without_filing = f.without_filing,
				  months_without_tax = f.without_tax
				FROM tenant_exit_found f WHERE e.tenant_id = f.id AND e.status = f.status AND e.cleared_on IS NULL
				""").param("asOf", asOf).update();
		this.jdbc.sql("""
				UPDATE tenant_exit_finding e SET cleared_on = :asOf
				FROM tenant_exit_found f WHERE e.tenant_id = f.id AND e.status <> f.status AND e.cleared_on IS NULL
				""").param("asOf", asOf).update();
		List<NewFinding> created = this.jdbc
			.sql("""
					WITH inserted AS (
					  INSERT INTO tenant_exit_finding (tenant_id, first_found_on, as_of, status, months_without_filing,
					    months_without_tax)
					  SELECT f.id, :asOf, :asOf, f.status, f.without_filing, f.without_tax FROM tenant_exit_found f
					  WHERE f.status <> 'ACTIVE' AND NOT EXISTS (
					    SELECT 1 FROM tenant_exit_finding e WHERE e.tenant_id = f.id AND e.status = f.status AND e.cleared_on IS NULL)
					  RETURNING tenant_id, status, months_without_filing, months_without_tax
					)
					SELECT i.tenant_id, i.status, i.months_without_filing, i.months_without_tax, t.operator_id, t.region_code,
					       t.name
					FROM inserted i JOIN tenant t ON t.id = i.tenant_id
					ORDER BY t.operator_id, i.status, t.name
					""")
			.param("asOf", asOf)
			.query((rs, n) -> new NewFinding(rs.getLong("tenant_id"), rs.getString("status"),
					rs.getInt("months_without_filing"), rs.getInt("months_without_tax"), rs.getLong("operator_id"),
					rs.getString("region_code"), rs.getString("name")))
			.list();
		Map<String, Long> counts = counts(
				this.jdbc.sql("SELECT status, count(*) AS n FROM tenant_exit_found GROUP BY status"));
		this.jdbc.sql("DROP TABLE tenant_exit_found").update();
		long teams = this.jdbc
			.sql("SELECT count(*) FROM tenant WHERE status = 'ACTIVE' AND kind = 'TEAM' AND admitted_on <= :asOf")
			.param("asOf", asOf)
			.query(Long.class)
			.single();
		Summary summary = new Summary(asOf, counts.values().stream().mapToLong(Long::longValue).sum(),
				counts.getOrDefault("ABNORMAL", 0L), counts.getOrDefault("CLEARANCE_DUE", 0L), created.size(), teams);
		this.jdbc.sql("""
				INSERT INTO tenant_exit_scan (as_of, ran_at, ran_by, scanned, abnormal, clearance, new_found)
				VALUES (:asOf, :at, :by, :scanned, :abnormal, :clearance, :created)
				ON CONFLICT (as_of) DO UPDATE SET ran_at = EXCLUDED.ran_at, ran_by = EXCLUDED.ran_by,
				  scanned = EXCLUDED.scanned, abnormal = EXCLUDED.abnormal, clearance = EXCLUDED.clearance,
				  new_found = tenant_exit_scan.new_found + EXCLUDED.new_found
				""")
			.param("asOf", asOf)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", this.node)
			.param("scanned", (int) summary.scanned())
			.param("abnormal", (int) summary.abnormal())
			.param("clearance", (int) summary.clearance())
			.param("created", summary.created())
			.update();
		notify(created);
		this.audit.record(AuditEntry.success("TENANT_EXIT_SCAN", "tenant_exit_scan", asOf,
				"在孵企业退出扫描（截至 " + ChinaTime.format(asOf) + "）：扫描 " + summary.scanned() + " 家，异常 " + summary.abnormal()
						+ " 家，清退 " + summary.clearance() + " 家，新增 " + summary.created() + " 条；创业团队 " + summary.teams()
						+ " 个不适用",
				null));
		return summary;
	}

	/** Whether a scan for that day has been stored already (by any node). */
	@Transactional(readOnly = true)
	public boolean scannedOn(LocalDate asOf) {
		return this.jdbc.sql("SELECT count(*) FROM tenant_exit_scan WHERE as_of = :d")
			.param("d", asOf)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * How many scanned tenants are ACTIVE, ABNORMAL and CLEARANCE_DUE on {@code asOf}:
	 * the scan's statement, nothing stored.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> countStatuses(LocalDate asOf) {
		return counts(bind(this.jdbc.sql(STATUSES + " SELECT status, count(*) AS n FROM found GROUP BY status"),
				thresholds(asOf), asOf));
	}

	/**
	 * The same counts by a plain reference query (every filing of the window grouped per
	 * tenant), for the benchmark to compare with {@link #countStatuses}.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> referenceCounts(LocalDate asOf) {
		return counts(bind(this.jdbc.sql(REFERENCE), thresholds(asOf), asOf));
	}

	/**
	 * {@link #countStatuses} and {@link #referenceCounts} with one rule for every tenant
	 * in incubation, whatever its pack (of the bundled packs only Chaoyang's sets exit
	 * thresholds): the benchmark's figure for the whole data set.
	 * @return the counts of the product's statement and of the reference query
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> countStatusesEverywhere(ExitRule rule, LocalDate asOf) {
		return counts(bind(this.jdbc.sql(STATUSES + " SELECT status, count(*) AS n FROM found GROUP BY status"),
				everywhere(rule), asOf));
	}

	/**
	 * The reference query with one rule for every tenant, see
	 * {@link #countStatusesEverywhere}.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> referenceCountsEverywhere(ExitRule rule, LocalDate asOf) {
		return counts(bind(this.jdbc.sql(REFERENCE), everywhere(rule), asOf));
	}

	/** Each scanned tenant's status and months, for tests and the detail page. */
	@Transactional(readOnly = true)
	Map<Long, Counted> statuses(LocalDate asOf) {
		Map<Long, Counted> result = new LinkedHashMap<>();
		bind(this.jdbc.sql(STATUSES + " SELECT id, status, without_filing, without_tax FROM found"), thresholds(asOf),
				asOf)
			.query((rs, n) -> result.put(rs.getLong("id"),
					new Counted(rs.getString("status"), rs.getInt("without_filing"), rs.getInt("without_tax"))))
			.list();
		return result;
	}

	/**
	 * The operator's decision on a finding: CONFIRMED (a clearance: the tenant exits with
	 * reason 清退) or KEPT with the reason why not.
	 */
	@Transactional
	public void decide(long findingId, int version, boolean confirm, String reason, CurrentUser user) {
		Finding f = finding(findingId);
		Tenant t = this.tenants.find(f.tenantId()).orElseThrow(() -> new NotFoundException("finding " + findingId));
		if (!user.hasRole(Role.OPERATOR)
				|| this.operators.organisationOf(user).map((o) -> o.id() != t.operatorId()).orElse(true)) {
			throw new NotFoundException("finding " + findingId);
		}
		if (f.decision() != null) {
			throw new ConflictException("该名单已处理");
		}
		if (confirm && !"CLEARANCE_DUE".equals(f.status())) {
			throw new FieldErrorException("decision", "只有清退名单需要确认清退");
		}
		if (!confirm && (reason == null || reason.isBlank())) {
			throw new FieldErrorException("reason", "请填写不予清退（或保留）的原因");
		}
		LocalDate today = ChinaTime.today(this.clock);
		int rows = this.jdbc.sql("""
				UPDATE tenant_exit_finding SET decision = :d, reason = :r, decided_by = :by, decided_at = :at,
				  version = version + 1
				WHERE id = :id AND version = :v AND decision IS NULL
				""")
			.param("d", confirm ? "CONFIRMED" : "KEPT")
			.param("r", confirm ? "清退" : reason.strip())
			.param("by", user.id())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("id", findingId)
			.param("v", version)
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("finding " + findingId + " changed");
		}
		if (confirm) {
			Tenant exited = this.tenants.update(t.exit(today, "清退"));
			this.audit.record(AuditEntry.success("TENANT_EXIT", "tenant", exited.id(),
					exited.name() + " 于 " + ChinaTime.format(today) + " 清退（连续 " + f.monthsWithoutTax() + " 个月无税收贡献）",
					exited.regionCode()));
		}
		else {
			this.audit.record(AuditEntry.success("TENANT_EXIT_FINDING_KEPT", "tenant", t.id(),
					t.name() + " 保留在孵：" + reason.strip(), t.regionCode()));
		}
	}

	Finding finding(long id) {
		return this.jdbc.sql("SELECT * FROM tenant_exit_finding WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Finding(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("status"),
					rs.getObject("first_found_on", LocalDate.class), rs.getObject("as_of", LocalDate.class),
					rs.getInt("months_without_filing"), rs.getInt("months_without_tax"), rs.getString("decision"),
					rs.getString("reason"), rs.getObject("cleared_on", LocalDate.class), rs.getInt("version")))
			.optional()
			.orElseThrow(() -> new NotFoundException("finding " + id));
	}

	private void notify(List<NewFinding> created) {
		Map<Long, List<NewFinding>> byOperator = created.stream()
			.collect(Collectors.groupingBy(NewFinding::operatorId, TreeMap::new, Collectors.toList()));
		byOperator.forEach((operatorId, found) -> {
			String title = title(found);
			String body = found.stream()
				.limit(20)
				.map((f) -> f.name() + "：" + label(f.status()) + "（连续 " + f.monthsWithoutFiling() + " 个月未申报，连续 "
						+ f.monthsWithoutTax() + " 个月无税收贡献）")
				.collect(Collectors.joining("\n")) + ((found.size() > 20) ? "\n……共 " + found.size() + " 家" : "");
			this.notifications.notify(Recipients.users(new java.util.HashSet<>(this.operators.memberIds(operatorId))),
					title, body, "/tenants/exit-findings");
		});
		Map<String, List<NewFinding>> byRegion = created.stream()
			.collect(Collectors.groupingBy(NewFinding::regionCode, TreeMap::new, Collectors.toList()));
		byRegion.forEach((region, found) -> this.notifications.notify(Recipients.roleCovering(Role.CITY_BUREAU, region),
				title(found), "区划 " + region + " 的在孵企业经退出扫描新增名单，请在「在孵企业 · 异常与清退」查看。", "/tenants/exit-findings"));
	}

	private static String title(List<NewFinding> found) {
		long abnormal = found.stream().filter((f) -> "ABNORMAL".equals(f.status())).count();
		return "在孵企业退出扫描：新增异常名录 " + abnormal + " 家，清退名单 " + (found.size() - abnormal) + " 家";
	}

	static String label(String status) {
		return "CLEARANCE_DUE".equals(status) ? "清退名单" : "ABNORMAL".equals(status) ? "异常名录" : "正常";
	}

	/**
	 * Exit thresholds per region of the tenants in incubation, from each region's pack.
	 */
	private Thresholds thresholds(LocalDate asOf) {
		List<String> regions = this.jdbc.sql("SELECT DISTINCT region_code FROM tenant WHERE status = 'ACTIVE'")
			.query(String.class)
			.list();
		List<String> codes = new ArrayList<>();
		List<Integer> abnormal = new ArrayList<>();
		List<Integer> clearance = new ArrayList<>();
		for (String region : regions) {
			PolicyPack pack = this.packs.forRegion(region, asOf).orElse(null);
			ExitRule rule = (pack != null) ? pack.definition().exit() : null;
			if (rule != null) {
				codes.add(region);
				abnormal.add(rule.abnormalAfterMonthsWithoutFiling());
				clearance.add(rule.clearanceAfterMonthsWithoutTax());
			}
		}
		return new Thresholds(codes.toArray(String[]::new), abnormal.toArray(Integer[]::new),
				clearance.toArray(Integer[]::new), null);
	}

	private static Thresholds everywhere(ExitRule rule) {
		return new Thresholds(new String[0], new Integer[0], new Integer[0], rule);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Thresholds th, LocalDate asOf) {
		LocalDate month = asOf.withDayOfMonth(1);
		return sql.param("regions", th.regions())
			.param("abnormal", th.abnormal())
			.param("clearance", th.clearance())
			.param("everyAbnormal",
					(th.everywhere() != null) ? th.everywhere().abnormalAfterMonthsWithoutFiling() : null,
					java.sql.Types.INTEGER)
			.param("everyClearance",
					(th.everywhere() != null) ? th.everywhere().clearanceAfterMonthsWithoutTax() : null,
					java.sql.Types.INTEGER)
			.param("asOf", asOf)
			.param("month", month)
			.param("last", asOf.getYear() * 12 + asOf.getMonthValue() - 2);
	}

	private static Map<String, Long> counts(JdbcClient.StatementSpec sql) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("ACTIVE", 0L);
		counts.put("ABNORMAL", 0L);
		counts.put("CLEARANCE_DUE", 0L);
		sql.query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
		return counts;
	}

	/**
	 * One scan's result.
	 *
	 * @param asOf the day scanned
	 * @param scanned tenants scanned
	 * @param abnormal on the abnormal list
	 * @param clearance due for clearance
	 * @param created findings opened by this scan
	 * @param teams 创业团队 in incubation, not scanned: the rules do not apply to them (不适用)
	 */
	public record Summary(LocalDate asOf, long scanned, long abnormal, long clearance, int created, long teams) {
	}

	record Counted(String status, int monthsWithoutFiling, int monthsWithoutTax) {
	}

	record Finding(long id, long tenantId, String status, LocalDate firstFoundOn, LocalDate asOf,
			int monthsWithoutFiling, int monthsWithoutTax, String decision, String reason, LocalDate clearedOn,
			int version) {
	}

	private record NewFinding(long tenantId, String status, int monthsWithoutFiling, int monthsWithoutTax,
			long operatorId, String regionCode, String name) {
	}

	/**
	 * Exit thresholds per region; with {@code everywhere} set, that rule for every tenant
	 * (the regions then empty). One statement serves both: a handful of regions is best
	 * joined region by region, every tenant by one pass over the table.
	 */
	private record Thresholds(String[] regions, Integer[] abnormal, Integer[] clearance, ExitRule everywhere) {
	}

}
