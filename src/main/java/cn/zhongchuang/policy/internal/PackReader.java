package cn.zhongchuang.policy.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import cn.zhongchuang.policy.CriterionKind;
import cn.zhongchuang.policy.FactComputations;
import cn.zhongchuang.policy.ExitRule;
import cn.zhongchuang.policy.InvalidPolicyPackException;
import cn.zhongchuang.policy.InvalidPolicyPackException.Problem;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PackDefinition.AnnualFiling;
import cn.zhongchuang.policy.PackDefinition.Assessment;
import cn.zhongchuang.policy.PackDefinition.Criterion;
import cn.zhongchuang.policy.PackDefinition.Dynamic;
import cn.zhongchuang.policy.PackDefinition.Example;
import cn.zhongchuang.policy.PackDefinition.Fact;
import cn.zhongchuang.policy.PackDefinition.FactType;
import cn.zhongchuang.policy.PackDefinition.GradeBand;
import cn.zhongchuang.policy.PackDefinition.Indicator;
import cn.zhongchuang.policy.PackDefinition.Material;
import cn.zhongchuang.policy.PackDefinition.Notice;
import cn.zhongchuang.policy.PackDefinition.Preferred;
import cn.zhongchuang.policy.PackDefinition.Review;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import cn.zhongchuang.policy.PackDefinition.Sanctions;
import cn.zhongchuang.policy.PackDefinition.ScoringItem;
import cn.zhongchuang.policy.PackDefinition.Target;
import cn.zhongchuang.policy.PackDefinition.TenantCriteria;
import cn.zhongchuang.policy.Verdict;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * 读取政策包的 YAML 或 JSON 文本，逐项检查结构，把所有问题（带路径的中文说明）一次报告出来， 而不是在第一个错误处带着 Jackson 的英文异常停下。规则的编译在
 * {@link PackCompiler} 中进行。
 */
public final class PackReader {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private static final Pattern REGION = Pattern.compile("\\d{6}");

	private static final Pattern FACT_PATH = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*");

	private final List<Problem> problems = new ArrayList<>();

	/** 已读取的示例事实（合并 extends 之后），供后面的示例引用。 */
	private final Map<String, JsonNode> exampleFacts = new LinkedHashMap<>();

	private PackReader() {
	}

	/**
	 * 解析政策包文本：以 { 开头按 JSON 读，否则按 YAML 读。
	 * @param text 文本
	 * @return 政策包内容
	 * @throws InvalidPolicyPackException 语法或结构错误
	 */
	public static PackDefinition read(String text) {
		String trimmed = text.stripLeading();
		boolean json = trimmed.startsWith("{");
		JsonNode root;
		try {
			root = (json ? JSON : YAML).readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidPolicyPackException(
					List.of(new Problem("", (json ? "JSON" : "YAML") + " 语法错误：" + ex.getOriginalMessage())));
		}
		return read(root);
	}

	public static PackDefinition read(byte[] bytes) {
		return read(new String(bytes, StandardCharsets.UTF_8));
	}

	public static PackDefinition read(JsonNode root) {
		PackReader reader = new PackReader();
		PackDefinition definition = reader.pack(root);
		if (!reader.problems.isEmpty()) {
			throw new InvalidPolicyPackException(reader.problems);
		}
		return definition;
	}

