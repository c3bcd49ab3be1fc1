package cn.zhongchuang.policy.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 事实的结构，照抄公开契约（policy-api.md）：空间事实、在孵企业事实、纳税记录。
 * <p>
 * 结构写在代码里而不是政策包里，因为它是前端、申报记录和所有政策包共用的契约；政策包的 {@code requires} 在加载时对照它检查，拼错的事实路径当场报错。
 */
public final class FactSchema {

	/** 字段类型。 */
	public enum Kind {

		BOOL, INT, DECIMAL, STRING, DATE, YEAR_MONTH, REGION, ENUM, OBJECT, LIST

	}

	/**
	 * 一个字段。
	 *
	 * @param name 字段名
	 * @param kind 类型
	 * @param values 枚举可选值（仅 ENUM）
	 * @param fields 子字段（仅 OBJECT，保持声明顺序）
	 * @param element 元素结构（仅 LIST）
	 * @param positions 子字段在 {@link FactObject} 中的下标（仅 OBJECT）
	 */
	public record Field(String name, Kind kind, List<String> values, Map<String, Field> fields, Field element,
			Map<String, Integer> positions) {

		public Field child(String name) {
			return (this.fields != null) ? this.fields.get(name) : null;
		}

		/** 子字段的下标；没有这个字段时为 -1。 */
		public int position(Object name) {
			Integer position = (this.positions != null) ? this.positions.get(name) : null;
			return (position != null) ? position : -1;
		}

	}

	/** 众创空间申报事实。 */
	public static final Field SPACE = object("", field("asOf", Kind.DATE),
			enumField("specialization", "COMPREHENSIVE", "SPECIALIZED"), field("virtual", Kind.BOOL),
			object("operator", field("creditCode", Kind.STRING), field("independentLegalEntity", Kind.BOOL),
					field("registeredRegion", Kind.REGION), field("taxRegion", Kind.REGION),
					field("establishedOn", Kind.DATE), field("stableRevenue", Kind.BOOL),
					field("managementAndFinanceRules", Kind.BOOL), enumField("leadEntity", "LEADING_ENTERPRISE",
							"UNIVERSITY", "RESEARCH_INSTITUTE", "INNOVATIVE_ENTERPRISE", "PAIRED_WITH_LEAD", "NONE"),
					field("bannedUntil", Kind.DATE),
					object("compliance", field("majorSafetyOrQualityIncident", Kind.BOOL),
							field("seriousEnvironmentalViolation", Kind.BOOL),
							field("seriousResearchMisconduct", Kind.BOOL), field("abnormalOperationList", Kind.BOOL),
							field("seriousDishonestyList", Kind.BOOL))),
			object("space", field("operatingSince", Kind.DATE), field("totalAreaM2", Kind.DECIMAL),
					field("officeAndPublicServiceAreaM2", Kind.DECIMAL), field("independentWorkstations", Kind.INT),
					enumField("tenure", "OWNED", "LEASED"), field("leaseStart", Kind.DATE),
					field("leaseEnd", Kind.DATE), field("infrastructureReady", Kind.BOOL),
					field("focusSegment", Kind.STRING), field("rdAndProductionFacilities", Kind.BOOL),
					field("openPlatform", Kind.BOOL), field("onlineServices", Kind.BOOL)),
			object("tenants", field("count", Kind.INT), field("withIncubationAgreement", Kind.INT),
					field("inFocusSegment", Kind.INT)),
			object("staff", field("management", Kind.INT), field("managementWithCollegeDegree", Kind.INT),
					field("incubationProfessionals", Kind.INT),
					field("founderInvestmentExperienceOrMasters", Kind.BOOL)),
			object("mentors", field("count", Kind.INT), field("industryMentors", Kind.INT),
					field("counselingArchive", Kind.BOOL), field("fromLeadingInvestorsOrFirms", Kind.BOOL)),
			list("funds",
					object("", enumField("role", "SELF_BUILT", "LED", "COOPERATIVE"),
							enumField("kind", "ANGEL", "VC", "SEED", "EQUITY", "INNOVATION"),
							field("amountCny", Kind.DECIMAL))),
			field("seedFundOrFinancingService", Kind.BOOL),
			object("activities", field("eventsLast12Months", Kind.INT), field("financingMatchEvents", Kind.INT),
					field("professionalEventsLast12Months", Kind.INT), field("evidence", Kind.BOOL)),
			object("services", field("ipServicePlatform", Kind.BOOL), field("exitMechanism", Kind.BOOL),
					field("admissionAndExitRules", Kind.BOOL), field("oneStopService", Kind.BOOL)),
			// 契约之外新增（允许增加字段）：兰州第 8 条"有实质投资行为……优先认定"需要投资记录。
			object("investments", field("count", Kind.INT), field("amountCny", Kind.DECIMAL)));

	/** 在孵企业事实（朝阳第六条）。 */
	public static final Field TENANT = object("", field("asOf", Kind.DATE), field("registeredRegion", Kind.REGION),
			field("officeInSpace", Kind.BOOL),
			enumField("industry", "AGRICULTURE", "INDUSTRY", "CONSTRUCTION", "WHOLESALE", "RETAIL", "TRANSPORT",
					"WAREHOUSING", "POSTAL", "ACCOMMODATION", "CATERING", "INFORMATION_TRANSMISSION", "SOFTWARE_IT",
					"REAL_ESTATE_DEVELOPMENT", "PROPERTY_MANAGEMENT", "LEASING_BUSINESS_SERVICES", "OTHER"),
			field("employees", Kind.INT), field("revenueWan", Kind.DECIMAL), field("totalAssetsWan", Kind.DECIMAL),
			field("technologyInnovative", Kind.BOOL), field("staffWithCollegeDegree", Kind.INT),
			field("rdExpenditureWan", Kind.DECIMAL), field("totalExpenditureWan", Kind.DECIMAL),
			field("keyIndustry", Kind.STRING));

