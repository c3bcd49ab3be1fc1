package cn.zhongchuang.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.policy.TaxHistory.Filing;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 退出规则与逐月数数的朴素写法一致（以后 SQL 批量扫描也将与它对照）。
 */
class ExitRulePropertyTests {

	@Test
	void matchesAMonthByMonthCount() {
		Random random = new Random(6_24L);
		for (int i = 0; i < 2000; i++) {
			ExitRule rule = new ExitRule(1 + random.nextInt(12), 1 + random.nextInt(36));
			TaxHistory history = history(random);
			assertThat(rule.evaluate(history)).as(history.toString()).isEqualTo(naive(history, rule));
		}
	}

	private static TaxHistory history(Random random) {
		LocalDate admittedOn = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(60 * 31 + 1));
		LocalDate asOf = admittedOn.plusDays(random.nextInt(60 * 31 + 41) - 40);
		Map<YearMonth, Filing> filings = new java.util.LinkedHashMap<>();
		int size = random.nextInt(61);
		for (int i = 0; i < size; i++) {
			YearMonth period = YearMonth.of(2020, 12).plusMonths(random.nextInt(81));
			boolean filed = random.nextInt(4) != 3;
			long tax = new long[] { 0L, 0L, 1L, 250L }[random.nextInt(4)];
			filings.putIfAbsent(period, new Filing(period, filed, (tax == 1L) ? null : BigDecimal.valueOf(tax)));
		}
		return new TaxHistory(asOf, admittedOn, new ArrayList<>(filings.values()));
	}

	/** 逐月往回数：从最近的完整月开始，到入孵次月为止。 */
	private static ExitStatus naive(TaxHistory history, ExitRule rule) {
		Map<YearMonth, Filing> byMonth = new HashMap<>();
		history.filings().forEach((filing) -> byMonth.put(filing.period(), filing));
		YearMonth first = YearMonth.from(history.admittedOn()).plusMonths(1);
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = YearMonth.from(history.asOf()).minusMonths(1); !month.isBefore(first); month = month
			.minusMonths(1)) {
			months.add(month);
		}
		int withoutFiling = 0;
		while (withoutFiling < months.size() && !filed(byMonth.get(months.get(withoutFiling)))) {
			withoutFiling++;
		}
		int withoutTax = 0;
		while (withoutTax < months.size() && !paid(byMonth.get(months.get(withoutTax)))) {
			withoutTax++;
		}
		ExitStatus.Status status = (withoutTax >= rule.clearanceAfterMonthsWithoutTax())
				? ExitStatus.Status.CLEARANCE_DUE : (withoutFiling >= rule.abnormalAfterMonthsWithoutFiling())
						? ExitStatus.Status.ABNORMAL : ExitStatus.Status.ACTIVE;
		return new ExitStatus(status, withoutFiling, withoutTax);
	}

	private static boolean filed(Filing filing) {
		return filing != null && filing.filed();
	}

	private static boolean paid(Filing filing) {
		return filing != null && filing.filed() && filing.taxPaidCny() != null
				&& filing.taxPaidCny().compareTo(BigDecimal.ZERO) > 0;
	}

}
