package cn.zhongchuang.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * 工作日历：已导入安排的年份按国务院节假日安排，其余年份按周一至周五推算，并在结果中列出这些年份，由调用方提示用户， 而不是悄悄假定。
 * <p>
 * 不可变、线程安全：导入新年份时用 {@link #withSchedule(HolidaySchedule)} 得到新实例再整体替换。每个已导入年份在构造时
 * 预先算好累计工作日数，列表页频繁调用也只是数组查找。
 */
public final class WorkingDayCalendar {

	/** 随程序发布的年份，对应 {@code reference/holidays/<年>.json}；每年发布新版时在此追加。 */
	static final List<Integer> BUNDLED_YEARS = List.of(2024, 2025, 2026);

	/** 单次推算的工作日数上限（约 400 年），挡住接口传入的离谱参数。 */
	static final int MAX_WORKING_DAYS = 100_000;

	private static final int MIN_SUPPORTED_YEAR = 1;

	private static final int MAX_SUPPORTED_YEAR = 9999;

	private final Map<Integer, HolidaySchedule> schedules;

	private final Map<Integer, YearTable> tables;

	private WorkingDayCalendar(Map<Integer, HolidaySchedule> schedules) {
		this.schedules = Collections.unmodifiableMap(schedules);
		Map<Integer, YearTable> tables = new HashMap<>();
		schedules.forEach((year, schedule) -> tables.put(year, YearTable.of(schedule)));
		this.tables = Collections.unmodifiableMap(tables);
	}

	/**
	 * @throws IllegalArgumentException 同一年份出现两次（不知该用哪份）
	 */
	public static WorkingDayCalendar of(Collection<HolidaySchedule> schedules) {
		Map<Integer, HolidaySchedule> byYear = new HashMap<>();
		for (HolidaySchedule schedule : schedules) {
			if (byYear.put(schedule.year(), schedule) != null) {
				throw new IllegalArgumentException(schedule.year() + " 年的节假日安排重复");
			}
		}
		return new WorkingDayCalendar(byYear);
	}

	/** 随程序发布的 2024–2026 年安排（数据来自 holiday-cn，MIT 许可）。 */
	public static WorkingDayCalendar bundled() {
		return Bundled.INSTANCE;
	}

	/** 返回加入（或替换）某一年安排后的新日历，原实例不变。 */
	public WorkingDayCalendar withSchedule(HolidaySchedule schedule) {
		Map<Integer, HolidaySchedule> copy = new HashMap<>(this.schedules);
		copy.put(schedule.year(), schedule);
		return new WorkingDayCalendar(copy);
	}

	/** 已导入安排的年份。 */
	public SortedSet<Integer> loadedYears() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.schedules.keySet()));
	}

	/** 已导入的安排（按年份排序），供持久化或展示。 */
	public List<HolidaySchedule> schedules() {
		return this.schedules.values()
			.stream()
			.sorted((a, b) -> Integer.compare(a.year(), b.year()))
			.collect(Collectors.toUnmodifiableList());
	}

	/** 是否工作日；未导入安排的年份按周一至周五判断（需要提醒时请看 {@link #loadedYears()}）。 */
	public boolean isWorkingDay(LocalDate date) {
		if (date == null) {
			throw new IllegalArgumentException("日期不能为空");
		}
		YearTable table = this.tables.get(date.getYear());
		if (table != null) {
			return table.isWorking(date.getDayOfYear());
		}
		DayOfWeek dow = date.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}

	/**
	 * {@code from} 之后的第 {@code n} 个工作日（{@code from} 本身不计，无论它是否工作日）：周五加 1 个工作日是下周一，
	 * 节前最后一天加 1 是节后第一个工作日。{@code n < 0} 时向前数：{@code from} 之前的第 |n| 个工作日。 {@code n == 0}
	 * 原样返回 {@code from}（不顺延到工作日），且不报告缺失年份——没有查看任何一天。
	 * @throws IllegalArgumentException |n| 超过 {@value #MAX_WORKING_DAYS}，或日期超出 1–9999 年
	 */
	public WorkingDayResult addWorkingDays(LocalDate from, int n) {
		requireSupported(from);
		if (n < -MAX_WORKING_DAYS || n > MAX_WORKING_DAYS) {
			throw new IllegalArgumentException("工作日数应在 ±" + MAX_WORKING_DAYS + " 以内");
		}
		if (n == 0) {
			return new WorkingDayResult(from, Collections.emptySortedSet());
		}
		return (n > 0) ? forward(from, n) : backward(from, -n);
	}

	private WorkingDayResult forward(LocalDate from, int n) {
		SortedSet<Integer> missing = new TreeSet<>();
		int year = from.getYear();
		// 已看过本年的第 1..seen 天；接下来看 seen+1 起
		int seen = from.getDayOfYear();
		int remaining = n;
		while (true) {
			YearTable table = table(year);
			if (seen < table.length() && !table.scheduled()) {
				missing.add(year);
			}
			int available = table.total() - table.countThrough(seen);
			if (remaining <= available) {
				int day = table.nthWorkingDay(table.countThrough(seen) + remaining);
				return new WorkingDayResult(LocalDate.ofYearDay(year, day), missing);
			}
			remaining -= available;
			year++;
			seen = 0;
			requireSupported(year);
		}
	}

	private WorkingDayResult backward(LocalDate from, int n) {
		SortedSet<Integer> missing = new TreeSet<>();
		int year = from.getYear();
		// 本年第 1..before 天尚未看过，从 before 往前看
		int before = from.getDayOfYear() - 1;
		int remaining = n;
		while (true) {
			YearTable table = table(year);
			if (before < 0) {
				// 跨入上一年：从该年最后一天往前看
				before = table.length();
			}
			if (before > 0 && !table.scheduled()) {
				missing.add(year);
			}
			int available = table.countThrough(before);
			if (remaining <= available) {
				int day = table.nthWorkingDay(available - remaining + 1);
				return new WorkingDayResult(LocalDate.ofYearDay(year, day), missing);
			}
			remaining -= available;
			year--;
			requireSupported(year);
			before = -1;
		}
	}

	/**
	 * {@code fromExclusive}（不含）至 {@code toInclusive}（含）之间的工作日数：与 {@link #addWorkingDays}
	 * 对应， {@code workingDaysBetween(d, addWorkingDays(d, n).date()) == n}（n ≥
	 * 0）。倒置的区间返回负数。
	 */
	public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		return countWorkingDays(fromExclusive, toInclusive).days();
	}

	/** 同 {@link #workingDaysBetween}，另列出区间经过、但未导入安排的年份。 */
	public WorkingDayCount countWorkingDays(LocalDate fromExclusive, LocalDate toInclusive) {
		requireSupported(fromExclusive);
		requireSupported(toInclusive);
		int order = fromExclusive.compareTo(toInclusive);
		if (order == 0) {
			return new WorkingDayCount(0, Collections.emptySortedSet());
		}
		if (order > 0) {
			WorkingDayCount reversed = countWorkingDays(toInclusive, fromExclusive);
			return new WorkingDayCount(-reversed.days(), reversed.yearsWithoutSchedule());
		}
		SortedSet<Integer> missing = new TreeSet<>();
		int days = 0;
		for (int year = fromExclusive.getYear(); year <= toInclusive.getYear(); year++) {
			YearTable table = table(year);
			int start = (year == fromExclusive.getYear()) ? fromExclusive.getDayOfYear() : 0;
			int end = (year == toInclusive.getYear()) ? toInclusive.getDayOfYear() : table.length();
			if (end > start && !table.scheduled()) {
				missing.add(year);
			}
			days += table.countThrough(end) - table.countThrough(start);
		}
		return new WorkingDayCount(days, missing);
	}

	private YearTable table(int year) {
		YearTable table = this.tables.get(year);
		// 未导入的年份临时按周一至周五建表：约 366 次运算，不缓存以免任意年份把内存撑大
		return (table != null) ? table : YearTable.plain(year);
	}

	private static void requireSupported(LocalDate date) {
		if (date == null) {
			throw new IllegalArgumentException("日期不能为空");
		}
		requireSupported(date.getYear());
	}

	private static void requireSupported(int year) {
		if (year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) {
			throw new IllegalArgumentException("日期超出支持范围（" + MIN_SUPPORTED_YEAR + "–" + MAX_SUPPORTED_YEAR + " 年）");
		}
	}

	static String missingScheduleWarning(SortedSet<Integer> years) {
		if (years.isEmpty()) {
			return null;
		}
		String list = years.stream().map((y) -> y + "年").collect(Collectors.joining("、"));
		return list + "的节假日安排尚未导入，已按周一至周五上班推算，结果可能不准确";
	}

	/** 延迟加载：只有用到时才解析随包的 JSON。 */
	private static final class Bundled {

		static final WorkingDayCalendar INSTANCE = load();

		private static WorkingDayCalendar load() {
			List<HolidaySchedule> schedules = new ArrayList<>();
			for (int year : BUNDLED_YEARS) {
				String resource = "/reference/holidays/" + year + ".json";
				try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(resource)) {
					if (in == null) {
						throw new IllegalStateException("缺少随包数据 " + resource);
					}
					schedules.add(HolidaySchedule.parse(in));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return of(schedules);
		}

	}

}