	/** 在孵企业纳税记录（退出状态）。 */
	public static final Field TAX_HISTORY = object("", field("asOf", Kind.DATE), field("admittedOn", Kind.DATE),
			list("filings", object("", field("period", Kind.YEAR_MONTH), field("filed", Kind.BOOL),
					field("taxPaidCny", Kind.DECIMAL))));

	private FactSchema() {
	}

	/**
	 * 路径处的字段；列表的元素字段按 {@code funds.kind} 写。
	 * @param root 结构
	 * @param path 点分路径
	 * @return 字段；结构中没有时为 {@code null}
	 */
	public static Field at(Field root, String path) {
		Field field = root;
		for (String segment : path.split("\\.")) {
			if (field.kind() == Kind.LIST) {
				field = field.element();
			}
			field = (field != null) ? field.child(segment) : null;
			if (field == null) {
				return null;
			}
		}
		return field;
	}

	/** 路径的某个上级在结构中存在却不是对象或列表（在 {@code space.totalAreaM2} 之下不能再加字段）。 */
	static boolean blocked(Field root, String path) {
		String[] segments = path.split("\\.");
		Field field = root;
		for (int i = 0; i < segments.length - 1; i++) {
			field = (field.kind() == Kind.LIST) ? field.element().child(segments[i]) : field.child(segments[i]);
			if (field == null) {
				return false;
			}
			if (field.kind() != Kind.OBJECT && field.kind() != Kind.LIST) {
				return true;
			}
		}
		return false;
	}

	/** 路径是否在契约的某个列表之内（{@code funds.kind}：列表元素的字段，随列表一起计算）。 */
	static boolean inList(Field root, String path) {
		String[] segments = path.split("\\.");
		Field field = root;
		for (int i = 0; i < segments.length - 1 && field != null; i++) {
			field = (field.kind() == Kind.LIST) ? field.element().child(segments[i]) : field.child(segments[i]);
			if (field != null && field.kind() == Kind.LIST) {
				return true;
			}
		}
		return false;
	}

	/** 字段的类型与政策包声明的类型是否一致。 */
	static boolean sameKind(Field field, cn.zhongchuang.policy.PackDefinition.FactType type) {
		return field.kind().name().equals(type.name());
	}

	/**
	 * 政策包的空间事实结构：公开契约加上政策包新增的路径（facts-format.md）。没有新增路径时就是 {@code base} 本身， 各政策包共用同一份结构与
	 * CEL 环境。
	 * @param base 契约结构
	 * @param facts 政策包声明的事实（已通过 {@link PackReader} 的检查）
	 * @return 结构
	 */
	public static Field extend(Field base, java.util.List<cn.zhongchuang.policy.PackDefinition.Fact> facts) {
		Map<String, Object> added = new LinkedHashMap<>();
		for (cn.zhongchuang.policy.PackDefinition.Fact fact : facts) {
			if (fact.type() == null || at(base, fact.path()) != null || blocked(base, fact.path())) {
				continue;
			}
			Kind kind = Kind.valueOf(fact.type().name());
			Field leaf = new Field("", kind,
					(kind == Kind.ENUM && fact.values() != null) ? List.copyOf(fact.values().keySet()) : List.of(),
					null, null, null);
			added.put(fact.path(), leaf);
		}
		return added.isEmpty() ? base : graft(base, "", added);
	}

	/** 在对象 {@code field}（位于 {@code prefix}）之下加上 {@code added} 中以它为上级的新字段，返回新的对象结构。 */
	private static Field graft(Field field, String prefix, Map<String, Object> added) {
		Map<String, Field> children = new LinkedHashMap<>();
		for (Field child : field.fields().values()) {
			String path = prefix + child.name();
			boolean below = added.keySet().stream().anyMatch((p) -> p.startsWith(path + "."));
			children.put(child.name(),
					(below && child.kind() == Kind.OBJECT) ? graft(child, path + ".", added) : child);
		}
		Map<String, Map<String, Object>> newObjects = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : added.entrySet()) {
			if (!entry.getKey().startsWith(prefix)) {
				continue;
			}
			String rest = entry.getKey().substring(prefix.length());
			String name = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
			if (children.containsKey(name)) {
				continue;
			}
			if (!rest.contains(".")) {
				Field leaf = (Field) entry.getValue();
				children.put(name, new Field(name, leaf.kind(), leaf.values(), null, null, null));
			}
			else {
				newObjects.computeIfAbsent(name, (k) -> new LinkedHashMap<>());
			}
		}
		for (String name : newObjects.keySet()) {
			children.put(name, graft(object(name), prefix + name + ".", added));
		}
		Field[] all = children.values().toArray(Field[]::new);
		return object(field.name(), all);
	}

	private static Field field(String name, Kind kind) {
		return new Field(name, kind, List.of(), null, null, null);
	}

	private static Field enumField(String name, String... values) {
		return new Field(name, Kind.ENUM, Arrays.asList(values), null, null, null);
	}

	private static Field object(String name, Field... fields) {
		Map<String, Field> children = new LinkedHashMap<>();
		Map<String, Integer> positions = new HashMap<>();
		for (Field field : fields) {
			positions.put(field.name(), children.size());
			children.put(field.name(), field);
		}
		return new Field(name, Kind.OBJECT, List.of(), Collections.unmodifiableMap(children), null,
				Map.copyOf(positions));
	}

	private static Field list(String name, Field element) {
		return new Field(name, Kind.LIST, List.of(), null, element, null);
	}

}
