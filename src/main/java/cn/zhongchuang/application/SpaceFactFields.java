package cn.zhongchuang.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	record Field(String path, Type type, List<String> choices) {

		String label() {
			return "fact." + this.path;
		}

	}

	// @formatter:off
	static final List<Field> ALL = List.of(
			f("virtual", Type.BOOL), f("operator.creditCode", Type.TEXT), f("operator.independentLegalEntity", Type.BOOL),
			f("operator.registeredRegion", Type.TEXT), f("operator.taxRegion", Type.TEXT),
			f("operator.establishedOn", Type.DATE), f("operator.stableRevenue", Type.BOOL),
			f("operator.managementAndFinanceRules", Type.BOOL),
			f("operator.leadEntity", Type.TEXT, "LEADING_ENTERPRISE", "UNIVERSITY", "RESEARCH_INSTITUTE",
					"INNOVATIVE_ENTERPRISE", "PAIRED_WITH_LEAD", "NONE"),
			f("operator.compliance.majorSafetyOrQualityIncident", Type.BOOL),
			f("operator.compliance.seriousEnvironmentalViolation", Type.BOOL),
			f("operator.compliance.seriousResearchMisconduct", Type.BOOL),
			f("operator.compliance.abnormalOperationList", Type.BOOL),
			f("operator.compliance.seriousDishonestyList", Type.BOOL),
			f("space.operatingSince", Type.DATE), f("space.totalAreaM2", Type.DECIMAL),
			f("space.officeAndPublicServiceAreaM2", Type.DECIMAL), f("space.independentWorkstations", Type.INTEGER),
			f("space.tenure", Type.TEXT, "OWNED", "LEASED"), f("space.leaseStart", Type.DATE),
			f("space.leaseEnd", Type.DATE), f("space.infrastructureReady", Type.BOOL),
			f("space.focusSegment", Type.TEXT), f("space.rdAndProductionFacilities", Type.BOOL),
			f("space.openPlatform", Type.BOOL), f("space.onlineServices", Type.BOOL),
			f("tenants.count", Type.INTEGER), f("tenants.withIncubationAgreement", Type.INTEGER),
			f("tenants.inFocusSegment", Type.INTEGER), f("staff.management", Type.INTEGER),
			f("staff.managementWithCollegeDegree", Type.INTEGER), f("staff.incubationProfessionals", Type.INTEGER),
			f("staff.founderInvestmentExperienceOrMasters", Type.BOOL), f("mentors.count", Type.INTEGER),
			f("mentors.industryMentors", Type.INTEGER), f("mentors.counselingArchive", Type.BOOL),
			f("mentors.fromLeadingInvestorsOrFirms", Type.BOOL), f("seedFundOrFinancingService", Type.BOOL),
			f("investments.count", Type.INTEGER), f("investments.amountCny", Type.DECIMAL),
			f("activities.eventsLast12Months", Type.INTEGER), f("activities.financingMatchEvents", Type.INTEGER),
			f("activities.professionalEventsLast12Months", Type.INTEGER), f("activities.evidence", Type.BOOL),
			f("services.ipServicePlatform", Type.BOOL), f("services.exitMechanism", Type.BOOL),
			f("services.admissionAndExitRules", Type.BOOL), f("services.oneStopService", Type.BOOL));
	// @formatter:on

	private SpaceFactFields() {
	}

	private static Field f(String path, Type type, String... choices) {
		return new Field(path, type, List.of(choices));
	}

	static Optional<Field> find(String path) {
		return ALL.stream().filter((x) -> x.path().equals(path)).findFirst();
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
