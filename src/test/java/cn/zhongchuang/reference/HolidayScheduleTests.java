package cn.zhongchuang.reference;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayScheduleTests {

	@ParameterizedTest
	@ValueSource(ints = { 2024, 2025, 2026 })
	void bundledFilesParse(int year) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/reference/holidays/" + year + ".json")) {
			HolidaySchedule schedule = HolidaySchedule.parse(in);
			assertThat(schedule.year()).isEqualTo(year);
			assertThat(schedule.days()).isNotEmpty();
		}
	}

	@Test
	void parsesOffDaysAndMakeUpDaysAndIgnoresOtherFields() {
		HolidaySchedule schedule = parse("""
				{"$schema": "x", "year": 2025, "papers": ["https://www.gov.cn/"], "days": [
				  {"name": "国庆节、中秋节", "date": "2025-09-28", "isOffDay": false},
				  {"name": "国庆节、中秋节", "date": "2025-10-01", "isOffDay": true}
				]}""");
		assertThat(schedule.days()).containsExactly(Map.entry(LocalDate.of(2025, 9, 28), false),
				Map.entry(LocalDate.of(2025, 10, 1), true));
	}

	@Test
	void offDayOnAnOrdinaryWeekdayOrOnAWeekendIsAccepted() {
		// 2025-05-31 是周六：holiday-cn 会把假期内的周末也列为放假，合规
		HolidaySchedule schedule = parse(json(2025, "2025-03-12", true, "2025-05-31", true));
		assertThat(schedule.days()).hasSize(2);
	}

	@Test
	void daysAreUnmodifiable() {
		HolidaySchedule schedule = parse(json(2025, "2025-10-01", true));
		assertThatThrownBy(() -> schedule.days().put(LocalDate.of(2025, 10, 2), true))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"days\": [{\"date\": \"2025-10-01\", \"isOffDay\": true}]}",
			"{\"year\": \"2025\", \"days\": [{\"date\": \"2025-10-01\", \"isOffDay\": true}]}",
			"{\"year\": 2025.5, \"days\": [{\"date\": \"2025-10-01\", \"isOffDay\": true}]}" })
	void missingOrNonIntegerYearIsRejected(String content) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(content)).withMessage("缺少 year 字段或 year 不是整数");
	}

	@Test
	void yearOutOfRangeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(json(20250, "2025-10-01", true)))
			.withMessage("年份 20250 超出支持范围（1949–2199）");
	}

	@Test
	void dateOutsideTheYearIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(json(2026, "2026-12-31", true, "2027-01-01", true)))
			.withMessage("日期 2027-01-01 不在 2026 年内");
	}

	@Test
	void makeUpWorkingDayOnAWeekdayIsRejected() {
		// 2025-10-09 是周四
		assertThatIllegalArgumentException().isThrownBy(() -> parse(json(2025, "2025-10-09", false)))
			.withMessage("日期 2025-10-09 是星期四，本来就上班，不能登记为调休上班日（调休上班日只能在周六或周日）");
	}

	@Test
	void duplicateDateIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(json(2025, "2025-10-01", true, "2025-10-01", true)))
			.withMessage("日期 2025-10-01 重复出现");
		// 同一日期前后矛盾也一样拒绝
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parse(json(2025, "2025-10-11", false, "2025-10-11", true)))
			.withMessage("日期 2025-10-11 重复出现");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"year\": 2025, \"days\": [", "not json",
			"{\"year\": 2025, \"year\": 2026, \"days\": []}", "{\"year\": 2025, \"days\": []} trailing" })
	void brokenJsonIsRejected(String content) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(content))
			.withMessageStartingWith("节假日文件不是有效的 JSON");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "42", "" })
	void nonObjectRootIsRejected(String content) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(content));
	}

	@Test
	void badDateFormatIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parse("{\"year\": 2025, \"days\": [{\"date\": \"2025/10/01\", \"isOffDay\": true}]}"))
			.withMessage("days 第 1 项的日期“2025/10/01”格式错误，应为 YYYY-MM-DD");
	}

	@Test
	void nonBooleanOffDayFlagIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parse("{\"year\": 2025, \"days\": [{\"date\": \"2025-10-01\", \"isOffDay\": \"true\"}]}"))
			.withMessage("days 第 1 项（2025-10-01）缺少 isOffDay 字段或其值不是 true/false");
	}

	@Test
	void emptyScheduleIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"year\": 2025, \"days\": []}"))
			.withMessage("2025 年的节假日安排没有列出任何日期");
	}

	@Test
	void nullStreamIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> HolidaySchedule.parse(null));
	}

	static HolidaySchedule parse(String content) {
		return HolidaySchedule.parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

	/** json(年, 日期1, 是否放假1, 日期2, 是否放假2, …) */
	static String json(int year, Object... dayAndOff) {
		StringBuilder days = new StringBuilder();
		for (int i = 0; i < dayAndOff.length; i += 2) {
			if (i > 0) {
				days.append(", ");
			}
			days.append("{\"name\": \"测试\", \"date\": \"")
				.append(dayAndOff[i])
				.append("\", \"isOffDay\": ")
				.append(dayAndOff[i + 1])
				.append('}');
		}
		return "{\"year\": " + year + ", \"days\": [" + days + "]}";
	}

}
