package cn.zhongchuang.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.reference.Industry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The self-check forms, described once: which facts of policy-api.md a form asks for,
 * their types, and how the submitted strings become the JSON facts the engine reads. An
 * empty field is a fact not given (the criteria that need it say so), never a zero.
 */
final class FactForm {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

	static final List<String> YES_NO = List.of("true", "false");

	static final List<Field> SPACE = List.of(
	// @formatter:off
			Field.date("asOf", "basic"),
			Field.choice("specialization", "basic", "COMPREHENSIVE", "SPECIALIZED"),
			Field.bool("virtual", "basic"),
			Field.text("operator.creditCode", "operator"),
			Field.bool("operator.independentLegalEntity", "operator"),
			Field.text("operator.registeredRegion", "operator"),
			Field.text("operator.taxRegion", "operator"),
			Field.date("operator.establishedOn", "operator"),
			Field.bool("operator.stableRevenue", "operator"),
			Field.bool("operator.managementAndFinanceRules", "operator"),
			Field.choice("operator.leadEntity", "operator", "LEADING_ENTERPRISE", "UNIVERSITY", "RESEARCH_INSTITUTE",
					"INNOVATIVE_ENTERPRISE", "PAIRED_WITH_LEAD", "NONE"),
			Field.date("operator.bannedUntil", "operator"),
			Field.bool("operator.compliance.majorSafetyOrQualityIncident", "compliance"),
			Field.bool("operator.compliance.seriousEnvironmentalViolation", "compliance"),
			Field.bool("operator.compliance.seriousResearchMisconduct", "compliance"),
			Field.bool("operator.compliance.abnormalOperationList", "compliance"),
			Field.bool("operator.compliance.seriousDishonestyList", "compliance"),
			Field.date("space.operatingSince", "space"),
			Field.decimal("space.totalAreaM2", "space"),
			Field.decimal("space.officeAndPublicServiceAreaM2", "space"),
			Field.integer("space.independentWorkstations", "space"),
			Field.choice("space.tenure", "space", "OWNED", "LEASED"),
			Field.date("space.leaseStart", "space"),
			Field.date("space.leaseEnd", "space"),
			Field.bool("space.infrastructureReady", "space"),
			Field.text("space.focusSegment", "space"),
			Field.bool("space.rdAndProductionFacilities", "space"),
			Field.bool("space.openPlatform", "space"),
			Field.bool("space.onlineServices", "space"),
			Field.integer("tenants.count", "tenants"),
			Field.integer("tenants.withIncubationAgreement", "tenants"),
			Field.integer("tenants.inFocusSegment", "tenants"),
			Field.integer("staff.management", "staff"),
			Field.integer("staff.managementWithCollegeDegree", "staff"),
			Field.integer("staff.incubationProfessionals", "staff"),
			Field.bool("staff.founderInvestmentExperienceOrMasters", "staff"),
			Field.integer("mentors.count", "mentors"),
			Field.integer("mentors.industryMentors", "mentors"),
			Field.bool("mentors.counselingArchive", "mentors"),
			Field.bool("mentors.fromLeadingInvestorsOrFirms", "mentors"),
			Field.choice("funds[0].role", "funds", "SELF_BUILT", "LED", "COOPERATIVE"),
			Field.choice("funds[0].kind", "funds", "ANGEL", "VC", "SEED", "EQUITY", "INNOVATION"),
			Field.decimal("funds[0].amountCny", "funds"),
			Field.choice("funds[1].role", "funds", "SELF_BUILT", "LED", "COOPERATIVE"),
			Field.choice("funds[1].kind", "funds", "ANGEL", "VC", "SEED", "EQUITY", "INNOVATION"),
			Field.decimal("funds[1].amountCny", "funds"),
			Field.choice("funds[2].role", "funds", "SELF_BUILT", "LED", "COOPERATIVE"),
			Field.choice("funds[2].kind", "funds", "ANGEL", "VC", "SEED", "EQUITY", "INNOVATION"),
			Field.decimal("funds[2].amountCny", "funds"),
			Field.bool("seedFundOrFinancingService", "funds"),
			Field.integer("investments.count", "funds"),
			Field.decimal("investments.amountCny", "funds"),
			Field.integer("activities.eventsLast12Months", "activities"),
			Field.integer("activities.financingMatchEvents", "activities"),
			Field.integer("activities.professionalEventsLast12Months", "activities"),
			Field.bool("activities.evidence", "activities"),
			Field.bool("services.ipServicePlatform", "services"),
			Field.bool("services.exitMechanism", "services"),
			Field.bool("services.admissionAndExitRules", "services"),
			Field.bool("services.oneStopService", "services"));
			// @formatter:on

