package cn.zhongchuang.statistics;

import java.util.List;

/**
 * What a statistics page shows: the overview in words (Chinese labels, never enum names
 * or codes), each figure with the list behind it, each table with the data of its chart.
 *
 * @param regionName the region's full name
 * @param trail the regions from the country down to this one, for going back up
 * @param asOf the day as pages write it, 2026年12月1日
 * @param asOfIso the day for links and the date field
 * @param figures the headline figures
 * @param tables the tables (each also a chart)
 * @param targets the packs' targets with progress
 */
record Board(String region, String regionName, List<Place> trail, String asOf, String asOfIso, List<Figure> figures,
		List<Table> tables, List<TargetRow> targets) {

	/** A region on the way down. */
	record Place(String code, String name) {
	}

	/** A figure and the list behind it (null for none). */
	record Figure(String id, String label, String value, String link) {
	}

	/**
	 * A table: rows of a label and counts; {@code chart} the ECharts data (JSON) or null;
	 * {@code columns} the headers of the count columns.
	 */
	record Table(String id, String title, List<String> columns, List<Row> rows, String chart) {
	}

	/**
	 * A row: a label, a link for it (drill-down or list), the counts with their links.
	 */
	record Row(String label, String link, List<Figure> cells) {
	}

	/**
	 * A pack's target: the pack's title, the target, its year, the value with its unit,
	 * the measured figure (or the note why not), the share reached (0–100, null when not
	 * measured) and the state in words.
	 */
	record TargetRow(String pack, String name, Integer year, String value, String actual, String note, Integer percent,
			String state, boolean onTrack) {
	}

}
