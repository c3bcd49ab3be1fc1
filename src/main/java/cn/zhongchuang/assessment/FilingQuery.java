package cn.zhongchuang.assessment;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListRows;

/**
 * The filters of the filing list, shared by the API and the export: the year (last year
 * when absent), whether a filing exists and is submitted, and the late flag.
 *
 * @param year the year reported on
 * @param status NONE (nothing saved yet), DRAFT or SUBMITTED; null for all
 * @param late the late flag; null for all
 * @param page page number from 1
 * @param size page size
 */
record FilingQuery(Integer year, FilingStatus status, Boolean late, Integer page, Integer size) {

	enum FilingStatus {

		NONE, DRAFT, SUBMITTED

	}

	/** The year asked for, last year by default; outside 2000 to this year refused. */
	int yearOr(LocalDate today) {
		int y = (this.year != null) ? this.year : today.getYear() - 1;
		if (y < 2000 || y > today.getYear()) {
			throw new FieldErrorException("year", "年度应在 2000 年与今年之间");
		}
		return y;
	}

	List<AnnualFilings.Row> apply(List<AnnualFilings.Row> rows) {
		return rows.stream()
			.filter((r) -> this.status == null || this.status == statusOf(r))
			.filter((r) -> this.late == null || this.late == r.late())
			.toList();
	}

	/**
	 * The year's rows as the bureau's list: sorted by 认定编号 unless asked otherwise, the
	 * date range on 提交日期.
	 */
	static ListRows<AnnualFilings.Row> list(List<AnnualFilings.Row> rows) {
		return ListRows.of(rows)
			.sort("number", (AnnualFilings.Row r) -> r.recognition().number())
			.sort("name", (AnnualFilings.Row r) -> r.recognition().name())
			.sort("operator", (AnnualFilings.Row r) -> r.recognition().operator())
			.sort("state", AnnualFilings.Row::state)
			.sort("due", (AnnualFilings.Row r) -> r.due().date())
			.sort("submitted", FilingQuery::submittedOn)
			.dates(FilingQuery::submittedOn)
			.build();
	}

	static LocalDate submittedOn(AnnualFilings.Row row) {
		return (row.filing() != null && row.filing().submitted()) ? row.filing().submittedOn() : null;
	}

	/** A status from a page's query string; anything else is all. */
	static FilingStatus status(String text) {
		for (FilingStatus s : FilingStatus.values()) {
			if (s.name().equals((text != null) ? text.strip() : null)) {
				return s;
			}
		}
		return null;
	}

	static FilingStatus statusOf(AnnualFilings.Row row) {
		if (row.filing() == null) {
			return FilingStatus.NONE;
		}
		return row.filing().submitted() ? FilingStatus.SUBMITTED : FilingStatus.DRAFT;
	}

}
