package cn.zhongchuang.operator;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns any kind's records into what the shared list and form templates show: cells of
 * the listed fields, and form fields whose input follows the field's type (date, number,
 * checkbox, choice, region picker, text).
 */
final class RecordViews {

	private RecordViews() {
	}

	static Row row(RecordKind<?> kind, OperatorRecord<?> r, Map<Long, Long> children,
			Map<Long, String> institutionNames) {
		return new Row(r.id(), r.version(), r.data().title(),
				kind.listed().stream().map((field) -> cell(kind, field, value(r.data(), field))).toList(),
				children.getOrDefault(r.id(), 0L), serves(r.placement(), institutionNames));
	}

	/** The names of the institutions a record serves, as a list cell shows them. */
	static String serves(OperatorRecord.Placement placement, Map<Long, String> names) {
		if (placement.institutionId() != null) {
			return names.getOrDefault(placement.institutionId(), "—");
		}
		String joined = placement.assignedTo()
			.stream()
			.map((id) -> names.getOrDefault(id, ""))
			.filter((n) -> !n.isEmpty())
			.collect(java.util.stream.Collectors.joining("、"));
		return joined.isEmpty() ? "未分配" : joined;
	}

	static List<Field> fields(RecordKind<?> kind, Record data) {
		List<Field> fields = new ArrayList<>();
		for (RecordComponent c : kind.fields()) {
			Class<?> type = c.getType();
			Object value = (data != null) ? value(data, c.getName()) : null;
			String input;
			List<String> options = List.of();
			if (c.getName().equals("regionCode")) {
				input = "region";
			}
			else if (type == boolean.class) {
				input = "checkbox";
			}
			else if (type == LocalDate.class) {
				input = "date";
			}
			else if (type == Integer.class || type == Long.class || type == BigDecimal.class) {
				input = "number";
			}
			else if (type.isEnum()) {
				input = "select";
				options = Arrays.stream(type.getEnumConstants()).map((e) -> ((Enum<?>) e).name()).toList();
			}
			else {
				input = kind.isLongText(c.getName()) ? "textarea" : "text";
			}
			String text = (value == null) ? null : (value instanceof Enum<?> e) ? e.name()
					: (value instanceof BigDecimal d) ? d.stripTrailingZeros().toPlainString() : value.toString();
			fields.add(new Field(c.getName(), input, text, Boolean.TRUE.equals(value), options,
					(type == BigDecimal.class) ? "0.01" : "1"));
		}
		return fields;
	}

	private static Cell cell(RecordKind<?> kind, String field, Object value) {
		if (value == null) {
			return new Cell("text", "—", null, List.of());
		}
		if (value instanceof Boolean b) {
			return new Cell(b ? "yes" : "no", null, null, List.of());
		}
		if (value instanceof LocalDate d) {
			return new Cell("date", null, d, List.of());
		}
		if (value instanceof Enum<?> e) {
			return new Cell("enum", "operator." + kind.key() + "." + field + "." + e.name(), null, List.of());
		}
		if (value instanceof Long l) {
			return new Cell("number", String.format("%,d", l), null, List.of());
		}
		if (value instanceof BigDecimal d) {
			return new Cell("number", d.stripTrailingZeros().toPlainString(), null, List.of());
		}
		if (field.equals("mediaLinks")) {
			return new Cell("links", null, null, new Event(null, null, null, null, false, value.toString()).links());
		}
		return new Cell("text", value.toString(), null, List.of());
	}

	static Object value(Record data, String field) {
		try {
			return data.getClass().getDeclaredMethod(field).invoke(data);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One listed record: its cells and, for mentors and funds, how many records hang
	 * under it.
	 */
	record Row(long id, int version, String title, List<Cell> cells, long children, String institutions) {
	}

	/**
	 * {@code kind}: text, number, date, yes, no, enum (text is the message key) or links.
	 */
	record Cell(String kind, String text, LocalDate date, List<String> links) {
	}

	/** {@code input}: text, textarea, date, number, checkbox, select, region. */
	record Field(String name, String input, String value, boolean checked, List<String> options, String step) {
	}

}
