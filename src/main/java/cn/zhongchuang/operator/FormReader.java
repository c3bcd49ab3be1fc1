package cn.zhongchuang.operator;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads a form record from request parameters named like its components. A value that is
 * not a number, a date or one of the choices becomes a Chinese message next to its field,
 * not a 400 page; an unchecked checkbox is {@code false}.
 */
final class FormReader {

	private FormReader() {
	}

	static <F extends Record> F read(Class<F> type, Function<String, String> parameter, Validation v) {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent c = components[i];
			values[i] = convert(c.getType(), parameter.apply(c.getName()), c.getName(), v);
		}
		try {
			Constructor<F> constructor = type.getDeclaredConstructor(
					Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			constructor.setAccessible(true);
			return constructor.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot construct " + type.getSimpleName(), ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Object convert(Class<?> type, String raw, String field, Validation v) {
		String value = (raw != null) ? raw.strip() : null;
		if (type == boolean.class) {
			return value != null && (value.equals("true") || value.equals("on") || value.equals("1"));
		}
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			if (type == String.class) {
				return value;
			}
			if (type == LocalDate.class) {
				return LocalDate.parse(value);
			}
			if (type == Integer.class) {
				return Integer.valueOf(value.replace(",", ""));
			}
			if (type == Long.class) {
				return Long.valueOf(value.replace(",", ""));
			}
			if (type == BigDecimal.class) {
				return new BigDecimal(value.replace(",", ""));
			}
			if (type.isEnum()) {
				return Enum.valueOf((Class<Enum>) type, value);
			}
		}
		catch (DateTimeParseException ex) {
			v.error(field, "日期无效，应为 年-月-日，如 2026-03-01");
			return null;
		}
		catch (NumberFormatException ex) {
			v.error(field, (type == BigDecimal.class) ? "请输入数字" : "请输入整数");
			return null;
		}
		catch (IllegalArgumentException ex) {
			v.error(field, "请从列表中选择");
			return null;
		}
		throw new IllegalStateException("Unsupported field type " + type + " of " + field);
	}

}
