package cn.zhongchuang.policy.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhongchuang.reference.EnterpriseSizes;
import cn.zhongchuang.reference.Industry;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/**
 * 政策包规则可用的自定义函数。每个函数对应政策原文里的一种算法（整月、租期、向上取整、比例……）， 而不是某一条款：条款本身写在 YAML 里。
 */
public final class RuleFunctions {

	private static final CelType FACTS = MapType.create(SimpleType.STRING, SimpleType.DYN);

	/** 全部函数。 */
	public static final List<RuleFunction> ALL = List.of(
			new RuleFunction("monthsBetween", "monthsBetween_string_string", SimpleType.INT,
					List.of(SimpleType.STRING, SimpleType.STRING), List.of(String.class, String.class),
					"两个日期之间的整月数，如 monthsBetween(space.operatingSince, asOf)",
					(args) -> CalendarMonths.monthsBetween((String) args[0], (String) args[1])),
			new RuleFunction("leaseMonths", "leaseMonths_string_string", SimpleType.INT,
					List.of(SimpleType.STRING, SimpleType.STRING), List.of(String.class, String.class),
					"租期整月数，计入到期日：leaseMonths('2023-01-01', '2025-12-31') == 36",
					(args) -> CalendarMonths.leaseMonths((String) args[0], (String) args[1])),
			new RuleFunction("ceilDiv", "ceilDiv_int_int", SimpleType.INT, List.of(SimpleType.INT, SimpleType.INT),
					List.of(Long.class, Long.class), "向上取整的除法：ceilDiv(16, 15) == 2，用于「每 15 家至少 1 名」",
					RuleFunctions::ceilDiv),
			new RuleFunction("inRegion", "inRegion_string_string", SimpleType.BOOL,
					List.of(SimpleType.STRING, SimpleType.STRING), List.of(String.class, String.class),
					"行政区划代码是否属于某地区（含本级）：inRegion('620102', '620100') == true",
					(args) -> inRegion((String) args[0], (String) args[1])),
			new RuleFunction("shareAtLeast", "shareAtLeast_dyn_dyn_dyn", SimpleType.BOOL,
					List.of(SimpleType.DYN, SimpleType.DYN, SimpleType.DYN),
					List.of(Number.class, Number.class, Number.class),
					"part/whole 是否不低于 percent%（精确十进制比较，含本数；whole 为 0 时不满足）",
					(args) -> shareAtLeast((Number) args[0], (Number) args[1], (Number) args[2])),
			new RuleFunction("sum", "sum_list", SimpleType.DOUBLE, List.of(ListType.create(SimpleType.DYN)),
					List.of(List.class), "数值列表求和（结果为小数）：sum(funds.map(f, f.amountCny))",
					(args) -> sum((List<?>) args[0])),
			new RuleFunction("enterpriseSize", "enterpriseSize_map", SimpleType.STRING, List.of(FACTS),
					List.of(Map.class), "按《中小企业划型标准规定》划型：enterpriseSize(tenant) 返回 LARGE/MEDIUM/SMALL/MICRO",
					(args) -> enterpriseSize((Map<?, ?>) args[0])),
			new RuleFunction("text", "text_dyn", SimpleType.STRING, List.of(SimpleType.DYN), List.of(Object.class),
					"按详情模板的格式写出一个值（500.0 写作 500，布尔值写作 是/否），用于在详情中拼接文字", (args) -> text(args[0])),
			new RuleFunction("label", "label_string", SimpleType.STRING, List.of(SimpleType.STRING),
					List.of(String.class), "事实中枚举值的中文名称：label('UNIVERSITY') == '高等院校'；未知的值原样返回",
					(args) -> label((String) args[0])));

	/** 事实中枚举值的中文名称，供详情使用。 */
	static final Map<String, String> LABELS = Map.ofEntries(Map.entry("COMPREHENSIVE", "综合性"),
			Map.entry("SPECIALIZED", "专业化"), Map.entry("OWNED", "自有"), Map.entry("LEASED", "租赁"),
			Map.entry("LEADING_ENTERPRISE", "龙头骨干企业"), Map.entry("UNIVERSITY", "高等院校"),
			Map.entry("RESEARCH_INSTITUTE", "科研院所"), Map.entry("INNOVATIVE_ENTERPRISE", "创新型企业"),
			Map.entry("PAIRED_WITH_LEAD", "与龙头骨干企业、高校或科研院所结对的众创空间"), Map.entry("NONE", "无"),
			Map.entry("SELF_BUILT", "自建"), Map.entry("LED", "主导"), Map.entry("COOPERATIVE", "合作"),
			Map.entry("ANGEL", "天使投资基金"), Map.entry("VC", "风险投资基金"), Map.entry("SEED", "种子基金"),
			Map.entry("EQUITY", "股权投资基金"), Map.entry("INNOVATION", "创新基金"), Map.entry("LARGE", "大型"),
			Map.entry("MEDIUM", "中型"), Map.entry("SMALL", "小型"), Map.entry("MICRO", "微型"),
			Map.entry("AGRICULTURE", "农、林、牧、渔业"), Map.entry("INDUSTRY", "工业"), Map.entry("CONSTRUCTION", "建筑业"),
			Map.entry("WHOLESALE", "批发业"), Map.entry("RETAIL", "零售业"), Map.entry("TRANSPORT", "交通运输业"),
			Map.entry("WAREHOUSING", "仓储业"), Map.entry("POSTAL", "邮政业"), Map.entry("ACCOMMODATION", "住宿业"),
			Map.entry("CATERING", "餐饮业"), Map.entry("INFORMATION_TRANSMISSION", "信息传输业"),
			Map.entry("SOFTWARE_IT", "软件和信息技术服务业"), Map.entry("REAL_ESTATE_DEVELOPMENT", "房地产开发经营"),
			Map.entry("PROPERTY_MANAGEMENT", "物业管理"), Map.entry("LEASING_BUSINESS_SERVICES", "租赁和商务服务业"),
			Map.entry("OTHER", "其他未列明行业"),
			// 载体类型（朝阳 2014 孵化机构政策包的 institution.kind）
			Map.entry("MAKER_SPACE", "众创空间"), Map.entry("NURSERY", "创业苗圃"), Map.entry("INCUBATOR", "孵化器"),
			Map.entry("ACCELERATOR", "加速器"), Map.entry("UNIVERSITY_SCIENCE_PARK", "大学科技园"),
			Map.entry("RETURNEE_PARK", "留学人员创业园"), Map.entry("SMALL_BUSINESS_BASE", "小企业创业基地"),
			Map.entry("INDUSTRIAL_PARK", "产业园"), Map.entry("MAKER_SPACE_CLUSTER", "众创集聚区"));

