package cn.zhongchuang.platform;

import java.util.Map;

/**
 * Input that is well formed but wrong, reported per field (400 in the API, next to the
 * field in a form). Messages are in Chinese, for the clerk who typed the value.
 */
public class FieldErrorException extends RuntimeException {

	private final Map<String, String> errors;

	public FieldErrorException(String field, String message) {
		this(Map.of(field, message));
	}

	public FieldErrorException(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
