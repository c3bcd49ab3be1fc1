package cn.zhongchuang.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.policy.ExitStatus.Status;
import cn.zhongchuang.policy.TaxHistory.Filing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 朝阳第五条（十一）：连续六个月没有申报纳税记录的纳入异常名录，连续两年没有税收贡献的予以清退。 判断日 2026-03-01：最近的完整月是
 * 2026-02；入孵当月与判断日所在月都不算。
 */
class ExitStatusTests {

	private static final ExitRule CHAOYANG = Packs.CHAOYANG.exitRule();

	private static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

	@Test
	void theThresholdsComeFromThePack() {
		assertThat(CHAOYANG).isEqualTo(new ExitRule(6, 24));
	}

	@Test
	void sixCompleteMonthsWithoutFilingMakeATenantAbnormal() {
		// 最后一次申报 2025-08：2025-09 … 2026-02 共 6 个月没有申报
		ExitStatus status = CHAOYANG.evaluate(AS_OF, LocalDate.of(2023, 5, 10), paidEachMonth("2023-06", "2025-08"));
		assertThat(status).isEqualTo(new ExitStatus(Status.ABNORMAL, 6, 6));
	}

	@Test
	void fiveCompleteMonthsWithoutFilingAreStillActive() {
		ExitStatus status = CHAOYANG.evaluate(AS_OF, LocalDate.of(2023, 5, 10), paidEachMonth("2023-06", "2025-09"));
		assertThat(status).isEqualTo(new ExitStatus(Status.ACTIVE, 5, 5));
	}

	@Test
	void theCurrentMonthDoesNotCountEvenIfNothingIsFiledYet() {
		// 已申报到 2026-02（最近的完整月）；3 月还没过完
		ExitStatus status = CHAOYANG.evaluate(LocalDate.of(2026, 3, 31), LocalDate.of(2023, 5, 10),
				paidEachMonth("2023-06", "2026-02"));
		assertThat(status).isEqualTo(new ExitStatus(Status.ACTIVE, 0, 0));
	}

	@Test
	void theAdmissionMonthDoesNotCount() {
		// 2025-08-15 入孵，从未申报：完整月只有 2025-09 … 2026-02 共 6 个
		ExitStatus status = CHAOYANG.evaluate(AS_OF, LocalDate.of(2025, 8, 15), List.of());
		assertThat(status).isEqualTo(new ExitStatus(Status.ABNORMAL, 6, 6));
		ExitStatus later = CHAOYANG.evaluate(AS_OF, LocalDate.of(2025, 9, 1), List.of());
		assertThat(later).isEqualTo(new ExitStatus(Status.ACTIVE, 5, 5));
	}

	@Test
	void aTenantAdmittedThisMonthOrLastMonthHasNoCompleteMonths() {
		assertThat(CHAOYANG.evaluate(AS_OF, LocalDate.of(2026, 3, 1), List.of()))
			.isEqualTo(new ExitStatus(Status.ACTIVE, 0, 0));
		assertThat(CHAOYANG.evaluate(AS_OF, LocalDate.of(2026, 2, 1), List.of()))
			.isEqualTo(new ExitStatus(Status.ACTIVE, 0, 0));
	}

	@Test
	void twentyFourMonthsWithoutTaxDueClearanceWhichWinsOverAbnormal() {
		// 2024-02 起每月申报但缴 0 元；从未申报的话同样如此
		List<Filing> zero = filedWithTax("2024-03", "2026-02", 0);
		ExitStatus filedZero = CHAOYANG.evaluate(AS_OF, LocalDate.of(2024, 2, 1), zero);
		assertThat(filedZero).isEqualTo(new ExitStatus(Status.CLEARANCE_DUE, 0, 24));
		ExitStatus nothing = CHAOYANG.evaluate(AS_OF, LocalDate.of(2024, 2, 1), List.of());
		assertThat(nothing).isEqualTo(new ExitStatus(Status.CLEARANCE_DUE, 24, 24));
	}

