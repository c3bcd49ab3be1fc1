package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.ExitRule;
import cn.zhongchuang.policy.ExitStatus;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.policy.TaxHistory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The set-based exit scan agrees with {@link ExitRule} tenant by tenant, stores its
 * findings once, lets the operator decide, and runs once a night with two nodes.
 */
@IntegrationTest
class ExitScanTests {

	@Autowired
	ExitScan scan;

	@Autowired
	NightlyExitScan nightly;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantTestOperators operators;

	@Autowired
	PolicyCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSqlScanGivesExitRulesAnswersForAGeneratedPopulation() {
		Random random = new Random(20260301L);
		var op = this.operators.operator("110105");
		ExitRule rule = this.catalog.latest("beijing-chaoyang-2017").exitRule();
		Map<Long, LocalDate> admitted = new HashMap<>();
		Map<Long, List<TaxHistory.Filing>> filings = new HashMap<>();
		LocalDate[] asOfs = { LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), LocalDate.of(2025, 12, 15),
				LocalDate.of(2027, 1, 1) };
		for (int i = 0; i < 120; i++) {
			// admitted between 2022-01 and 2026-04, sometimes on the first or last day of
			// a month
			LocalDate day = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1580));
			if (random.nextInt(5) == 0) {
				day = day.withDayOfMonth(1);
			}
			else if (random.nextInt(5) == 0) {
				day = day.withDayOfMonth(day.lengthOfMonth());
			}
			long id = this.tenants.admit(op.id(), TenantFixtures.eligible("北京生成企业" + i + "有限公司",
					TenantTestOperators.creditCode("110105"), day, day, false), op.account().principal());
			admitted.put(id, day);
			filings.put(id, generateFilings(random, id, day));
		}

		for (LocalDate asOf : asOfs) {
			Map<Long, ExitScan.Counted> sql = this.scan.statuses(asOf);
			int compared = 0;
			int[] byStatus = new int[3];
			for (Map.Entry<Long, LocalDate> t : admitted.entrySet()) {
				if (t.getValue().isAfter(asOf)) {
					assertThat(sql).doesNotContainKey(t.getKey());
					continue;
				}
				ExitStatus expected = rule.evaluate(asOf, t.getValue(), filings.get(t.getKey()));
				ExitScan.Counted actual = sql.get(t.getKey());
				assertThat(actual).as("tenant %d admitted %s as of %s", t.getKey(), t.getValue(), asOf).isNotNull();
				assertThat(new ExitStatus(ExitStatus.Status.valueOf(actual.status()), actual.monthsWithoutFiling(),
						actual.monthsWithoutTax()))
					.as("tenant %d admitted %s as of %s, filings %s", t.getKey(), t.getValue(), asOf,
							filings.get(t.getKey()))
					.isEqualTo(expected);
				byStatus[expected.status().ordinal()]++;
				compared++;
			}
			assertThat(compared).isGreaterThan(50);
			// the population reaches every status, so the comparison means something
			assertThat(java.util.Arrays.stream(byStatus).min().getAsInt())
				.as("fewest of ACTIVE, ABNORMAL, CLEARANCE_DUE as of %s", asOf)
				.isPositive();
			assertThat(this.scan.countStatuses(asOf)).isEqualTo(this.scan.referenceCounts(asOf));
			assertThat(this.scan.countStatusesEverywhere(rule, asOf))
				.isEqualTo(this.scan.referenceCountsEverywhere(rule, asOf));
		}
	}

	@Test
	void theFilingSummaryFollowsEveryInsertDeleteAndUpdateOfTheFilings() {
		var op = this.operators.operator("110105");
		long id = admitWithFilings(op, LocalDate.of(2025, 12, 10), "2026-01", "2026-06", true);
		assertThat(summary(id)).isEqualTo("2026-06-01 2026-06-01");

		// a later month filed without tax moves only the filed month
		this.jdbc.sql(
				"INSERT INTO tenant_tax_filing (tenant_id, period, filed, tax_paid_cny) VALUES (:t, '2026-07-01', true, 0)")
			.param("t", id)
			.update();
		assertThat(summary(id)).isEqualTo("2026-07-01 2026-06-01");

		// re-importing months deletes them first: the latest months are looked up again
		this.jdbc.sql("DELETE FROM tenant_tax_filing WHERE tenant_id = :t AND period >= '2026-06-01'")
			.param("t", id)
			.update();
		assertThat(summary(id)).isEqualTo("2026-05-01 2026-05-01");

		// a corrected month that turns out unfiled
		this.jdbc.sql(
				"UPDATE tenant_tax_filing SET filed = false, tax_paid_cny = NULL WHERE tenant_id = :t AND period = '2026-05-01'")
			.param("t", id)
			.update();
		assertThat(summary(id)).isEqualTo("2026-04-01 2026-04-01");

		this.jdbc.sql("DELETE FROM tenant_tax_filing WHERE tenant_id = :t").param("t", id).update();
		assertThat(summary(id)).isEqualTo("null null");
	}

	private String summary(long tenantId) {
		return this.jdbc.sql("""
				SELECT coalesce(CAST(last_filed AS text), 'null') || ' ' || coalesce(CAST(last_taxed AS text), 'null')
				FROM tenant_filing_summary WHERE tenant_id = :t""")
			.param("t", tenantId)
			.query(String.class)
			.optional()
			.orElse("missing");
	}

	@Test
	void findingsAreStoredOnceTheOperatorAndBureauToldAndAClearanceConfirmed() {
		var op = this.operators.operator("110105");
		var user = op.account().principal();
		LocalDate asOf = LocalDate.of(2025, 6, 15);
		LocalDate admittedOn = LocalDate.of(2022, 1, 5);
		long silent = admitWithFilings(op, admittedOn, "2022-02", "2024-11", true); // 6
																					// months
																					// without
																					// filing
		long untaxed = admitWithFilings(op, admittedOn, "2022-02", "2025-05", false); // no
																						// tax
																						// ever
		long fine = admitWithFilings(op, admittedOn, "2022-02", "2025-05", true);

		ExitScan.Summary first = this.scan.scan(asOf);
		assertThat(first.created()).isGreaterThanOrEqualTo(2);
		assertThat(openFindings(silent)).containsExactly("ABNORMAL 6 6");
		assertThat(openFindings(untaxed)).containsExactly("CLEARANCE_DUE 0 40");
		assertThat(openFindings(fine)).isEmpty();
		assertThat(notificationsTo(op.account().id())).anyMatch((t) -> t.contains("新增异常名录 1 家，清退名单 1 家"));

		this.scan.scan(asOf.plusMonths(1));
		assertThat(openFindings(silent)).containsExactly("ABNORMAL 7 7");
		assertThat(count(silent)).isEqualTo(1);
		assertThat(this.scan.scannedOn(asOf)).isTrue();

		long abnormalId = findingId(silent);
		long clearanceId = findingId(untaxed);
		assertThatThrownBy(() -> this.scan.decide(abnormalId, 0, true, null, user))
			.isInstanceOf(FieldErrorException.class);
		assertThatThrownBy(() -> this.scan.decide(abnormalId, 0, false, "", user))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("reason"));
		var other = this.operators.operator("110105");
		assertThatThrownBy(() -> this.scan.decide(clearanceId, 0, true, null, other.account().principal()))
			.isInstanceOf(NotFoundException.class);
		this.scan.decide(abnormalId, 0, false, "已补报，税务系统尚未同步", user);
		this.scan.decide(clearanceId, 0, true, null, user);

		Tenant cleared = this.tenants.visible(untaxed, user);
		assertThat(cleared.status()).isEqualTo(TenantStatus.EXITED);
		assertThat(cleared.exitReason()).isEqualTo("清退");
		// a kept finding stays open and is not opened again by the next scan
		this.scan.scan(asOf.plusMonths(2));
		assertThat(count(silent)).isEqualTo(1);
		assertThat(this.scan.finding(abnormalId).decision()).isEqualTo("KEPT");
	}

	@Test
	void twoNodesRunTheNightlyScanOnce() throws Exception {
		LocalDate night = LocalDate.of(2031, 1, 15);
		CyclicBarrier start = new CyclicBarrier(2);
		Callable<Boolean> node = () -> {
			start.await();
			return this.nightly.run(night);
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> runs = new ArrayList<>(List.of(pool.submit(node), pool.submit(node)));
			List<Boolean> ran = new ArrayList<>();
			for (Future<Boolean> run : runs) {
				ran.add(run.get());
			}
			// the later one, after the first released its lease, sees the day done
			ran.add(this.nightly.run(night));
			assertThat(ran).containsOnlyOnce(true);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'TENANT_EXIT_SCAN' AND object_id = :d")
					.param("d", night.toString())
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	private List<TaxHistory.Filing> generateFilings(Random random, long tenantId, LocalDate admitted) {
		List<TaxHistory.Filing> filings = new ArrayList<>();
		// filings from a few months before admission (ignored by the rules) to 2026-12
		YearMonth month = YearMonth.from(admitted).minusMonths(2);
		int style = random.nextInt(4);
		int stopFiling = random.nextInt(60);
		int stopTax = random.nextInt(60);
		int k = 0;
		while (!month.isAfter(YearMonth.of(2026, 12))) {
			boolean filed = switch (style) {
				case 0 -> random.nextInt(10) > 0;
				case 1 -> k < stopFiling;
				case 2 -> k < stopFiling || random.nextInt(8) == 0;
				default -> false;
			};
			boolean absent = !filed && random.nextBoolean();
			if (!absent) {
				BigDecimal tax = null;
				if (filed) {
					int r = random.nextInt(10);
					tax = (k >= stopTax && style != 0) || r < 2 ? BigDecimal.ZERO
							: (r == 2) ? null : BigDecimal.valueOf(100 + random.nextInt(5000));
				}
				filings.add(new TaxHistory.Filing(month, filed, tax));
				this.jdbc.sql(
						"INSERT INTO tenant_tax_filing (tenant_id, period, filed, tax_paid_cny) VALUES (:t, :p, :f, :x)")
					.param("t", tenantId)
					.param("p", month.atDay(1))
					.param("f", filed)
					.param("x", tax)
					.update();
			}
			month = month.plusMonths(1);
			k++;
		}
		return filings;
	}

	private long admitWithFilings(TenantTestOperators.Operator op, LocalDate admittedOn, String from, String to,
			boolean taxed) {
		long id = this.tenants.admit(
				op.id(), TenantFixtures.eligible("北京扫描" + System.nanoTime() + "科技有限公司",
						TenantTestOperators.creditCode("110105"), admittedOn, admittedOn, false),
				op.account().principal());
		this.jdbc
			.sql("""
					INSERT INTO tenant_tax_filing (tenant_id, period, filed, tax_paid_cny)
					SELECT :t, p::date, true, :tax FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 month') p
					""")
			.param("t", id)
			.param("from", YearMonth.parse(from).atDay(1))
			.param("to", YearMonth.parse(to).atDay(1))
			.param("tax", taxed ? new BigDecimal("1200.00") : BigDecimal.ZERO)
			.update();
		return id;
	}

	private List<String> openFindings(long tenantId) {
		return this.jdbc.sql("""
				SELECT status || ' ' || months_without_filing || ' ' || months_without_tax FROM tenant_exit_finding
				WHERE tenant_id = :t AND cleared_on IS NULL ORDER BY id
				""").param("t", tenantId).query(String.class).list();
	}

	private long count(long tenantId) {
		return this.jdbc.sql("SELECT count(*) FROM tenant_exit_finding WHERE tenant_id = :t")
			.param("t", tenantId)
			.query(Long.class)
			.single();
	}

	private long findingId(long tenantId) {
		return this.jdbc.sql("SELECT id FROM tenant_exit_finding WHERE tenant_id = :t AND cleared_on IS NULL")
			.param("t", tenantId)
			.query(Long.class)
			.single();
	}

	private List<String> notificationsTo(long userId) {
		return this.jdbc.sql("SELECT title FROM notification WHERE recipient_id = :u")
			.param("u", userId)
			.query(String.class)
			.list();
	}

}
