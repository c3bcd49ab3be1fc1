package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhongchuang.platform.FieldErrorException;

/**
 * Collects per-field Chinese messages while a form is checked; the first message per
 * field wins. {@link #throwIfAny()} turns them into a {@link FieldErrorException}.
 */
final class Validation {

	private final Map<String, String> errors = new LinkedHashMap<>();

	void error(String field, String message) {
		this.errors.putIfAbsent(field, message);
	}

	boolean has(String field) {
		return this.errors.containsKey(field);
	}

	/** Required and at most {@code max} characters. */
	void text(String field, String value, String label, int max) {
		if (value == null || value.isBlank()) {
			error(field, "请填写" + label);
		}
		else {
			optionalText(field, value, label, max);
		}
	}

	void optionalText(String field, String value, String label, int max) {
		if (value != null && value.length() > max) {
			error(field, label + "不能超过 " + max + " 个字");
		}
	}

	void required(String field, Object value, String label) {
		if (value == null) {
			error(field, "请填写" + label);
		}
	}

	void choice(String field, Object value, String label) {
		if (value == null) {
			error(field, "请选择" + label);
		}
	}

	void notNegative(String field, Number value, String label) {
		required(field, value, label);
		if (value != null && new BigDecimal(value.toString()).signum() < 0) {
			error(field, label + "不能为负数");
		}
	}

	void positive(String field, Number value, String label) {
		required(field, value, label);
		if (value != null && new BigDecimal(value.toString()).signum() <= 0) {
			error(field, label + "应大于 0");
		}
	}

	/** {@code date} is required and not after {@code today}. */
	void pastDate(String field, LocalDate date, String label, LocalDate today) {
		required(field, date, label);
		if (date != null && date.isAfter(today)) {
			error(field, label + "不能晚于今天");
		}
	}

	/** When both are given, {@code end} must not be before {@code start}. */
	void notBefore(String endField, LocalDate start, LocalDate end, String message) {
		if (start != null && end != null && end.isBefore(start)) {
			error(endField, message);
		}
	}

	Map<String, String> errors() {
		return this.errors;
	}

	void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new FieldErrorException(this.errors);
		}
	}

}
