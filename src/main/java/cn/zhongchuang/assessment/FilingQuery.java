package cn.zhongchuang.assessment;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.platform.FieldErrorException;

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

	static FilingStatus statusOf(AnnualFilings.Row row) {
		if (row.filing() == null) {
			return FilingStatus.NONE;
		}
		return row.filing().submitted() ? FilingStatus.SUBMITTED : FilingStatus.DRAFT;
	}

}
