package cn.zhongchuang.institution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import cn.zhongchuang.operator.OperatorFacts;

/**
 * One computed fact as a page shows it: its label key ({@code fact.<path>}), its value as
 * a flag, a date, a choice (a message key), the funds, a region's name or text, and where
 * it came from. No fact path and no enum name reaches the page.
 */
record FactView(String labelKey, String text, LocalDate date, Boolean flag, String choiceKey, List<?> funds,
		String source) {

	private static final Map<String, String> CHOICES = Map.of("operator.leadEntity", "operator.leadEntity.",
			"space.tenure", "operator.premises.tenure.", "specialization", "institution.specialization.");

	static List<FactView> of(OperatorFacts facts, UnaryOperator<String> regionName) {
		return facts.facts()
			.entrySet()
			.stream()
			.map((e) -> of(e.getKey(), e.getValue(), facts.sources().get(e.getKey()), regionName))
			.toList();
	}

	private static FactView of(String path, Object value, String source, UnaryOperator<String> regionName) {
		String label = "fact." + path;
		if (value instanceof Boolean b) {
			return new FactView(label, null, null, b, null, null, source);
		}
		if (value instanceof LocalDate d) {
			return new FactView(label, null, d, null, null, null, source);
		}
		if (value instanceof List<?> list) {
			return new FactView(label, null, null, null, null, list, source);
		}
		if (CHOICES.containsKey(path)) {
			return new FactView(label, null, null, null, CHOICES.get(path) + value, null, source);
		}
		if (path.endsWith("Region")) {
			return new FactView(label, regionName.apply(String.valueOf(value)), null, null, null, null, source);
		}
		if (value instanceof BigDecimal d) {
			return new FactView(label, String.format("%,.2f", d).replaceAll("\\.00$", ""), null, null, null, null,
					source);
		}
		return new FactView(label, String.valueOf(value), null, null, null, null, source);
	}

}
