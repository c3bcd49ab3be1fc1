package cn.zhongchuang.policy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 条件详情的模板，如 {@code "孵化场地 {space.totalAreaM2}㎡，要求 ≥ 500㎡"}：花括号中是 CEL 表达式，
 * 求值后按中文习惯格式化（整数值的小数不带 .0，布尔值为"是/否"，列表用顿号连接）； {@code {{} 和 {@code }}} 表示花括号本身。占位符在加载时编译。
 * <p>
 * 占位符恰是一个行政区划类型的事实（如 {@code {operator.registeredRegion}}）或常量 {@code {jurisdiction}} 时，
 * 写出的是区划的名称（{@link Frame#withRegionNames}），不是代码：页面上不出现行政区划代码。
 */
public final class DetailTemplate {

	private final List<Object> parts;

	/** 预估的长度：中文文本一开始就按 UTF-16 存放，给足容量避免反复扩容复制。 */
	private final int capacity;

	private DetailTemplate(List<Object> parts) {
		this.parts = List.copyOf(parts);
		this.capacity = parts.stream().mapToInt((part) -> (part instanceof String text) ? text.length() : 12).sum()
				+ 16;
	}

	/** 模板中的占位符表达式（测试用）。 */
	List<CompiledExpression> expressions() {
		return this.parts.stream()
			.filter((part) -> !(part instanceof String))
			.map((part) -> (part instanceof RegionPart region) ? region.expression() : (CompiledExpression) part)
			.toList();
	}

	/**
	 * 编译模板。
	 * @param template 模板文本
	 * @param environment 占位符的 CEL 环境
	 * @return 模板
	 * @throws RuleCompileException 占位符无法编译或花括号不配对
	 */
	public static DetailTemplate compile(String template, RuleEnvironment environment) {
		List<Object> parts = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
				text.append(c);
				i += 2;
				continue;
			}
			if (c == '}') {
				throw new RuleCompileException("模板中有多余的 }：" + template);
			}
			if (c != '{') {
				text.append(c);
				i++;
				continue;
			}
			int end = closingBrace(template, i);
			if (text.length() > 0) {
				parts.add(text.toString());
				text.setLength(0);
			}
			String expression = template.substring(i + 1, end).trim();
			try {
				CompiledExpression compiled = environment.compile(expression, false);
				parts.add(isRegion(expression, environment) ? new RegionPart(compiled) : compiled);
			}
			catch (RuleCompileException ex) {
				throw new RuleCompileException("模板占位符 {" + expression + "} 无法编译：" + ex.getMessage());
			}
			i = end + 1;
		}
		if (text.length() > 0) {
			parts.add(text.toString());
		}
		return new DetailTemplate(parts);
	}

	/** 写出区划名称的占位符。 */
	private record RegionPart(CompiledExpression expression) {
	}

	/** 占位符是不是一个行政区划：常量 jurisdiction，或结构中类型为 REGION 的事实路径。 */
	static boolean isRegion(String expression, RuleEnvironment environment) {
		if (expression.equals("jurisdiction")) {
			return true;
		}
		if (!expression.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
			return false;
		}
		FactSchema.Field field = FactSchema.at(environment.factSchema(), expression);
		if (field == null && expression.startsWith("tenant.")) {
			field = FactSchema.at(environment.factSchema(), expression.substring("tenant.".length()));
		}
		return field != null && field.kind() == FactSchema.Kind.REGION;
	}

	private static int closingBrace(String template, int open) {
		int depth = 0;
		boolean quoted = false;
		char quote = 0;
		for (int i = open; i < template.length(); i++) {
			char c = template.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quoted = false;
				}
				continue;
			}
			if (c == '\'' || c == '"') {
				quoted = true;
				quote = c;
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		throw new RuleCompileException("模板中的 { 没有配对的 }：" + template);
	}

	/**
	 * 渲染。求值失败的占位符显示为"—"，不让一个说明性的数字拖垮整条结论。
	 * @param frame 变量
	 * @return 文本
	 */
	public String render(Frame frame) {
		StringBuilder text = new StringBuilder(this.capacity);
		for (Object part : this.parts) {
			if (part instanceof String literal) {
				text.append(literal);
				continue;
			}
			try {
				if (part instanceof RegionPart region) {
					Object code = region.expression().evaluate(frame);
					appendValue(text, (code instanceof String string) ? frame.regionNames.apply(string) : code);
				}
				else {
					appendValue(text, ((CompiledExpression) part).evaluate(frame));
				}
			}
			catch (RuleError ex) {
				text.append('—');
			}
		}
		return text.toString();
	}

	/** 按中文界面的习惯写出一个规则值。 */
	static void appendValue(StringBuilder text, Object value) {
		if (value instanceof String string) {
			text.append(string);
		}
		else if (value instanceof Long number) {
			text.append(number.longValue());
		}
		else if (value instanceof Double number) {
			appendNumber(text, number);
		}
		else if (value instanceof Boolean bool) {
			text.append(bool ? "是" : "否");
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					text.append('、');
				}
				appendValue(text, list.get(i));
			}
		}
		else if (value instanceof dev.cel.common.values.NullValue) {
			text.append('无');
		}
		else {
			text.append(value);
		}
	}

	private static void appendNumber(StringBuilder text, double number) {
		if (number == Math.rint(number) && Math.abs(number) < 1e15) {
			text.append((long) number);
		}
		else {
			text.append(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
		}
	}

}
