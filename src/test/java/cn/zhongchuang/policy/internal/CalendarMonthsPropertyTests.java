package cn.zhongchuang.policy.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation-free whole-month arithmetic agrees with java.time on random dates (fixed
 * seed).
 */
class CalendarMonthsPropertyTests {

	@Test
	void agreesWithJavaTime() {
		Random random = new Random(2000_2040L);
		LocalDate origin = LocalDate.of(2000, 1, 1);
		int span = (int) ChronoUnit.DAYS.between(origin, LocalDate.of(2040, 12, 31));
		for (int i = 0; i < 3000; i++) {
			LocalDate from = origin.plusDays(random.nextInt(span + 1));
			LocalDate to = origin.plusDays(random.nextInt(span + 1));
			assertThat(CalendarMonths.monthsBetween(from.toString(), to.toString())).as("%s → %s", from, to)
				.isEqualTo(ChronoUnit.MONTHS.between(from, to));
			assertThat(CalendarMonths.leaseMonths(from.toString(), to.toString())).as("%s → %s", from, to)
				.isEqualTo(ChronoUnit.MONTHS.between(from, to.plusDays(1)));
		}
	}

}
