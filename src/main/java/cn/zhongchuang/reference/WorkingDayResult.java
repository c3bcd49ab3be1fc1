package cn.zhongchuang.reference;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * 工作日推算的结果。
 *
 * @param date 推算出的日期
 * @param yearsWithoutSchedule 推算经过、但未导入节假日安排的年份（这些年份只按周一至周五推算，结果可能不准）
 */
public record WorkingDayResult(LocalDate date, SortedSet<Integer> yearsWithoutSchedule) {

	public WorkingDayResult {
		yearsWithoutSchedule = Collections.unmodifiableSortedSet(new TreeSet<>(yearsWithoutSchedule));
	}

	/** 推算经过的年份都已导入安排时为 {@code true}。 */
	public boolean complete() {
		return this.yearsWithoutSchedule.isEmpty();
	}

	/** 给用户看的提醒；{@link #complete()} 时为 {@code null}。 */
	public String warning() {
		return WorkingDayCalendar.missingScheduleWarning(this.yearsWithoutSchedule);
	}

}
