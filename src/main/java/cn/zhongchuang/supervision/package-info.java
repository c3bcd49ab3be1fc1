/**
 * 动态管理: rectification orders against a recognition with a deadline in working days on the
 * official calendar, the operator's answer with evidence, the bureau's decision, the
 * lapse of the recognition where the pack's rule is rectification not met (a rejected
 * answer or an overdue order); and condition-change reports flagged late past the pack's
 * limit. Its API is {@link cn.zhongchuang.supervision.Supervision}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package cn.zhongchuang.supervision;
