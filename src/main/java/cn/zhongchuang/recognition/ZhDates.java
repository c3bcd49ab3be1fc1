package cn.zhongchuang.recognition;

import java.time.LocalDate;

/** 2026年11月22日. */
final class ZhDates {

	private ZhDates() {
	}

	static String format(LocalDate date) {
		return (date != null) ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日" : "";
	}

}
