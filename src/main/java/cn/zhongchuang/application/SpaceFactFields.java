package cn.zhongchuang.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PackDefinition.FactType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The space facts of policy-api.md an application form asks for, with their types, and
 * how values become the facts JSON the policy engine reads. Facts the operator's records
 * establish are shown computed; the operator declares the rest.
 */
final class SpaceFactFields {

	static final JsonMapper json = JsonMapper.builder().build();

	enum Type {

		BOOL, INTEGER, DECIMAL, DATE, TEXT

	}

	/**
	 * One fact the form asks for, as the pack declares it.
	 *
	 * @param path the fact's path
	 * @param type the form's input type
	 * @param choices the codes of an enumeration, in the pack's order
	 * @param label the pack's Chinese label
	 * @param unit the unit shown after the value, or null
	 * @param help the help text under the field, or null
	 * @param choiceLabels the Chinese label of each code
	 */
	record Field(String path, Type type, List<String> choices, String label, String unit, String help,
			Map<String, String> choiceLabels) {

		/**
		 * The Chinese label of a code of this field's enumeration (the code if unknown).
		 */
		public String choiceLabel(String code) {
			return this.choiceLabels.getOrDefault(code, code);
		}

	}

	/**
	 * Paths the form does not ask for: the date of judging, what the application itself
	 * gives (its specialization and its institution's kind), a ban the sanctions record.
	 */
	private static final java.util.Set<String> NOT_ASKED = java.util.Set.of("asOf", "specialization",
			"institution.kind", "operator.bannedUntil");

	private SpaceFactFields() {
	}

	/**
	 * The facts the form of an application under this pack asks for: those the pack
	 * declares ({@code facts:}), in its order, with its labels, units, help and enum
	 * labels; the funds come from the records (not a form field).
	 */
	static List<Field> of(PackDefinition pack) {
		return pack.facts()
			.stream()
			.filter((fact) -> fact.type() != FactType.LIST && !fact.path().startsWith("funds.")
					&& !NOT_ASKED.contains(fact.path()))
			.map(SpaceFactFields::field)
			.toList();
	}

	private static Field field(PackDefinition.Fact fact) {
		Type type = switch (fact.type()) {
			case BOOL -> Type.BOOL;
			case INT -> Type.INTEGER;
			case DECIMAL -> Type.DECIMAL;
			case DATE -> Type.DATE;
			default -> Type.TEXT;
		};
		Map<String, String> labels = (fact.values() != null) ? fact.values() : Map.of();
		return new Field(fact.path(), type, List.copyOf(labels.keySet()), fact.label(), fact.unit(), fact.help(),
				labels);
	}

	/**
	 * A typed value from what a form sent, as JSON text; empty when blank.
	 * @throws IllegalArgumentException when it does not parse
	 */
	static Optional<String> parse(Field field, String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String v = raw.strip();
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		JsonNode node = switch (field.type()) {
			case BOOL -> {
				if (!v.equals("true") && !v.equals("false")) {
					throw new IllegalArgumentException("请选择是或否");
				}
				yield nodes.booleanNode(Boolean.parseBoolean(v));
			}
			case INTEGER -> {
				try {
					int i = Integer.parseInt(v);
					if (i < 0) {
						throw new IllegalArgumentException("请填写不小于 0 的整数");
					}
					yield nodes.numberNode(i);
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("请填写整数");
				}
			}
			case DECIMAL -> {
				try {
					BigDecimal d = new BigDecimal(v);
					if (d.signum() < 0) {
						throw new IllegalArgumentException("请填写不小于 0 的数");
					}
					yield nodes.numberNode(d);
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("请填写数字");
				}
			}
			case DATE -> {
				try {
					yield nodes.stringNode(LocalDate.parse(v).toString());
				}
				catch (java.time.DateTimeException ex) {
					throw new IllegalArgumentException("请填写日期，如 2026-01-31");
				}
			}
			case TEXT -> {
				if (!field.choices().isEmpty() && !field.choices().contains(v)) {
					throw new IllegalArgumentException("请从列表中选择");
				}
				yield nodes.stringNode(v);
			}
		};
		return Optional.of(json.writeValueAsString(node));
	}

	/**
	 * A computed value (Integer, BigDecimal, LocalDate, Boolean, String, list) as JSON
	 * text.
	 */
	static String toJson(Object value) {
		return json.writeValueAsString(plain(value));
	}

	private static Object plain(Object value) {
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new java.util.LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
			return copy;
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(SpaceFactFields::plain).toList();
		}
		return value;
	}

	/** The value for display: {@code 12}, {@code 是}, {@code 2026-01-31}. */
	static String display(String jsonText) {
		JsonNode node = json.readTree(jsonText);
		if (node.isBoolean()) {
			return node.booleanValue() ? "是" : "否";
		}
		if (node.isString()) {
			return node.stringValue();
		}
		return node.toString();
	}

	/**
	 * The value as a form field holds it: {@code true}, {@code 12}, {@code 2026-01-31}.
	 */
	static String formValue(String jsonText) {
		if (jsonText == null) {
			return "";
		}
		JsonNode node = json.readTree(jsonText);
		return node.isString() ? node.stringValue() : node.toString();
	}

	/**
	 * The facts JSON: paths nested, {@code asOf} and {@code specialization} at the root.
	 */
	static ObjectNode toFacts(Map<String, String> valuesByPath, LocalDate asOf, String specialization) {
		ObjectNode root = json.createObjectNode();
		root.put("asOf", asOf.toString());
		root.put("specialization", specialization);
		valuesByPath.forEach((path, value) -> {
			String[] parts = path.split("\\.");
			ObjectNode node = root;
			for (int i = 0; i < parts.length - 1; i++) {
				JsonNode child = node.get(parts[i]);
				node = (child instanceof ObjectNode o) ? o : node.putObject(parts[i]);
			}
			node.set(parts[parts.length - 1], json.readTree(value));
		});
		return root;
	}

}
