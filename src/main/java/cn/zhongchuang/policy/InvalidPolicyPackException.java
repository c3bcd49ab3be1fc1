package cn.zhongchuang.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 政策包无法加载或不能启用：YAML/JSON 结构错误、缺少必填项、CEL 规则编译失败（指明条款号）， 或自带示例未全部通过。每个问题都带路径和中文说明。
 */
public class InvalidPolicyPackException extends RuntimeException {

	private final List<Problem> problems;

	public InvalidPolicyPackException(List<Problem> problems) {
		super("政策包有误：" + problems.stream().map(Problem::toString).collect(Collectors.joining("；")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * 一个问题。
	 *
	 * @param path 在政策包中的位置，如 {@code criteria[1].rule（第 5.2 条）}
	 * @param message 中文说明
	 */
	public record Problem(String path, String message) {

		@Override
		public String toString() {
			return this.path.isEmpty() ? this.message : this.path + "：" + this.message;
		}

	}

}
