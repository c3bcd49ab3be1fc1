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

}
