package cn.zhongchuang.reference;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * 区间内工作日数。
 *
 * @param days 工作日数（区间倒置时为负数）
 * @param yearsWithoutSchedule 区间经过、但未导入节假日安排的年份
 */
public record WorkingDayCount(int days, SortedSet<Integer> yearsWithoutSchedule) {

	public WorkingDayCount {
		yearsWithoutSchedule = Collections.unmodifiableSortedSet(new TreeSet<>(yearsWithoutSchedule));
	}

	/** 区间经过的年份都已导入安排时为 {@code true}。 */
	public boolean complete() {
		return this.yearsWithoutSchedule.isEmpty();
	}

	/** 给用户看的提醒；{@link #complete()} 时为 {@code null}。 */
	public String warning() {
		return WorkingDayCalendar.missingScheduleWarning(this.yearsWithoutSchedule);
	}

}
