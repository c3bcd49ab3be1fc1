package cn.zhongchuang.reference;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一年的国务院节假日安排（holiday-cn 的 JSON 格式）：列出的日期为放假日（{@code true}）或周末调休上班日（{@code false}），
 * 其余日期按周一至周五上班。
 * <p>
 * 管理员每年秋天通过界面上传下一年的文件，所以这里严格校验，错误信息用中文直接展示给管理员。构造时即校验， 手工构造的实例与解析得到的同样可靠。
 *
 * @param year 年份
 * @param days 日期 → 是否放假（按日期排序，不可修改）
 */
public record HolidaySchedule(int year, Map<LocalDate, Boolean> days) {

	static final int MIN_YEAR = 1949;

	static final int MAX_YEAR = 2199;

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	public HolidaySchedule {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new IllegalArgumentException("年份 " + year + " 超出支持范围（" + MIN_YEAR + "–" + MAX_YEAR + "）");
		}
		if (days == null || days.isEmpty()) {
			// 空安排会让"未导入该年"的提醒消失却不含任何假日，多半是上传错了文件
			throw new IllegalArgumentException(year + " 年的节假日安排没有列出任何日期");
		}
		TreeMap<LocalDate, Boolean> sorted = new TreeMap<>();
		for (Map.Entry<LocalDate, Boolean> entry : days.entrySet()) {
			LocalDate date = entry.getKey();
			Boolean offDay = entry.getValue();
			if (date == null || offDay == null) {
				throw new IllegalArgumentException("节假日安排中有空的日期或空的放假标记");
			}
			if (date.getYear() != year) {
				throw new IllegalArgumentException("日期 " + date + " 不在 " + year + " 年内");
			}
			if (!offDay && !isWeekend(date)) {
				throw new IllegalArgumentException(
						"日期 " + date + " 是" + weekdayName(date) + "，本来就上班，不能登记为调休上班日（调休上班日只能在周六或周日）");
			}
			sorted.put(date, offDay);
		}
		days = Collections.unmodifiableSortedMap(sorted);
	}

	/**
	 * 解析 holiday-cn 格式的 JSON：顶层 year 与 days 列表，每天含 name、date、isOffDay。
	 * 其他字段（$schema、papers 等）忽略。不关闭传入的流。
	 * @throws IllegalArgumentException 内容不合规，消息为中文
	 */
	public static HolidaySchedule parse(InputStream json) {
		if (json == null) {
			throw new IllegalArgumentException("节假日文件为空");
		}
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("节假日文件不是有效的 JSON：" + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("节假日文件应为 JSON 对象");
		}
		JsonNode yearNode = root.get("year");
		if (yearNode == null || !yearNode.isIntegralNumber() || !yearNode.canConvertToInt()) {
			throw new IllegalArgumentException("缺少 year 字段或 year 不是整数");
		}
		JsonNode daysNode = root.get("days");
		if (daysNode == null || !daysNode.isArray()) {
			throw new IllegalArgumentException("缺少 days 字段或 days 不是数组");
		}
		Map<LocalDate, Boolean> days = new TreeMap<>();
		int index = 0;
		for (JsonNode day : daysNode.values()) {
			index++;
			String where = "days 第 " + index + " 项";
			if (!day.isObject()) {
				throw new IllegalArgumentException(where + "应为对象");
			}
			JsonNode dateNode = day.get("date");
			if (dateNode == null || !dateNode.isString()) {
				throw new IllegalArgumentException(where + "缺少 date 字段");
			}
			LocalDate date;
			try {
				date = LocalDate.parse(dateNode.stringValue());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(where + "的日期“" + dateNode.stringValue() + "”格式错误，应为 YYYY-MM-DD");
			}
			JsonNode offNode = day.get("isOffDay");
			if (offNode == null || !offNode.isBoolean()) {
				throw new IllegalArgumentException(where + "（" + date + "）缺少 isOffDay 字段或其值不是 true/false");
			}
			if (days.put(date, offNode.booleanValue()) != null) {
				throw new IllegalArgumentException("日期 " + date + " 重复出现");
			}
		}
		return new HolidaySchedule(yearNode.intValue(), days);
	}

	static boolean isWeekend(LocalDate date) {
		DayOfWeek dow = date.getDayOfWeek();
		return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
	}

	private static String weekdayName(LocalDate date) {
		return switch (date.getDayOfWeek()) {
			case MONDAY -> "星期一";
			case TUESDAY -> "星期二";
			case WEDNESDAY -> "星期三";
			case THURSDAY -> "星期四";
			case FRIDAY -> "星期五";
			case SATURDAY -> "星期六";
			case SUNDAY -> "星期日";
		};
	}

}
