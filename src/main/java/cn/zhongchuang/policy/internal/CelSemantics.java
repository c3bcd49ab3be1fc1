package cn.zhongchuang.policy.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.cel.common.values.NullValue;

/**
 * CEL 标准运算符在本引擎所用值域（Boolean、Long、Double、String、List、Map、null）上的语义，与 CEL-Java
 * 运行时（开启异构数值比较）一致：整数与小数可比较、可判等但不可相加；类型不同的值判等为 false；整数溢出、除以零、类型不符是错误。一致性由
 * {@code FastEvaluatorParityProperties} 验证。
 */
final class CelSemantics {

	private CelSemantics() {
	}

	static boolean equal(Object left, Object right) {
		if (left instanceof Number a && right instanceof Number b) {
			return compareNumbers(a, b) == 0 && !isNaN(a) && !isNaN(b);
		}
		if (left instanceof List<?> a && right instanceof List<?> b) {
			if (a.size() != b.size()) {
				return false;
			}
			Iterator<?> other = b.iterator();
			for (Object element : a) {
				if (!equal(element, other.next())) {
					return false;
				}
			}
			return true;
		}
		if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
			if (a.size() != b.size()) {
				return false;
			}
			for (Map.Entry<?, ?> entry : a.entrySet()) {
				Object value = b.get(entry.getKey());
				if (value == null || !equal(entry.getValue(), value)) {
					return false;
				}
			}
			return true;
		}
		return left.equals(right);
	}

	static int compare(Object left, Object right, String operator) {
		if (left instanceof Number a && right instanceof Number b) {
			return compareNumbers(a, b);
		}
		if (left instanceof String a && right instanceof String b) {
			return a.compareTo(b);
		}
		if (left instanceof Boolean a && right instanceof Boolean b) {
			return Boolean.compare(a, b);
		}
		throw noOverload(operator, left, right);
	}

	static Object add(Object left, Object right) {
		if (left instanceof Long a && right instanceof Long b) {
			return exact(() -> Math.addExact(a, b));
		}
		if (left instanceof Double a && right instanceof Double b) {
			return a + b;
		}
		if (left instanceof String a && right instanceof String b) {
			return a.concat(b);
		}
		if (left instanceof List<?> a && right instanceof List<?> b) {
			return concat(a, b);
		}
		throw noOverload("+", left, right);
	}

	static Object subtract(Object left, Object right) {
		if (left instanceof Long a && right instanceof Long b) {
			return exact(() -> Math.subtractExact(a, b));
		}
		if (left instanceof Double a && right instanceof Double b) {
			return a - b;
		}
		throw noOverload("-", left, right);
	}

	static Object multiply(Object left, Object right) {
		if (left instanceof Long a && right instanceof Long b) {
			return exact(() -> Math.multiplyExact(a, b));
		}
		if (left instanceof Double a && right instanceof Double b) {
			return a * b;
		}
		throw noOverload("*", left, right);
	}

	static Object divide(Object left, Object right) {
		if (left instanceof Long a && right instanceof Long b) {
			if (b == 0) {
				throw RuleError.invalid("除以零");
			}
			if (a == Long.MIN_VALUE && b == -1) {
				throw RuleError.invalid("整数溢出");
			}
			return a / b;
		}
		if (left instanceof Double a && right instanceof Double b) {
			return a / b;
		}
		throw noOverload("/", left, right);
	}

	static Object modulo(Object left, Object right) {
		if (left instanceof Long a && right instanceof Long b) {
			if (b == 0) {
				throw RuleError.invalid("除以零");
			}
			return (b == -1) ? 0L : a % b;
		}
		throw noOverload("%", left, right);
	}

	static Object negate(Object value) {
		if (value instanceof Long a) {
			return exact(() -> Math.negateExact(a));
		}
		if (value instanceof Double a) {
			return -a;
		}
		throw noOverload("-", value, null);
	}

	static boolean contains(Object container, Object element) {
		if (container instanceof List<?> list) {
			for (Object candidate : list) {
				if (equal(element, candidate)) {
					return true;
				}
			}
			return false;
		}
		if (container instanceof Map<?, ?> map) {
			return map.containsKey(element);
		}
		throw noOverload("in", element, container);
	}

	static long size(Object value) {
		if (value instanceof String text) {
			return text.codePointCount(0, text.length());
		}
		if (value instanceof List<?> list) {
			return list.size();
		}
		if (value instanceof Map<?, ?> map) {
			return map.size();
		}
		throw noOverload("size", value, null);
	}

	static Object index(Object container, Object key) {
		if (container instanceof List<?> list) {
			long position;
			if (key instanceof Long l) {
				position = l;
			}
			else if (key instanceof Double d && d == Math.rint(d)) {
				position = d.longValue();
			}
			else {
				throw noOverload("[]", container, key);
			}
			if (position < 0 || position >= list.size()) {
				throw RuleError.invalid("下标越界：" + position);
			}
			return list.get((int) position);
		}
		if (container instanceof Map<?, ?> map) {
			Object value = map.get(key);
			if (value == null) {
				throw RuleError.missing(String.valueOf(key));
			}
			return value;
		}
		throw noOverload("[]", container, key);
	}

	static Object toInt(Object value) {
		if (value instanceof Long) {
			return value;
		}
		if (value instanceof Double d) {
			if (Double.isNaN(d) || d <= -0x1p63 || d >= 0x1p63) {
				throw RuleError.invalid("超出整数范围：" + d);
			}
			return d.longValue();
		}
		if (value instanceof String text) {
			try {
				return Long.parseLong(text);
			}
			catch (NumberFormatException ex) {
				throw RuleError.invalid("无法转换为整数：" + text);
			}
		}
		throw noOverload("int", value, null);
	}

	static Object toDouble(Object value) {
		if (value instanceof Double) {
			return value;
		}
		if (value instanceof Long l) {
			return l.doubleValue();
		}
		if (value instanceof String text) {
			try {
				return Double.parseDouble(text);
			}
			catch (NumberFormatException ex) {
				throw RuleError.invalid("无法转换为小数：" + text);
			}
		}
		throw noOverload("double", value, null);
	}

	static RuleError noOverload(String operator, Object left, Object right) {
		return RuleError
			.invalid("运算 " + operator + " 不适用于 " + typeName(left) + ((right != null) ? " 与 " + typeName(right) : ""));
	}

	static String typeName(Object value) {
		if (value instanceof Long) {
			return "整数";
		}
		if (value instanceof Double) {
			return "小数";
		}
		if (value instanceof String) {
			return "字符串";
		}
		if (value instanceof Boolean) {
			return "布尔值";
		}
		if (value instanceof List) {
			return "列表";
		}
		if (value instanceof Map) {
			return "对象";
		}
		if (value instanceof NullValue) {
			return "null";
		}
		return (value != null) ? value.getClass().getSimpleName() : "null";
	}

	private static boolean isNaN(Number number) {
		return number instanceof Double d && d.isNaN();
	}

	private static int compareNumbers(Number a, Number b) {
		if (a instanceof Long x && b instanceof Long y) {
			return Long.compare(x, y);
		}
		double x = a.doubleValue();
		double y = b.doubleValue();
		if (x < y) {
			return -1;
		}
		if (x > y) {
			return 1;
		}
		if (x == y) {
			// 大整数转为 double 可能丢精度：双方相等时再按整数比较一次
			if (a instanceof Long l && !(b instanceof Long)) {
				return (Math.abs(y) < 0x1p63) ? Long.compare(l, (long) y) : 0;
			}
			if (b instanceof Long l && !(a instanceof Long)) {
				return (Math.abs(x) < 0x1p63) ? Long.compare((long) x, l) : 0;
			}
			return 0;
		}
		// NaN：CEL 中 NaN 与任何值都不等，也不可比较大小；这里按"不小于也不大于"返回，由调用方处理
		return 0;
	}

	private static List<Object> concat(List<?> a, List<?> b) {
		Object[] all = new Object[a.size() + b.size()];
		int i = 0;
		for (Object element : a) {
			all[i++] = element;
		}
		for (Object element : b) {
			all[i++] = element;
		}
		return List.of(all);
	}

	private static Long exact(java.util.function.LongSupplier operation) {
		try {
			return operation.getAsLong();
		}
		catch (ArithmeticException ex) {
			throw RuleError.invalid("整数溢出");
		}
	}

}
