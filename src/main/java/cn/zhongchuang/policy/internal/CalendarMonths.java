package cn.zhongchuang.policy.internal;

import java.time.Year;

/**
 * 日历整月的计算，口径见 policy-api.md：2025-03-01 起运营，到 2026-03-01 满 12 个月，到 2026-02-28 只有 11
 * 个月；租期计入到期日当天，2023-01-01 至 2025-12-31 为 36 个月。
 * <p>
 * 与 {@code ChronoUnit.MONTHS.between} 的结果相同，但直接在规范日期字符串上计算，不创建对象： 它在每次资格判断中都会被调用。
 */
public final class CalendarMonths {

	private CalendarMonths() {
	}

	/**
	 * 两个日期之间的整月数（结束日的日号小于开始日的日号时，最后一个月不算满）。
	 * @param from 开始日期（yyyy-MM-dd）
	 * @param to 结束日期（yyyy-MM-dd）
	 * @return 整月数，{@code to} 早于 {@code from} 时为负
	 */
	public static long monthsBetween(String from, String to) {
		return monthsBetween(parse(from), parse(to));
	}

	/**
	 * 租期的整月数，计入到期日当天。
	 * @param start 起租日
	 * @param end 到期日（含）
	 * @return 整月数
	 */
	public static long leaseMonths(String start, String end) {
		long packedEnd = parse(end);
		int year = (int) (packedEnd >> 9);
		int month = (int) ((packedEnd >> 5) & 15);
		int day = (int) (packedEnd & 31);
		int length = lengthOfMonth(year, month);
		if (day > length) {
			throw RuleError.invalid("日期不存在：" + end);
		}
		long dayAfter = (day < length) ? pack(year, month, day + 1)
				: (month < 12) ? pack(year, month + 1, 1) : pack(year + 1, 1, 1);
		return monthsBetween(parse(start), dayAfter);
	}

	/** 是否为存在的 yyyy-MM-dd 日期（不创建对象：每份申报事实有多个日期要校验）。 */
	static boolean isDate(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return false;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month);
	}

	/** 是否为存在的 yyyy-MM 月份。 */
	static boolean isYearMonth(String text) {
		if (text.length() != 7 || text.charAt(4) != '-') {
			return false;
		}
		int month = digits(text, 5, 7);
		return digits(text, 0, 4) >= 0 && month >= 1 && month <= 12;
	}

	/** 是否为 count 位数字。 */
	static boolean isDigits(String text, int count) {
		return text.length() == count && digits(text, 0, count) >= 0;
	}

	private static int lengthOfMonth(int year, int month) {
		return switch (month) {
			case 2 -> Year.isLeap(year) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	private static long monthsBetween(long from, long to) {
		// 与 LocalDate.until(…, MONTHS) 相同：按"月序号×32＋日"相减后整除 32（向零取整）
		long packedFrom = prolepticMonth(from) * 32 + (from & 31);
		long packedTo = prolepticMonth(to) * 32 + (to & 31);
		return (packedTo - packedFrom) / 32;
	}

	private static long prolepticMonth(long packed) {
		return (packed >> 9) * 12 + ((packed >> 5) & 15) - 1;
	}

	/** 把 yyyy-MM-dd 打包成 年<<9 | 月<<5 | 日。事实已校验过日期，这里只防规则里写错的字面量。 */
	private static long parse(String date) {
		if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
			throw RuleError.invalid("日期应为 YYYY-MM-DD：" + date);
		}
		int year = digits(date, 0, 4);
		int month = digits(date, 5, 7);
		int day = digits(date, 8, 10);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
			throw RuleError.invalid("日期不存在：" + date);
		}
		return pack(year, month, day);
	}

	private static long pack(int year, int month, int day) {
		return ((long) year << 9) | (month << 5) | day;
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
