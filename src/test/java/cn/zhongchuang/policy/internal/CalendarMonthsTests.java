package cn.zhongchuang.policy.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 整月与租期的口径（policy-api.md）：整月按日历计，租期计入到期日。
 */
class CalendarMonthsTests {

	@ParameterizedTest(name = "{0} 至 {1}：{2} 个月")
	@CsvSource(textBlock = """
			2025-03-01, 2026-03-01, 12
			2025-03-01, 2026-02-28, 11
			2025-03-01, 2025-03-31, 0
			2025-01-31, 2025-02-28, 0
			2025-01-31, 2025-03-31, 2
			2024-02-29, 2025-02-28, 11
			2024-02-29, 2025-03-01, 12
			2026-03-01, 2025-03-01, -12
			""")
	void wholeCalendarMonthsBetweenTwoDates(String from, String to, long months) {
		assertThat(CalendarMonths.monthsBetween(from, to)).isEqualTo(months);
	}

	@ParameterizedTest(name = "{0} 至 {1}：{2} 个月")
	@CsvSource(textBlock = """
			2023-01-01, 2025-12-31, 36
			2023-01-01, 2025-12-30, 35
			2023-12-01, 2028-11-30, 60
			2024-03-01, 2027-02-28, 36
			2024-02-29, 2027-02-28, 36
			""")
	void aLeaseTermCountsItsEndDate(String start, String end, long months) {
		assertThat(CalendarMonths.leaseMonths(start, end)).isEqualTo(months);
	}

	@ParameterizedTest
	@CsvSource({ "2025-1-1", "2025-13-01", "20250101", "2025-02-32" })
	void aMalformedDateWrittenInARuleIsARuleError(String date) {
		assertThatThrownBy(() -> CalendarMonths.monthsBetween(date, "2026-01-01")).isInstanceOf(RuleError.class);
	}

}
