package cn.zhongchuang.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 输入的事实格式错误：类型不对、枚举值未定义、日期不存在等。每个错误都指明字段路径（如
 * {@code space.leaseEnd}、{@code funds[0].role}），Web 层据此返回 400。缺少事实不是错误。
 */
public class InvalidFactsException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidFactsException(List<FieldError> errors) {
		super(errors.stream().map(FieldError::toString).collect(Collectors.joining("；")));
		this.errors = List.copyOf(errors);
	}

	public InvalidFactsException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	/** 第一个出错字段的路径。 */
	public String field() {
		return this.errors.get(0).field();
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * 一个字段的错误。
	 *
	 * @param field 字段路径
	 * @param message 中文说明
	 */
	public record FieldError(String field, String message) {

		@Override
		public String toString() {
			return this.field + "：" + this.message;
		}

	}

}