	@Test
	void twentyThreeMonthsWithoutTaxAreNotYetClearance() {
		List<Filing> filings = new ArrayList<>(filedWithTax("2024-04", "2026-02", 0));
		filings.add(filing("2024-03", true, 100));
		ExitStatus status = CHAOYANG.evaluate(AS_OF, LocalDate.of(2024, 2, 1), filings);
		assertThat(status).isEqualTo(new ExitStatus(Status.ACTIVE, 0, 23));
	}

	@Test
	void payingZeroCountsAsNoTaxButAsAFiling() {
		List<Filing> filings = List.of(filing("2026-01", true, 0), filing("2026-02", true, 0));
		ExitStatus status = CHAOYANG.evaluate(AS_OF, LocalDate.of(2025, 12, 1), filings);
		assertThat(status).isEqualTo(new ExitStatus(Status.ACTIVE, 0, 2));
	}

	@Test
	void aFilingInBetweenResetsTheCount() {
		// 2025-01 … 2025-12 没有申报，2026-01 申报过一次，2026-02 又没有
		List<Filing> filings = List.of(filing("2024-12", true, 50), filing("2026-01", true, 80));
		ExitStatus status = CHAOYANG.evaluate(AS_OF, LocalDate.of(2024, 11, 20), filings);
		assertThat(status).isEqualTo(new ExitStatus(Status.ACTIVE, 1, 1));
	}

	@Test
	void anExplicitNonFilingCountsAsNoFiling() {
		List<Filing> filings = List.of(filing("2025-08", true, 10), filing("2025-12", false, 0));
		ExitStatus status = CHAOYANG.evaluate(AS_OF, LocalDate.of(2025, 1, 1), filings);
		assertThat(status).isEqualTo(new ExitStatus(Status.ABNORMAL, 6, 6));
	}

	@Test
	void filingsOutsideTheCompleteMonthsAreIgnored() {
		// 入孵当月与本月的申报都不算
		List<Filing> filings = List.of(filing("2025-08", true, 10), filing("2026-03", true, 10));
		ExitStatus status = CHAOYANG.evaluate(AS_OF, LocalDate.of(2025, 8, 3), filings);
		assertThat(status).isEqualTo(new ExitStatus(Status.ABNORMAL, 6, 6));
	}

	@Test
	void theRequestShapeOfTheContractIsUnderstood() {
		ExitStatus status = Packs.CHAOYANG.exitStatus(Scenario.JSON.readTree("""
				{"asOf": "2026-03-01", "admittedOn": "2023-05-10",
				 "filings": [{"period": "2025-01", "filed": true, "taxPaidCny": 0}]}
				"""));
		// 2025-02 … 2026-02：13 个月未申报；2023-06 … 2026-02：33 个月无税收贡献
		assertThat(status).isEqualTo(new ExitStatus(Status.CLEARANCE_DUE, 13, 33));
	}

	@Test
	void aPolicyWithoutExitThresholdsSaysSo() {
		TaxHistory history = TaxHistory.parse("{\"asOf\": \"2026-03-01\", \"admittedOn\": \"2023-05-10\"}");
		assertThatThrownBy(() -> Packs.LANZHOU.exitStatus(history)).isInstanceOf(NotDefinedByPolicyException.class)
			.hasMessageContaining("lanzhou-2018")
			.hasMessageContaining("退出阈值");
		assertThatThrownBy(() -> Packs.LIAONING.exitRule()).isInstanceOf(NotDefinedByPolicyException.class);
	}

	private static List<Filing> paidEachMonth(String from, String to) {
		return filedWithTax(from, to, 100);
	}

	private static List<Filing> filedWithTax(String from, String to, long tax) {
		List<Filing> filings = new ArrayList<>();
		for (YearMonth month = YearMonth.parse(from); !month.isAfter(YearMonth.parse(to)); month = month
			.plusMonths(1)) {
			filings.add(new Filing(month, true, BigDecimal.valueOf(tax)));
		}
		return filings;
	}

	private static Filing filing(String period, boolean filed, long tax) {
		return new Filing(YearMonth.parse(period), filed, BigDecimal.valueOf(tax));
	}

}