	private PackDefinition pack(JsonNode root) {
		if (root == null || !root.isObject()) {
			problem("", "政策包应为一个对象（YAML 映射或 JSON 对象）");
			return null;
		}
		String id = text(root, "id", "", true);
		if (id != null && !ID.matcher(id).matches()) {
			problem("id", "只能由小写字母、数字和连字符组成：" + id);
		}
		String jurisdiction = text(root, "jurisdiction", "", true);
		if (jurisdiction != null && !REGION.matcher(jurisdiction).matches()) {
			problem("jurisdiction", "应为 6 位行政区划代码：" + jurisdiction);
		}
		List<Criterion> criteria = list(root, "criteria", "", true, this::criterion);
		if (criteria != null && criteria.isEmpty()) {
			problem("criteria", "至少需要一项认定条件");
		}
		uniqueIds(criteria, "criteria");
		String specialization = text(root, "specialization", "", false);
		if (specialization != null && !List.of("COMPREHENSIVE", "SPECIALIZED").contains(specialization)) {
			problem("specialization", "取值 " + specialization + " 无效，可选：COMPREHENSIVE、SPECIALIZED");
		}
		PackDefinition.InstitutionKind kind = enumValue(root, "kind", "", PackDefinition.InstitutionKind.class, true);
		return new PackDefinition(id, text(root, "title", "", true), jurisdiction, text(root, "version", "", true),
				date(root, "effectiveFrom", "", true), text(root, "source", "", false), authority(root), grant(root),
				kind, kinds(root, kind), enumValue(root, "level", "", PackDefinition.Level.class, true), specialization,
				facts(root), criteria, orEmpty(list(root, "preferred", "", false, this::preferred)),
				tenantCriteria(root), exit(root), orEmpty(list(root, "materials", "", false, this::material)),
				review(root), notice(root), assessment(root),
				orEmpty(list(root, "scoring", "", false, this::scoringItem)), dynamic(root), sanctions(root),
				annualFiling(root), orEmpty(list(root, "targets", "", false, this::target)),
				orEmpty(list(root, "examples", "", false, this::example)));
	}

