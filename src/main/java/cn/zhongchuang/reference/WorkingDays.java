package cn.zhongchuang.reference;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.FieldErrorException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar in force: the bundled years plus those an administrator
 * loaded. Each node asks at most every few seconds whether the loaded years changed (a
 * one-row stamp) and parses them again only then, so a schedule loaded on one node is
 * used by all of them without a restart.
 */
@Service
public class WorkingDays {

	private static final Duration REFRESH = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private volatile Snapshot snapshot;

	WorkingDays(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The N-th working day after {@code from} ({@code from} not counted), with any
	 * missing years.
	 */
	public WorkingDayResult add(LocalDate from, int workingDays) {
		return calendar().addWorkingDays(from, workingDays);
	}

	public boolean isWorkingDay(LocalDate day) {
		return calendar().isWorkingDay(day);
	}

	public WorkingDayCalendar calendar() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current == null || current.checkedAt().plus(REFRESH).isBefore(now)) {
			String stamp = stamp();
			current = (current != null && current.stamp().equals(stamp)) ? current.checked(now) : read(stamp, now);
			this.snapshot = current;
		}
		return current.calendar();
	}

	/** Years loaded by an administrator, newest first, for the calendar page. */
	public List<LoadedYear> loadedYears() {
		return this.jdbc.sql("SELECT year, loaded_at, loaded_by FROM holiday_schedule ORDER BY year DESC")
			.query((rs, n) -> new LoadedYear(rs.getInt("year"), rs.getObject("loaded_at", OffsetDateTime.class),
					rs.getString("loaded_by")))
			.list();
	}

	/**
	 * Validates and stores a year's schedule (holiday-cn JSON shape); replaces that year
	 * if loaded before.
	 * @throws FieldErrorException naming {@code file} when the schedule is malformed
	 */
	@Transactional
	public HolidaySchedule load(byte[] json, String loadedBy) {
		HolidaySchedule schedule;
		try {
			schedule = HolidaySchedule.parse(new ByteArrayInputStream(json));
		}
		catch (IllegalArgumentException ex) {
			throw new FieldErrorException("file", ex.getMessage());
		}
		this.jdbc.sql("""
				INSERT INTO holiday_schedule (year, source_json, loaded_at, loaded_by) VALUES (:year, :json, :at, :by)
				ON CONFLICT (year) DO UPDATE SET source_json = EXCLUDED.source_json, loaded_at = EXCLUDED.loaded_at,
				  loaded_by = EXCLUDED.loaded_by
				""")
			.param("year", schedule.year())
			.param("json", new String(json, java.nio.charset.StandardCharsets.UTF_8))
			.param("at", OffsetDateTime.now(this.clock))
			.param("by", loadedBy)
			.update();
		this.audit.record(AuditEntry.success("HOLIDAY_SCHEDULE_LOAD", "holiday_schedule", schedule.year(),
				"导入 " + schedule.year() + " 年节假日安排（" + schedule.days().size() + " 天）", null));
		this.snapshot = null;
		return schedule;
	}

	private String stamp() {
		return this.jdbc.sql(
				"SELECT coalesce(md5(string_agg(year || ':' || md5(source_json), ',' ORDER BY year)), '') FROM holiday_schedule")
			.query(String.class)
			.single();
	}

	private Snapshot read(String stamp, Instant now) {
		List<HolidaySchedule> loaded = new ArrayList<>();
		this.jdbc.sql("SELECT source_json FROM holiday_schedule")
			.query(String.class)
			.list()
			.forEach((json) -> loaded.add(HolidaySchedule
				.parse(new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
		WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
		for (HolidaySchedule schedule : loaded) {
			calendar = calendar.withSchedule(schedule);
		}
		return new Snapshot(calendar, stamp, now);
	}

	public record LoadedYear(int year, OffsetDateTime loadedAt, String loadedBy) {
	}

	private record Snapshot(WorkingDayCalendar calendar, String stamp, Instant checkedAt) {

		Snapshot checked(Instant now) {
			return new Snapshot(this.calendar, this.stamp, now);
		}

	}

}
