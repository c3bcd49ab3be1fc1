package cn.zhongchuang.reference;

import java.time.LocalDate;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year-jumping calendar against plain day-by-day counting, from starts in 2022–2028
 * (so also in years without a loaded schedule). Fixed seed, a thousand cases each.
 */
class WorkingDayCalendarPropertyTests {

	private static final LocalDate ORIGIN = LocalDate.of(2022, 1, 1);

	private final WorkingDayCalendar calendar = WorkingDayCalendar.bundled();

	private final Random random = new Random(7_2026L);

	@Test
	void addingWorkingDaysAgreesWithDayByDayCounting() {
		for (int i = 0; i < 1000; i++) {
			LocalDate from = ORIGIN.plusDays(this.random.nextInt(7 * 365));
			int n = this.random.nextInt(1201) - 600;
			WorkingDayResult result = this.calendar.addWorkingDays(from, n);

			LocalDate day = from;
			SortedSet<Integer> touched = new TreeSet<>();
			int step = (n >= 0) ? 1 : -1;
			for (int found = 0; found < Math.abs(n);) {
				day = day.plusDays(step);
				touched.add(day.getYear());
				if (this.calendar.isWorkingDay(day)) {
					found++;
				}
			}
			touched.removeAll(this.calendar.loadedYears());
			assertThat(result.date()).as("%s + %d", from, n).isEqualTo(day);
			assertThat(result.yearsWithoutSchedule()).isEqualTo(touched);
		}
	}

	@Test
	void countingInvertsAdding() {
		for (int i = 0; i < 1000; i++) {
			LocalDate from = ORIGIN.plusDays(this.random.nextInt(7 * 365));
			int n = 1 + this.random.nextInt(600);
			WorkingDayResult forward = this.calendar.addWorkingDays(from, n);
			assertThat(this.calendar.isWorkingDay(forward.date())).isTrue();
			WorkingDayCount count = this.calendar.countWorkingDays(from, forward.date());
			assertThat(count.days()).isEqualTo(n);
			assertThat(count.yearsWithoutSchedule()).isEqualTo(forward.yearsWithoutSchedule());

			LocalDate back = this.calendar.addWorkingDays(from, -n).date();
			assertThat(this.calendar.isWorkingDay(back)).isTrue();
			assertThat(this.calendar.workingDaysBetween(back.minusDays(1), from.minusDays(1))).isEqualTo(n);
		}
	}

}