	private static final Map<String, RuleFunction> BY_NAME = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(RuleFunction::name, Function.identity()));

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private RuleFunctions() {
	}

	static RuleFunction named(String name) {
		return BY_NAME.get(name);
	}

	static String label(String code) {
		return LABELS.getOrDefault(code, code);
	}

	static String text(Object value) {
		StringBuilder text = new StringBuilder();
		DetailTemplate.appendValue(text, value);
		return text.toString();
	}

	static Object ceilDiv(Object[] args) {
		long dividend = (Long) args[0];
		long divisor = (Long) args[1];
		if (divisor <= 0) {
			throw RuleError.invalid("ceilDiv 的除数应为正整数：" + divisor);
		}
		return Math.floorDiv(dividend + divisor - 1, divisor);
	}

	/**
	 * GB/T 2260：省级 xx0000 覆盖前两位相同的代码，地级 xxxx00 覆盖前四位相同的代码，县级只覆盖自身。
	 */
	static boolean inRegion(String code, String region) {
		if (region.endsWith("0000")) {
			return code.regionMatches(0, region, 0, 2);
		}
		if (region.endsWith("00")) {
			return code.regionMatches(0, region, 0, 4);
		}
		return code.equals(region);
	}

	/**
	 * 比例"不低于"按法律用语含本数。用十进制精确比较，避免 0.1+0.2 一类的二进制误差把恰好达标的 申请判为不达标。
	 */
	static boolean shareAtLeast(Number part, Number whole, Number percent) {
		long[] integers = integers(part, whole, percent);
		if (integers != null) {
			// 常见情形（人数、整数面积）：整数运算即精确，省去 BigDecimal
			return integers[1] > 0 && integers[0] * 100 >= integers[1] * integers[2];
		}
		BigDecimal total = decimal(whole);
		if (total.signum() <= 0) {
			return false;
		}
		return decimal(part).multiply(HUNDRED).compareTo(total.multiply(decimal(percent))) >= 0;
	}

	/** 三个数都是不大的整数值时返回它们，否则返回 {@code null}（乘积不会溢出）。 */
	private static long[] integers(Number... numbers) {
		long[] values = new long[numbers.length];
		for (int i = 0; i < numbers.length; i++) {
			Number number = numbers[i];
			if (number instanceof Long value) {
				values[i] = value;
			}
			else if (number instanceof Double value && value == Math.rint(value)) {
				values[i] = value.longValue();
			}
			else {
				return null;
			}
			if (Math.abs(values[i]) > 1_000_000_000_000L) {
				return null;
			}
		}
		return values;
	}

	static double sum(List<?> values) {
		double total = 0;
		for (Object value : values) {
			if (!(value instanceof Number number)) {
				throw RuleError.invalid("sum 只能对数值求和：" + value);
			}
			total += number.doubleValue();
		}
		return total;
	}

	/**
	 * 调用参考数据模块的划型；它对缺少的字段抛出 IllegalArgumentException，这里转成"缺少事实"并指明 字段。
	 */
	static String enterpriseSize(Map<?, ?> tenant) {
		Object industry = tenant.get("industry");
		if (industry == null) {
			throw RuleError.missing("tenant.industry");
		}
		Integer employees = (tenant.get("employees") instanceof Long count) ? Math.toIntExact(count) : null;
		try {
			return EnterpriseSizes
				.classify(Industry.valueOf((String) industry), employees, decimalOrNull(tenant.get("revenueWan")),
						decimalOrNull(tenant.get("totalAssetsWan")))
				.name();
		}
		catch (IllegalArgumentException ex) {
			throw missingSizeFact(tenant, String.valueOf(ex.getMessage()));
		}
	}

	private static RuleError missingSizeFact(Map<?, ?> tenant, String message) {
		String fallback = null;
		for (String field : List.of("employees", "revenueWan", "totalAssetsWan")) {
			if (!tenant.containsKey(field)) {
				if (message.contains(field)) {
					return RuleError.missing("tenant." + field);
				}
				fallback = (fallback != null) ? fallback : field;
			}
		}
		return (fallback != null) ? RuleError.missing("tenant." + fallback) : RuleError.invalid("企业划型失败：" + message);
	}

	private static BigDecimal decimalOrNull(Object value) {
		return (value instanceof Number number) ? decimal(number) : null;
	}

	private static BigDecimal decimal(Number number) {
		if (number instanceof Long || number instanceof Integer) {
			return BigDecimal.valueOf(number.longValue());
		}
		return BigDecimal.valueOf(number.doubleValue());
	}

}
