package cn.zhongchuang.reference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * 期望值均按随包 JSON 与"其余日期周一至周五上班"手算：先写出相关日期的星期（如 2025-10-01 为周三）， 划掉 JSON 中 isOffDay=true
 * 的日期、补上 isOffDay=false 的周末，再从起点次日起逐日数。
 */
class WorkingDayCalendarTests {

	private final WorkingDayCalendar calendar = WorkingDayCalendar.bundled();

	@Test
	void bundledCalendarLoadsThreeYears() {
		assertThat(this.calendar.loadedYears()).containsExactly(2024, 2025, 2026);
		assertThat(this.calendar.schedules()).extracting(HolidaySchedule::year).containsExactly(2024, 2025, 2026);
	}

	@Test
	void nationalDay2025MakeUpWeekendsAreWorkingDays() {
		LocalDate sunday = LocalDate.of(2025, 9, 28);
		LocalDate saturday = LocalDate.of(2025, 10, 11);
		assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		assertThat(this.calendar.isWorkingDay(sunday)).isTrue();
		assertThat(this.calendar.isWorkingDay(saturday)).isTrue();
	}

	@Test
	void nationalDay2025HolidayIsOffForEightDays() {
		for (LocalDate d = LocalDate.of(2025, 10, 1); !d.isAfter(LocalDate.of(2025, 10, 8)); d = d.plusDays(1)) {
			assertThat(this.calendar.isWorkingDay(d)).as(d.toString()).isFalse();
		}
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 9, 30))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 10, 9))).isTrue();
	}

	@Test
	void springFestival2026MakeUpSaturdaysAreWorkingDays() {
		assertThat(LocalDate.of(2026, 2, 14).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		assertThat(LocalDate.of(2026, 2, 28).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
	}

	@Test
	void springFestival2026HolidayIsOffForNineDays() {
		for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
			assertThat(this.calendar.isWorkingDay(d)).as(d.toString()).isFalse();
		}
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
	}

	@Test
	void ordinaryWeekendIsOffAndOrdinaryWeekdayIsWorking() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 3, 15))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 3, 17))).isTrue();
	}

	/*
	 * 2025 春节：1-24 周五，1-25 周六休，1-26 周日调休上班，1-27 周一，1-28…2-4 放假，2-5 周三起上班， 2-8 周六调休上班，2-9
	 * 周日休，2-10 周一。从 1-24 起：1-26(1) 1-27(2) 2-5(3) 2-6(4) 2-7(5) 2-8(6) 2-10(7)。 2025
	 * 国庆中秋：9-26 周五，9-27 周六休，9-28 周日上班，9-29、9-30 上班，10-1…10-8 放假，10-9 周四、10-10 周五上班， 10-11
	 * 周六上班，10-12 周日休。从 9-26 起：9-28(1) 9-29(2) 9-30(3) 10-9(4) 10-10(5) 10-11(6) 10-13(7)。
	 * 2026 春节：2-1 为周日，2-12 周四，2-13 周五，2-14 周六上班，2-15…2-23 放假，2-24 周二起上班，2-28 周六上班， 3-1
	 * 周日休。从 2-12 起：2-13(1) 2-14(2) 2-24(3) 2-25(4) 2-26(5) 2-27(6) 2-28(7) 3-2(8)。 2026
	 * 国庆：9-1 为周二，9-29 周二，9-30 周三，10-1…10-7 放假，10-8 周四、10-9 周五上班，10-10 周六上班， 10-11 周日休。从
	 * 9-29 起：9-30(1) 10-8(2) 10-9(3) 10-10(4) 10-12(5)。
	 */
	@ParameterizedTest(name = "{0} 加 {1} 个工作日 = {2}")
	@CsvSource(textBlock = """
			2025-01-24, 1, 2025-01-26
			2025-01-24, 2, 2025-01-27
			2025-01-24, 3, 2025-02-05
			2025-01-24, 6, 2025-02-08
			2025-01-24, 7, 2025-02-10
			2025-09-26, 1, 2025-09-28
			2025-09-26, 3, 2025-09-30
			2025-09-26, 4, 2025-10-09
			2025-09-26, 6, 2025-10-11
			2025-09-26, 7, 2025-10-13
			2026-02-12, 2, 2026-02-14
			2026-02-12, 3, 2026-02-24
			2026-02-12, 7, 2026-02-28
			2026-02-12, 8, 2026-03-02
			2026-09-29, 1, 2026-09-30
			2026-09-29, 2, 2026-10-08
			2026-09-29, 4, 2026-10-10
			2026-09-29, 5, 2026-10-12
			2025-10-01, 1, 2025-10-09
			2026-10-08, -1, 2026-09-30
			2026-10-08, -2, 2026-09-29
			2025-02-05, -1, 2025-01-27
			2025-02-05, -3, 2025-01-24
			""")
	void addingWorkingDaysAcrossHolidays(LocalDate from, int n, LocalDate expected) {
		WorkingDayResult result = this.calendar.addWorkingDays(from, n);
		assertThat(result.date()).isEqualTo(expected);
		assertThat(result.yearsWithoutSchedule()).isEmpty();
		assertThat(result.complete()).isTrue();
		assertThat(result.warning()).isNull();
	}

	@Test
	void fiveWorkingDayNoticeStartingBeforeNationalDayEndsAfterIt() {
		// 9-30（周二）发布公示 5 个工作日：10-9(1) 10-10(2) 10-11 周六调休(3) 10-13(4) 10-14(5)
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 5).date())
			.isEqualTo(LocalDate.of(2025, 10, 14));
	}

	@Test
	void fridayPlusOneIsMonday() {
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2025, 3, 14), 1).date())
			.isEqualTo(LocalDate.of(2025, 3, 17));
	}

	@Test
	void zeroReturnsTheStartDayUnchangedEvenOnAHoliday() {
		WorkingDayResult result = this.calendar.addWorkingDays(LocalDate.of(2025, 10, 1), 0);
		assertThat(result.date()).isEqualTo(LocalDate.of(2025, 10, 1));
		assertThat(result.yearsWithoutSchedule()).isEmpty();
	}

	@Test
	void computationReaching2027ReportsTheMissingYear() {
		// 2026-12-30 周三：12-31 周四(1)；2027 未导入，按周一至周五：1-1 周五(2) 1-4(3) 1-5(4) 1-6(5)
		WorkingDayResult result = this.calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 5);
		assertThat(result.date()).isEqualTo(LocalDate.of(2027, 1, 6));
		assertThat(result.yearsWithoutSchedule()).containsExactly(2027);
		assertThat(result.complete()).isFalse();
		assertThat(result.warning()).isEqualTo("2027年的节假日安排尚未导入，已按周一至周五上班推算，结果可能不准确");
	}

	@Test
	void computationStayingInTheLoadedYearDoesNotReportTheNextOne() {
		// 12-31 本身不计入，也不看 2027 的任何一天
		WorkingDayResult result = this.calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 1);
		assertThat(result.date()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(result.yearsWithoutSchedule()).isEmpty();
	}

	@Test
	void countingBackwardsInto2023ReportsIt() {
		// 2024-01-01 元旦放假；2023-12-31 周日、12-30 周六；12-29 周五(1)、12-28 周四(2)
		WorkingDayResult result = this.calendar.addWorkingDays(LocalDate.of(2024, 1, 2), -2);
		assertThat(result.date()).isEqualTo(LocalDate.of(2023, 12, 28));
		assertThat(result.yearsWithoutSchedule()).containsExactly(2023);
	}

	@Test
	void computationSpanningSeveralMissingYearsListsThemAll() {
		WorkingDayResult result = this.calendar.addWorkingDays(LocalDate.of(2026, 6, 1), 700);
		assertThat(result.yearsWithoutSchedule()).containsExactly(2027, 2028, 2029);
		assertThat(result.warning()).startsWith("2027年、2028年、2029年的节假日安排尚未导入");
	}

	@Test
	void loadingNextYearRemovesTheWarning() {
		WorkingDayCalendar with2027 = this.calendar
			.withSchedule(HolidayScheduleTests.parse(HolidayScheduleTests.json(2027, "2027-01-01", true)));
		WorkingDayResult result = with2027.addWorkingDays(LocalDate.of(2026, 12, 31), 1);
		assertThat(result.date()).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(result.yearsWithoutSchedule()).isEmpty();
		assertThat(with2027.loadedYears()).containsExactly(2024, 2025, 2026, 2027);
		// 原实例不变
		assertThat(this.calendar.loadedYears()).containsExactly(2024, 2025, 2026);
	}

	@Test
	void workingDaysInOctober2025() {
		// 10 月共 23 个周一至周五，减去放假的 10-1、2、3、6、7、8（6 天），加上 10-11 周六调休：18
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 31)))
			.isEqualTo(18);
	}

	@Test
	void workingDaysInWholeYears() {
		// 2025：周一至周五 261 天，落在工作日的放假 18 天（元旦 1、春节 6、清明 1、劳动节 3、端午 1、国庆 6），调休上班 5 天 → 248
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)))
			.isEqualTo(248);
		// 2026：周一至周五 261 天，放假 19 天（元旦 2、春节 6、清明 1、劳动节 3、端午 1、中秋 1、国庆 5），调休上班 6 天 → 248
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
			.isEqualTo(248);
	}

	@Test
	void reversedOrEmptyIntervals() {
		LocalDate a = LocalDate.of(2025, 9, 30);
		LocalDate b = LocalDate.of(2025, 10, 31);
		assertThat(this.calendar.workingDaysBetween(b, a)).isEqualTo(-18);
		assertThat(this.calendar.workingDaysBetween(a, a)).isZero();
	}

	@Test
	void countingIntoAMissingYearReportsIt() {
		WorkingDayCount count = this.calendar.countWorkingDays(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 6));
		assertThat(count.days()).isEqualTo(5);
		assertThat(count.yearsWithoutSchedule()).containsExactly(2027);
		assertThat(this.calendar.countWorkingDays(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31)).complete())
			.isTrue();
	}

	@Test
	void calendarRejectsTwoSchedulesForTheSameYear() {
		HolidaySchedule a = HolidayScheduleTests.parse(HolidayScheduleTests.json(2027, "2027-01-01", true));
		HolidaySchedule b = HolidayScheduleTests.parse(HolidayScheduleTests.json(2027, "2027-01-02", true));
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingDayCalendar.of(List.of(a, b)))
			.withMessage("2027 年的节假日安排重复");
	}

	@Test
	void absurdArgumentsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.addWorkingDays(LocalDate.of(2025, 1, 1), Integer.MAX_VALUE));
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addWorkingDays(LocalDate.MAX, 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.addWorkingDays(LocalDate.of(9999, 12, 31), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addWorkingDays(null, 1));
	}

}