	static final List<Field> TENANT = List.of(Field.date("asOf", "tenant"), Field.text("registeredRegion", "tenant"),
			Field.bool("officeInSpace", "tenant"),
			Field.choice("industry", "tenant",
					java.util.Arrays.stream(Industry.values()).map(Enum::name).toArray(String[]::new)),
			Field.integer("employees", "tenant"), Field.decimal("revenueWan", "tenant"),
			Field.decimal("totalAssetsWan", "tenant"), Field.bool("technologyInnovative", "tenant"),
			Field.integer("staffWithCollegeDegree", "tenant"), Field.decimal("rdExpenditureWan", "tenant"),
			Field.decimal("totalExpenditureWan", "tenant"), Field.text("keyIndustry", "tenant"));

	/** Groups of the space form in the order a form shows them; others come last. */
	private static final List<String> GROUPS = List.of("basic", "operator", "compliance", "space", "tenants", "staff",
			"mentors", "funds", "activities", "services", "incubator");

	/** Rows offered for each list fact (three funds). */
	static final int LIST_ROWS = 3;

	private FactForm() {
	}

	/**
	 * The space form of a pack: the day of the check, then the facts the pack declares
	 * ({@code facts:}), with the pack's labels, units, help and option names, grouped by
	 * what they describe (a group keeps the pack's order). Members of a list fact
	 * ({@code funds.kind}) are asked {@value #LIST_ROWS} times. A pack that declares no
	 * facts is asked the whole contract ({@link #SPACE}).
	 */
	static List<Field> space(PackDefinition pack) {
		if (pack.facts() == null || pack.facts().isEmpty()) {
			return SPACE;
		}
		List<String> lists = pack.facts()
			.stream()
			.filter((f) -> f.type() == PackDefinition.FactType.LIST)
			.map(PackDefinition.Fact::path)
			.toList();
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("asOf", "basic", Type.DATE, List.of(), "判断日期", null, "按哪一天的情况判断，缺省为今天", Map.of()));
		for (PackDefinition.Fact fact : pack.facts()) {
			if (fact.type() == PackDefinition.FactType.LIST || fact.path().equals("asOf")) {
				continue;
			}
			String list = lists.stream().filter((l) -> fact.path().startsWith(l + ".")).findFirst().orElse(null);
			if (list == null) {
				fields.add(field(fact, fact.path(), groupOf(fact.path())));
				continue;
			}
			for (int row = 0; row < LIST_ROWS; row++) {
				fields.add(field(fact, list + "[" + row + "]" + fact.path().substring(list.length()), groupOf(list)));
			}
		}
		List<Field> ordered = new ArrayList<>(fields);
		ordered.sort(java.util.Comparator.comparingInt((Field f) -> rank(f.group())));
		if (lists.size() == 1) {
			// the rows of one fund together: role, kind, amount of the first, then the
			// second…
			List<Field> listed = ordered.stream().filter((f) -> f.row() > 0).toList();
			List<Field> byRow = new ArrayList<>(listed);
			byRow.sort(java.util.Comparator.comparingInt(Field::row));
			int at = ordered.indexOf(listed.isEmpty() ? null : listed.get(0));
			if (at >= 0) {
				ordered.removeAll(listed);
				ordered.addAll(at, byRow);
			}
		}
		return List.copyOf(ordered);
	}

	private static int rank(String group) {
		int at = GROUPS.indexOf(group);
		return (at >= 0) ? at : GROUPS.size();
	}

	/** The group of a path: its first part; {@code operator.compliance.*} on its own. */
	static String groupOf(String path) {
		if (path.startsWith("operator.compliance.")) {
			return "compliance";
		}
		int dot = path.indexOf('.');
		String first = (dot < 0) ? path : path.substring(0, dot);
		return switch (first) {
			case "institution", "specialization", "virtual", "asOf" -> "basic";
			case "investments", "seedFundOrFinancingService" -> "funds";
			default -> GROUPS.contains(first) ? first : "other";
		};
	}

	private static Field field(PackDefinition.Fact fact, String path, String group) {
		Map<String, String> labels = (fact.values() != null) ? fact.values() : Map.of();
		Type type = switch (fact.type()) {
			case BOOL -> Type.BOOL;
			case INT -> Type.INTEGER;
			case DECIMAL -> Type.DECIMAL;
			case DATE -> Type.DATE;
			case ENUM -> Type.CHOICE;
			default -> Type.TEXT;
		};
		List<String> options = switch (type) {
			case BOOL -> YES_NO;
			case CHOICE -> List.copyOf(labels.keySet());
			default -> List.of();
		};
		String help = fact.help();
		if (fact.type() == PackDefinition.FactType.REGION && help == null) {
			help = "填写 6 位行政区划代码，如 110105（北京市朝阳区）";
		}
		return new Field(path, group, type, options, fact.label(), fact.unit(), help, labels);
	}

	/**
	 * Turns submitted form values into the facts JSON. Values are checked against the
	 * field's type first, so a clerk who typed “五百” into an area sees the error next to
	 * that field.
	 * @throws InvalidFactsException naming every field that does not parse
	 */
	static ObjectNode toFacts(List<Field> fields, Map<String, String> values) {
		ObjectNode root = json.createObjectNode();
		List<InvalidFactsException.FieldError> errors = new ArrayList<>();
		for (Field field : fields) {
			String raw = values.get(field.path());
			if (raw == null || raw.isBlank()) {
				continue;
			}
			raw = raw.strip();
			try {
				put(root, field.path(), field.parse(raw));
			}
			catch (IllegalArgumentException | java.time.DateTimeException ex) {
				errors.add(new InvalidFactsException.FieldError(field.path(), field.type().error));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFactsException(errors);
		}
		return root;
	}

	/** The values to show again in the form, by field path. */
	static Map<String, String> echo(List<Field> fields, Map<String, String> submitted) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Field field : fields) {
			values.put(field.path(), submitted.getOrDefault(field.path(), ""));
		}
		return values;
	}

	private static void put(ObjectNode root, String path, JsonNode value) {
		String[] parts = path.split("\\.");
		ObjectNode node = root;
		for (int i = 0; i < parts.length; i++) {
			boolean last = i == parts.length - 1;
			Matcher indexed = INDEXED.matcher(parts[i]);
			if (indexed.matches()) {
				ArrayNode array = node.has(indexed.group(1)) ? (ArrayNode) node.get(indexed.group(1))
						: node.putArray(indexed.group(1));
				int index = Integer.parseInt(indexed.group(2));
				while (array.size() <= index) {
					array.addObject();
				}
				node = (ObjectNode) array.get(index);
			}
			else if (last) {
				node.set(parts[i], value);
			}
			else {
				node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
			}
		}
	}

	/** Drops fund rows left empty so that they are not read as funds without a kind. */
	static ObjectNode compactFunds(ObjectNode facts) {
		if (facts.has("funds")) {
			ArrayNode compact = json.createArrayNode();
			facts.get("funds").forEach((fund) -> {
				if (!fund.isEmpty()) {
					compact.add(fund);
				}
			});
			facts.set("funds", compact);
		}
		return facts;
	}

	public enum Type {

		DATE("请输入真实日期，格式 YYYY-MM-DD"), BOOL("请选择是或否"), INTEGER("请输入不小于 0 的整数"), DECIMAL("请输入不小于 0 的数字"), TEXT("内容过长"),
		CHOICE("请从列表中选择");

		final String error;

		Type(String error) {
			this.error = error;
		}

	}

	/**
	 * One question of a form: the fact path is also the form field name and the message
	 * key.
	 */
	public record Field(String path, String group, Type type, List<String> options, String label, String unit,
			String help, Map<String, String> optionLabels) {

		Field(String path, String group, Type type, List<String> options) {
			this(path, group, type, options, null, null, null, Map.of());
		}

		static Field date(String path, String group) {
			return new Field(path, group, Type.DATE, List.of());
		}

		static Field bool(String path, String group) {
			return new Field(path, group, Type.BOOL, YES_NO);
		}

		static Field integer(String path, String group) {
			return new Field(path, group, Type.INTEGER, List.of());
		}

		static Field decimal(String path, String group) {
			return new Field(path, group, Type.DECIMAL, List.of());
		}

		static Field text(String path, String group) {
			return new Field(path, group, Type.TEXT, List.of());
		}

		static Field choice(String path, String group, String... options) {
			return new Field(path, group, Type.CHOICE, List.of(options));
		}

		/**
		 * The Chinese name of an option the pack labels, or null (the page then uses
		 * enum.*).
		 */
		public String optionLabel(String option) {
			return this.optionLabels.get(option);
		}

		/** The message key of the label: funds[1].kind and funds[0].kind share one. */
		public String labelKey() {
			return "fact." + this.path.replaceAll("\\[\\d+]", "");
		}

		/** 1-based row number for repeated rows such as funds, or 0. */
		public int row() {
			Matcher m = Pattern.compile("\\[(\\d+)]").matcher(this.path);
			return m.find() ? Integer.parseInt(m.group(1)) + 1 : 0;
		}

		public String inputId() {
			return "f-" + this.path.replaceAll("[^A-Za-z0-9]", "-");
		}

		JsonNode parse(String raw) {
			return switch (this.type) {
				case DATE -> json.getNodeFactory().stringNode(LocalDate.parse(raw).toString());
				case BOOL -> {
					if (!YES_NO.contains(raw)) {
						throw new IllegalArgumentException(raw);
					}
					yield json.getNodeFactory().booleanNode(Boolean.parseBoolean(raw));
				}
				case INTEGER -> {
					int value = Integer.parseInt(raw);
					if (value < 0) {
						throw new IllegalArgumentException(raw);
					}
					yield json.getNodeFactory().numberNode(value);
				}
				case DECIMAL -> {
					BigDecimal value = new BigDecimal(raw);
					if (value.signum() < 0) {
						throw new IllegalArgumentException(raw);
					}
					yield json.getNodeFactory().numberNode(value);
				}
				case TEXT -> {
					if (raw.length() > 200) {
						throw new IllegalArgumentException(raw);
					}
					yield json.getNodeFactory().stringNode(raw);
				}
				case CHOICE -> {
					if (!this.options.contains(raw)) {
						throw new IllegalArgumentException(raw);
					}
					yield json.getNodeFactory().stringNode(raw);
				}
			};
		}

	}

}