	/**
	 * {@code facts:}（facts-format.md）：每项事实的路径、类型、中文名称、来源；问题写明位置，如
	 * {@code facts[3] (incubator.x)：缺少中文名称}。
	 */
	private List<Fact> facts(JsonNode root) {
		JsonNode node = array(root, "facts", "", false);
		if (node == null) {
			return List.of();
		}
		List<Fact> facts = new ArrayList<>();
		Set<String> paths = new HashSet<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			if (!item.isObject()) {
				problem("facts[" + i + "]", "应为对象（path、type、label、source）");
				continue;
			}
			JsonNode pathNode = item.get("path");
			String path = (pathNode != null && pathNode.isString()) ? pathNode.stringValue().strip() : null;
			String at = "facts[" + i + "]" + ((path != null) ? " (" + path + ")" : "");
			if (path == null || !FACT_PATH.matcher(path).matches()) {
				problem(at, (path == null) ? "缺少事实路径 path" : "事实路径应为点分的字段名（如 space.totalAreaM2）：" + path);
				continue;
			}
			if (!paths.add(path)) {
				problem(at, "事实重复声明：" + path);
			}
			FactType type = factType(item, at);
			String label = text(item, "label", at, false);
			if (label == null || label.isBlank()) {
				problem(at, "缺少中文名称（label）");
				label = null;
			}
			else if (!label.codePoints()
				.anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
				problem(at, "名称应为中文：" + label);
			}
			String source = text(item, "source", at, false);
			source = (source == null || source.isBlank()) ? "declared" : source.strip();
			if (!source.equals("declared")) {
				if (!source.startsWith(FactComputations.PREFIX)) {
					problem(at, "来源 source 应为 declared 或 computed:<计算名称>：" + source);
				}
				else {
					String name = source.substring(FactComputations.PREFIX.length());
					java.util.Optional<FactComputations.Computation> computation = FactComputations.named(name);
					if (computation.isEmpty()) {
						problem(at, "没有名为「" + name + "」的计算，可用：" + String.join("、",
								FactComputations.ALL.stream().map(FactComputations.Computation::name).toList()));
					}
					else if (type != null && computation.get().type() != type
							&& !FactSchema.inList(FactSchema.SPACE, path)) {
						problem(at, "计算「" + name + "」给出 " + computation.get().type() + "，与声明的类型 " + type + " 不符");
					}
				}
			}
			Map<String, String> values = enumLabels(item, at, type);
			FactSchema.Field contract = FactSchema.at(FactSchema.SPACE, path);
			if (contract != null && type != null) {
				if (!FactSchema.sameKind(contract, type)) {
					problem(at, "公开契约中此事实的类型为 " + contract.kind() + "，声明为 " + type);
				}
				else if (type == FactType.ENUM && values != null
						&& !values.keySet().equals(Set.copyOf(contract.values()))) {
					problem(at, "枚举值应与公开契约一致：" + String.join("、", contract.values()));
				}
			}
			else if (contract == null && FactSchema.blocked(FactSchema.SPACE, path)) {
				problem(at, "公开契约中此路径的上级不是对象，不能在其下增加事实：" + path);
			}
			else if (contract == null && type == FactType.LIST) {
				problem(at, "新增的事实不能是列表（LIST 只用于公开契约中的 funds）");
			}
			facts.add(new Fact(path, type, blankToNull(text(item, "unit", at, false)), label,
					blankToNull(text(item, "help", at, false)), source, values));
		}
		for (Fact fact : facts) {
			for (Fact other : facts) {
				if (other.path().startsWith(fact.path() + ".") && fact.type() != FactType.LIST) {
					problem("facts (" + other.path() + ")", "上级 " + fact.path() + " 已声明为 " + fact.type() + "，不能再有下级事实");
				}
			}
		}
		return List.copyOf(facts);
	}

	private FactType factType(JsonNode item, String at) {
		JsonNode node = item.get("type");
		if (node == null || node.isNull() || !node.isString() || node.stringValue().isBlank()) {
			problem(at, "缺少类型 type，可选：" + String.join("、", Arrays.stream(FactType.values()).map(Enum::name).toList()));
			return null;
		}
		try {
			return FactType.valueOf(node.stringValue().strip());
		}
		catch (IllegalArgumentException ex) {
			problem(at, "未知的类型 " + node.stringValue() + "，可选："
					+ String.join("、", Arrays.stream(FactType.values()).map(Enum::name).toList()));
			return null;
		}
	}

	private Map<String, String> enumLabels(JsonNode item, String at, FactType type) {
		JsonNode node = item.get("values");
		if (type != FactType.ENUM) {
			if (node != null && !node.isNull()) {
				problem(at, "只有 ENUM 类型的事实才有 values");
			}
			return null;
		}
		if (node == null || !node.isObject() || node.isEmpty()) {
			problem(at, "枚举类型需要 values：代码与中文名称的映射，如 {OWNED: 自有, LEASED: 租赁}");
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode label = entry.getValue();
			if (label == null || !label.isString() || label.stringValue().isBlank()) {
				problem(at, "枚举值 " + entry.getKey() + " 缺少中文名称");
				continue;
			}
			values.put(entry.getKey(), label.stringValue().strip());
		}
		return Collections.unmodifiableMap(values);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * 可认定的载体类型：{@code kinds} 列表（须含主类型 {@code kind}，不得重复）；不写时只有 {@code kind}。
	 */
	private List<PackDefinition.InstitutionKind> kinds(JsonNode root, PackDefinition.InstitutionKind kind) {
		JsonNode node = array(root, "kinds", "", false);
		if (node == null) {
			return (kind != null) ? List.of(kind) : List.of();
		}
		List<PackDefinition.InstitutionKind> kinds = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			String at = "kinds[" + i + "]";
			JsonNode item = node.get(i);
			PackDefinition.InstitutionKind value = null;
			if (item.isString()) {
				try {
					value = PackDefinition.InstitutionKind.valueOf(item.stringValue());
				}
				catch (IllegalArgumentException ex) {
					// reported below
				}
			}
			if (value == null) {
				problem(at, "载体类型 " + item.asString() + " 无效，可选：" + String.join("、",
						Arrays.stream(PackDefinition.InstitutionKind.values()).map(Enum::name).toList()));
			}
			else if (kinds.contains(value)) {
				problem(at, "载体类型重复：" + value);
			}
			else {
				kinds.add(value);
			}
		}
		if (kind != null && !kinds.contains(kind)) {
			problem("kinds", "应包含主类型 kind（" + kind + "）");
		}
		return List.copyOf(kinds);
	}

	/** 认定机关的名称：可以不写（由地区名推出），写了就不能是空白。 */
	private String authority(JsonNode root) {
		String authority = text(root, "authority", "", false);
		if (authority != null && authority.isBlank()) {
			problem("authority", "不能为空；不写则按地区名称推出认定机关");
			return null;
		}
		return (authority != null) ? authority.strip() : null;
	}

	/** 授予方式：认定（缺省）或备案。 */
	private String grant(JsonNode root) {
		String grant = text(root, "grant", "", false);
		if (grant == null) {
			return null;
		}
		if (!PackDefinition.GRANTS.contains(grant.strip())) {
			problem("grant", "取值 " + grant + " 无效，可选：" + String.join("、", PackDefinition.GRANTS) + "；不写即为认定");
			return null;
		}
		return grant.strip();
	}

	private Criterion criterion(JsonNode node, String path) {
		String article = article(node, path);
		CriterionKind kind = enumValue(node, "kind", path, CriterionKind.class, true);
		if (kind == CriterionKind.PREFERRED) {
			problem(path + ".kind", "优先项请写在 preferred 列表中（同一条款可以同时有一项条件和一项优先项）");
		}
		String rule = text(node, "rule", path, false);
		if (kind == CriterionKind.AUTOMATIC && rule == null) {
			problem(path + ".rule", "自动判断的条件需要 rule");
		}
		if (kind == CriterionKind.MANUAL && rule != null) {
			problem(path + ".rule", "人工判断的条件不应有 rule；规则满足时自动通过、不满足时交人工的，写 kind: AUTOMATIC 和 otherwise: MANUAL");
		}
		Verdict.Result otherwise = enumValue(node, "otherwise", path, Verdict.Result.class, false);
		if (otherwise != null && otherwise != Verdict.Result.FAIL && otherwise != Verdict.Result.MANUAL) {
			problem(path + ".otherwise", "只能是 FAIL 或 MANUAL");
		}
		String id = text(node, "id", path, false);
		return new Criterion((id != null) ? id : article, article, text(node, "title", path, true), kind,
				text(node, "text", path, false), orEmpty(strings(node, "requires", path)),
				text(node, "applies", path, false), text(node, "notApplicable", path, false), rule,
				(otherwise != null) ? otherwise : Verdict.Result.FAIL, text(node, "detail", path, false));
	}

	private Preferred preferred(JsonNode node, String path) {
		return new Preferred(article(node, path), text(node, "title", path, true),
				orEmpty(strings(node, "requires", path)), text(node, "rule", path, true),
				text(node, "detail", path, false));
	}

	private TenantCriteria tenantCriteria(JsonNode root) {
		JsonNode node = root.get("tenantCriteria");
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			problem("tenantCriteria", "应为对象（keyIndustries 与 criteria）");
			return null;
		}
		List<Criterion> criteria = orEmpty(list(node, "criteria", "tenantCriteria", false, this::criterion));
		uniqueIds(criteria, "tenantCriteria.criteria");
		return new TenantCriteria(orEmpty(strings(node, "keyIndustries", "tenantCriteria")), criteria);
	}

	private ExitRule exit(JsonNode root) {
		JsonNode node = object(root, "exit", "");
		if (node == null) {
			return null;
		}
		Integer abnormal = integer(node, "abnormalAfterMonthsWithoutFiling", "exit", true, 1);
		Integer clearance = integer(node, "clearanceAfterMonthsWithoutTax", "exit", true, 1);
		return (abnormal != null && clearance != null) ? new ExitRule(abnormal, clearance) : null;
	}

	private Material material(JsonNode node, String path) {
		return new Material(text(node, "code", path, true), text(node, "name", path, true),
				bool(node, "required", path, true), text(node, "note", path, false));
	}

	private Review review(JsonNode root) {
		JsonNode node = object(root, "review", "");
		if (node == null) {
			return null;
		}
		List<ReviewStage> stages = orEmpty(list(node, "stages", "review", true, this::stage));
		if (stages.isEmpty()) {
			problem("review.stages", "至少需要一个审查环节");
		}
		return new Review(stages, text(node, "basis", "review", false), annualCall(node));
	}

	private PackDefinition.AnnualCall annualCall(JsonNode review) {
		JsonNode node = object(review, "annualCall", "review");
		if (node == null) {
			return null;
		}
		String closes = text(node, "closes", "review.annualCall", true);
		if (closes != null && !monthDay(closes)) {
			problem("review.annualCall.closes", "应为 MM-dd 格式的日期：" + closes);
			return null;
		}
		return (closes != null) ? new PackDefinition.AnnualCall(closes, text(node, "basis", "review.annualCall", false))
				: null;
	}

	private static boolean monthDay(String text) {
		try {
			MonthDay.parse("--" + text);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private ReviewStage stage(JsonNode node, String path) {
		return new ReviewStage(text(node, "code", path, true), text(node, "name", path, true),
				enumValue(node, "role", path, PackDefinition.ReviewRole.class, true),
				bool(node, "expertsScore", path, false), bool(node, "canReturn", path, true),
				bool(node, "canReject", path, true));
	}

	private Notice notice(JsonNode root) {
		JsonNode node = object(root, "notice", "");
		if (node == null) {
			return null;
		}
		boolean required = bool(node, "required", "notice", true);
		Integer workingDays = integer(node, "workingDays", "notice", required, 1);
		return new Notice(required, workingDays, text(node, "afterStage", "notice", false),
				text(node, "basis", "notice", false));
	}

	/** 等次代码（可选）：一到两个大写字母，如 A、B、C、D。 */
	private String gradeCode(JsonNode item, String path) {
		String code = text(item, "code", path, false);
		if (code != null && !code.matches("[A-Z]{1,2}")) {
			problem(path + ".code", "等次代码应为一到两个大写字母（如 A、B、C、D）：" + code);
			return null;
		}
		return code;
	}

	private Assessment assessment(JsonNode root) {
		JsonNode node = object(root, "assessment", "");
		if (node == null) {
			return null;
		}
		Integer cycle = integer(node, "cycleYears", "assessment", true, 1);
		List<Indicator> indicators = orEmpty(list(node, "indicators", "assessment", true,
				(item, path) -> new Indicator(text(item, "code", path, true), text(item, "name", path, true),
						orZero(integer(item, "weight", path, true, 0)),
						orZero(integer(item, "maxScore", path, true, 1)))));
		int weights = indicators.stream().mapToInt(Indicator::weight).sum();
		if (!indicators.isEmpty() && weights != 100) {
			problem("assessment.indicators", "权重之和应为 100，实际为 " + weights);
		}
		List<GradeBand> grades = orEmpty(
				list(node, "grades", "assessment", true, (item, path) -> new GradeBand(text(item, "grade", path, true),
						orZero(integer(item, "minScore", path, true, 0)), gradeCode(item, path))));
		for (int i = 1; i < grades.size(); i++) {
			if (grades.get(i).minScore() >= grades.get(i - 1).minScore()) {
				problem("assessment.grades[" + i + "]", "等次应按分数线从高到低排列");
			}
		}
		if (grades.isEmpty()) {
			problem("assessment.grades", "至少需要一个等次");
		}
		return new Assessment(orZero(cycle), indicators, grades, text(node, "basis", "assessment", false));
	}

	private ScoringItem scoringItem(JsonNode node, String path) {
		return new ScoringItem(text(node, "code", path, true), text(node, "name", path, true),
				orZero(integer(node, "maxPoints", path, true, 1)), text(node, "article", path, false));
	}

	private Dynamic dynamic(JsonNode root) {
		JsonNode node = object(root, "dynamic", "");
		if (node == null) {
			return null;
		}
		PackDefinition.LapseRule lapse = enumValue(node, "lapseRule", "dynamic", PackDefinition.LapseRule.class, true);
		Integer years = integer(node, "consecutiveFailingYears", "dynamic",
				lapse == PackDefinition.LapseRule.CONSECUTIVE_FAILING_YEARS, 1);
		Integer rectificationDays = integer(node, "rectificationWorkingDays", "dynamic", false, 1);
		boolean onFailing = bool(node, "rectifyOnFailing", "dynamic", false);
		boolean onNotAssessed = bool(node, "rectifyOnNotAssessed", "dynamic", false);
		if ((onFailing || onNotAssessed) && rectificationDays == null) {
			problem("dynamic.rectificationWorkingDays", "自动下达整改通知（rectifyOnFailing、rectifyOnNotAssessed）需要整改期限");
		}
		return new Dynamic(lapse, years, rectificationDays, integer(node, "changeReportMonths", "dynamic", false, 1),
				text(node, "basis", "dynamic", false), onFailing, onNotAssessed);
	}

	private Sanctions sanctions(JsonNode root) {
		JsonNode node = object(root, "sanctions", "");
		if (node == null) {
			return null;
		}
		return new Sanctions(bool(node, "revokeTitle", "sanctions", true),
				integer(node, "banYears", "sanctions", false, 1), bool(node, "subsidyRecovery", "sanctions", false),
				text(node, "basis", "sanctions", false));
	}

	private AnnualFiling annualFiling(JsonNode root) {
		JsonNode node = object(root, "annualFiling", "");
		if (node == null) {
			return null;
		}
		String due = text(node, "dueMonthDay", "annualFiling", false);
		if (due != null && !monthDay(due)) {
			problem("annualFiling.dueMonthDay", "应为 MM-dd 格式的日期：" + due);
		}
		return new AnnualFiling(bool(node, "required", "annualFiling", true), due,
				text(node, "basis", "annualFiling", false));
	}

	private Target target(JsonNode node, String path) {
		String comparator = text(node, "comparator", path, true);
		if (comparator != null && !List.of("AT_LEAST", "MORE_THAN", "REPORTED").contains(comparator)) {
			problem(path + ".comparator", "取值 " + comparator + " 无效，可选：AT_LEAST、MORE_THAN、REPORTED");
		}
		JsonNode value = node.get("value");
		if (value == null || !value.isNumber()) {
			problem(path + ".value", "应为数值");
		}
		return new Target(text(node, "code", path, true), text(node, "name", path, true), comparator,
				(value != null && value.isNumber()) ? value.doubleValue() : 0, text(node, "unit", path, false),
				integer(node, "year", path, false, 1900), text(node, "basis", path, false));
	}

	private Example example(JsonNode node, String path) {
		JsonNode facts = node.get("facts");
		if (facts == null || !facts.isObject()) {
			problem(path + ".facts", "应为对象（与接口请求体相同的事实）");
		}
		String base = text(node, "extends", path, false);
		if (base != null && facts != null && facts.isObject()) {
			JsonNode inherited = this.exampleFacts.get(base);
			if (inherited == null) {
				problem(path + ".extends", "没有名为「" + base + "」的前序示例");
			}
			else {
				facts = merge(inherited.deepCopy(), facts);
			}
		}
		String name = text(node, "name", path, true);
		if (name != null && facts != null) {
			if (this.exampleFacts.containsKey(name)) {
				problem(path + ".name", "示例名称重复：" + name);
			}
			this.exampleFacts.put(name, facts);
		}
		PackDefinition.Subject subject = enumValue(node, "subject", path, PackDefinition.Subject.class, false);
		Map<String, Verdict.Result> results = new LinkedHashMap<>();
		JsonNode expected = node.get("results");
		if (expected != null && !expected.isNull()) {
			if (!expected.isObject()) {
				problem(path + ".results", "应为 条件id: 结果 的映射");
			}
			else {
				for (Map.Entry<String, JsonNode> entry : expected.properties()) {
					Verdict.Result result = enumValue(expected, entry.getKey(), path + ".results", Verdict.Result.class,
							true);
					results.put(entry.getKey(), result);
				}
			}
		}
		return new Example(name, (subject != null) ? subject : PackDefinition.Subject.SPACE, facts,
				enumValue(node, "outcome", path, Verdict.Outcome.class, true), results);
	}

	/**
	 * 示例的 extends：在前序示例的事实上逐层覆盖（对象合并，其余替换，写 null 即去掉该事实）， 让边界示例只写出与基准不同的那一两个数。
	 */
	private static JsonNode merge(JsonNode base, JsonNode override) {
		if (!(base instanceof ObjectNode target) || !override.isObject()) {
			return override.deepCopy();
		}
		for (Map.Entry<String, JsonNode> entry : override.properties()) {
			JsonNode existing = target.get(entry.getKey());
			target.set(entry.getKey(), (existing != null && existing.isObject() && entry.getValue().isObject())
					? merge(existing, entry.getValue()) : entry.getValue().deepCopy());
		}
		return target;
	}

	/** 条款号必须是字符串：YAML 会把未加引号的 5.10 读成小数 5.1。 */
	private String article(JsonNode node, String path) {
		JsonNode value = node.get("article");
		if (value != null && value.isIntegralNumber()) {
			return value.asString();
		}
		if (value != null && value.isNumber()) {
			problem(path + ".article", "条款号请加引号写成字符串（如 \"5.10\"），否则 YAML 会把它读成小数 " + value.asString());
			return value.asString();
		}
		return text(node, "article", path, true);
	}

	private void uniqueIds(List<Criterion> criteria, String path) {
		if (criteria == null) {
			return;
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < criteria.size(); i++) {
			String id = criteria.get(i).id();
			if (id != null && !ids.add(id)) {
				problem(path + "[" + i + "].id", "条件 id 重复：" + id + "（同一条款拆成多项时请用 id 区分）");
			}
		}
	}

	private JsonNode object(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			problem(join(path, field), "应为对象");
			return null;
		}
		return node;
	}

	private String text(JsonNode parent, String field, String path, boolean required) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			if (required) {
				problem(join(path, field), "缺少必填项");
			}
			return null;
		}
		if (node.isString()) {
			if (required && node.stringValue().isBlank()) {
				problem(join(path, field), "不能为空");
			}
			return node.stringValue();
		}
		if (node.isIntegralNumber()) {
			// 行政区划代码、版本号等常被写成不带引号的数字
			return node.asString();
		}
		problem(join(path, field), "应为字符串");
		return null;
	}

	private Integer integer(JsonNode parent, String field, String path, boolean required, int min) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			if (required) {
				problem(join(path, field), "缺少必填项");
			}
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			problem(join(path, field), "应为整数");
			return null;
		}
		if (node.intValue() < min) {
			problem(join(path, field), "不能小于 " + min);
			return null;
		}
		return node.intValue();
	}

	private boolean bool(JsonNode parent, String field, String path, boolean defaultValue) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return defaultValue;
		}
		if (!node.isBoolean()) {
			problem(join(path, field), "应为 true 或 false");
			return defaultValue;
		}
		return node.booleanValue();
	}

	private LocalDate date(JsonNode parent, String field, String path, boolean required) {
		String text = text(parent, field, path, required);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeException ex) {
			problem(join(path, field), "应为存在的 YYYY-MM-DD 日期：" + text);
			return null;
		}
	}

	private <E extends Enum<E>> E enumValue(JsonNode parent, String field, String path, Class<E> type,
			boolean required) {
		String text = text(parent, field, path, required);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text);
		}
		catch (IllegalArgumentException ex) {
			problem(join(path, field), "取值 " + text + " 无效，可选："
					+ String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
			return null;
		}
	}

	private List<String> strings(JsonNode parent, String field, String path) {
		JsonNode node = array(parent, field, path, false);
		if (node == null) {
			return null;
		}
		List<String> items = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			if (node.get(i).isString()) {
				items.add(node.get(i).stringValue());
			}
			else {
				problem(join(path, field) + "[" + i + "]", "应为字符串");
			}
		}
		return items;
	}

	private <T> List<T> list(JsonNode parent, String field, String path, boolean required,
			BiFunction<JsonNode, String, T> element) {
		JsonNode node = array(parent, field, path, required);
		if (node == null) {
			return null;
		}
		List<T> items = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			String itemPath = join(path, field) + "[" + i + "]";
			if (!node.get(i).isObject()) {
				problem(itemPath, "应为对象");
				continue;
			}
			T value = element.apply(node.get(i), itemPath);
			if (value != null) {
				items.add(value);
			}
		}
		return items;
	}

	private JsonNode array(JsonNode parent, String field, String path, boolean required) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			if (required) {
				problem(join(path, field), "缺少必填项");
			}
			return null;
		}
		if (!node.isArray()) {
			problem(join(path, field), "应为列表");
			return null;
		}
		return node;
	}

	private void problem(String path, String message) {
		this.problems.add(new Problem(path, message));
	}

	private static String join(String path, String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

}
