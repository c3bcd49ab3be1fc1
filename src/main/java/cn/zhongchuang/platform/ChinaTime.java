package cn.zhongchuang.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Beijing time, the zone every policy document counts days and months in. */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}

	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/** A date as pages and texts show it: 2026年12月1日 (empty for none). */
	public static String format(LocalDate date) {
		return (date != null) ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日" : "";
	}

}
