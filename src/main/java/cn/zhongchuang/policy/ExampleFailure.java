package cn.zhongchuang.policy;

/**
 * 政策包自带示例的一处不符：示例期望的结果与引擎算出的结果不同，或示例无法求值。
 *
 * @param example 示例名称
 * @param criterion 不符的条件 id（条款号）；总体结论不符或示例无法求值时为 {@code null}
 * @param expected 期望值
 * @param actual 实际值
 * @param message 中文说明
 */
public record ExampleFailure(String example, String criterion, String expected, String actual, String message) {
}
