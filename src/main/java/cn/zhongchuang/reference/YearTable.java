package cn.zhongchuang.reference;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;

/**
 * 一年的工作日表，预先算好累计数，使判断与计数都是 O(1)、按第 n 个工作日查找是 O(log 366)。
 */
final class YearTable {

	private final int year;

	private final boolean scheduled;

	/** cumulative[d] = 本年第 1..d 天中的工作日数；cumulative[0] = 0。 */
	private final int[] cumulative;

	private YearTable(int year, boolean scheduled, boolean[] working) {
		this.year = year;
		this.scheduled = scheduled;
		this.cumulative = new int[working.length + 1];
		for (int i = 0; i < working.length; i++) {
			this.cumulative[i + 1] = this.cumulative[i] + (working[i] ? 1 : 0);
		}
	}

	/** 未导入安排的年份：只按周一至周五推算。 */
	static YearTable plain(int year) {
		return new YearTable(year, false, weekdays(year));
	}

	static YearTable of(HolidaySchedule schedule) {
		boolean[] working = weekdays(schedule.year());
		for (Map.Entry<LocalDate, Boolean> day : schedule.days().entrySet()) {
			working[day.getKey().getDayOfYear() - 1] = !day.getValue();
		}
		return new YearTable(schedule.year(), true, working);
	}

	private static boolean[] weekdays(int year) {
		boolean[] working = new boolean[Year.of(year).length()];
		// 1 月 1 日是星期几（1=周一 … 7=周日），之后按 7 天循环
		int first = LocalDate.of(year, 1, 1).getDayOfWeek().getValue();
		for (int i = 0; i < working.length; i++) {
			int dow = (first - 1 + i) % 7 + 1;
			working[i] = dow <= 5;
		}
		return working;
	}

	int year() {
		return this.year;
	}

	boolean scheduled() {
		return this.scheduled;
	}

	int length() {
		return this.cumulative.length - 1;
	}

	boolean isWorking(int dayOfYear) {
		return this.cumulative[dayOfYear] > this.cumulative[dayOfYear - 1];
	}

	/** 本年第 1..dayOfYear 天中的工作日数（dayOfYear 可为 0）。 */
	int countThrough(int dayOfYear) {
		return this.cumulative[dayOfYear];
	}

	int total() {
		return this.cumulative[length()];
	}

	/** 本年第 k 个工作日是第几天（1 ≤ k ≤ total）。 */
	int nthWorkingDay(int k) {
		// 累计数非递减：找第一个 cumulative[d] >= k 的 d（下界二分），它就是第 k 个工作日
		int low = 1;
		int high = length();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.cumulative[mid] < k) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

}
