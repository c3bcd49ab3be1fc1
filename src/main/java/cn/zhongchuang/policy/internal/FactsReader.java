package cn.zhongchuang.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.policy.InvalidFactsException;
import cn.zhongchuang.policy.InvalidFactsException.FieldError;
import cn.zhongchuang.policy.internal.FactSchema.Field;
import tools.jackson.databind.JsonNode;

/**
 * 按 {@link FactSchema} 把 JSON 事实转成规则使用的 {@code Map} 树，并把格式错误报告为带字段路径的
 * {@link InvalidFactsException}，而不是 Jackson 的解析异常。
 * <p>
 * 对象转换为按结构下标存放的 {@link FactObject}（规则按下标取字段，不再逐次查哈希表）；其余值：布尔 → {@code Boolean}，整数 →
 * {@code Long}，小数 → {@code Double}，日期 → 规范的 {@code yyyy-MM-dd}
 * 字符串（字典序即时间顺序，规则可直接比较），枚举、地区代码 → 字符串。 {@code null}
 * 与空白文本视同未提供：缺少事实不是错误，由需要它的条件判为不符合。未知字段忽略，以便调用方先于 引擎增加字段。
 */
public final class FactsReader {

	private final List<FieldError> errors = new ArrayList<>();

	private FactsReader() {
	}

	/**
	 * 读取一棵事实树。
	 * @param node JSON 根节点
	 * @param schema 结构
	 * @param prefix 报错路径的前缀（如政策包示例中的 {@code examples[0].facts.}），通常为空串
	 * @return 转换后的事实
	 * @throws InvalidFactsException 有任何格式错误时，列出全部出错字段
	 */
	public static Map<String, Object> read(JsonNode node, Field schema, String prefix) {
		FactsReader reader = new FactsReader();
		Map<String, Object> facts = reader.object(node, schema, prefix);
		if (!reader.errors.isEmpty()) {
			throw new InvalidFactsException(reader.errors);
		}
		return facts;
	}

	private FactObject object(JsonNode node, Field schema, String path) {
		if (node == null || !node.isObject()) {
			error(path.isEmpty() ? "$" : path, "应为 JSON 对象");
			return null;
		}
		Object[] values = new Object[schema.fields().size()];
		int i = 0;
		for (Field field : schema.fields().values()) {
			JsonNode child = node.get(field.name());
			if (child != null && !child.isNull()) {
				values[i] = value(child, field, join(path, field.name()));
			}
			i++;
		}
		return new FactObject(schema, values);
	}

	private Object value(JsonNode node, Field field, String path) {
		return switch (field.kind()) {
			case BOOL -> node.isBoolean() ? node.booleanValue() : error(path, "应为 true 或 false");
			case INT -> integer(node, path);
			case DECIMAL -> decimal(node, path);
			case STRING -> node.isString() ? text(node.stringValue()) : error(path, "应为字符串");
			case DATE -> date(node, path);
			case YEAR_MONTH -> yearMonth(node, path);
			case REGION -> region(node, path);
			case ENUM -> enumValue(node, field, path);
			case OBJECT -> object(node, field, path);
			case LIST -> list(node, field, path);
		};
	}

	/**
	 * 空白文本（空串、只有空格、全角空格、制表符或换行）视同未提供：每一项需要它的条件都按缺少事实判断， 不必在政策包里逐条写 {@code != ''}。
	 */
	private static String text(String value) {
		return isBlank(value) ? null : value;
	}

	/** 是否只有空白字符：{@link String#isBlank} 之外也把不换行空格（U+00A0、U+2007、U+202F）算作空白。 */
	static boolean isBlank(String value) {
		return value.codePoints().allMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c));
	}

	private Object integer(JsonNode node, String path) {
		if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
			return error(path, "应为整数");
		}
		long value = node.longValue();
		return (value < 0) ? error(path, "不能为负数") : (Object) value;
	}

	private Object decimal(JsonNode node, String path) {
		if (!node.isNumber()) {
			return error(path, "应为数值");
		}
		double value = node.doubleValue();
		if (Double.isInfinite(value) || Double.isNaN(value)) {
			return error(path, "数值超出范围");
		}
		return (value < 0) ? error(path, "不能为负数") : (Object) value;
	}

	private Object date(JsonNode node, String path) {
		if (!node.isString() || !shaped(node.stringValue(), "dddd-dd-dd")) {
			return error(path, "应为 YYYY-MM-DD 格式的日期");
		}
		String date = node.stringValue();
		return CalendarMonths.isDate(date) ? date : error(path, "日期不存在：" + date);
	}

	private Object yearMonth(JsonNode node, String path) {
		if (!node.isString() || !shaped(node.stringValue(), "dddd-dd")) {
			return error(path, "应为 YYYY-MM 格式的月份");
		}
		String month = node.stringValue();
		return CalendarMonths.isYearMonth(month) ? month : error(path, "月份不存在：" + month);
	}

	private Object region(JsonNode node, String path) {
		if (!node.isString() || !CalendarMonths.isDigits(node.stringValue(), 6)) {
			return error(path, "应为 6 位行政区划代码（字符串）");
		}
		return node.stringValue();
	}

	private Object enumValue(JsonNode node, Field field, String path) {
		if (!node.isString() || !field.values().contains(node.stringValue())) {
			String given = node.isString() ? node.stringValue() : node.toString();
			return error(path, "取值 " + given + " 无效，可选：" + String.join("、", field.values()));
		}
		return node.stringValue();
	}

	private Object list(JsonNode node, Field field, String path) {
		if (!node.isArray()) {
			return error(path, "应为数组");
		}
		List<Object> values = new ArrayList<>(node.size());
		for (int i = 0; i < node.size(); i++) {
			JsonNode element = node.get(i);
			String elementPath = path + "[" + i + "]";
			if (element == null || element.isNull()) {
				error(elementPath, "数组元素不能为 null");
				continue;
			}
			Object value = value(element, field.element(), elementPath);
			if (value != null) {
				values.add(value);
			}
		}
		return List.copyOf(values);
	}

	/** 文本是否符合形状（d 表示一位数字，其余字符照原样）。 */
	private static boolean shaped(String text, String shape) {
		if (text.length() != shape.length()) {
			return false;
		}
		for (int i = 0; i < shape.length(); i++) {
			char expected = shape.charAt(i);
			char actual = text.charAt(i);
			if ((expected == 'd') ? (actual < '0' || actual > '9') : actual != expected) {
				return false;
			}
		}
		return true;
	}

	private Object error(String path, String message) {
		this.errors.add(new FieldError(path, message));
		return null;
	}

	private static String join(String path, String name) {
		return (path.isEmpty() || path.endsWith(".")) ? path + name : path + "." + name;
	}

}
