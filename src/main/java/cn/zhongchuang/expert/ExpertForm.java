package cn.zhongchuang.expert;

import java.util.Arrays;
import java.util.List;

/**
 * What a bureau types for a pool expert. Fields and declared conflicts come one per line
 * (or separated by 、，,；;).
 */
record ExpertForm(String name, List<String> fields, String employer, String title, String phone, String username,
		List<String> declaredConflicts) {

	static ExpertForm empty() {
		return new ExpertForm(null, List.of(), null, null, null, null, List.of());
	}

	static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\r\\n、，,；;]+"))
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.distinct()
			.toList();
	}

	ExpertForm normalized() {
		return new ExpertForm(strip(this.name), (this.fields != null) ? this.fields : List.of(), strip(this.employer),
				strip(this.title), strip(this.phone), strip(this.username),
				(this.declaredConflicts != null) ? this.declaredConflicts : List.of());
	}

	public String fieldsText() {
		return String.join("、", this.fields);
	}

	public String conflictsText() {
		return String.join("\n", this.declaredConflicts);
	}

	private static String strip(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
