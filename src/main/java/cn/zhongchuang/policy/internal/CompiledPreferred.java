package cn.zhongchuang.policy.internal;

import java.util.function.UnaryOperator;

import cn.zhongchuang.policy.Verdict.PreferredResult;
import cn.zhongchuang.policy.internal.RuleEnvironment.FactPath;

/**
 * 一个编译好的优先项：缺少事实或规则无法求值时视为不满足（优先项不影响资格）。有详情模板时， 说明写明查到的数值；缺少事实时写明字段，与认定条件一致。
 */
public final class CompiledPreferred {

	private final String article;

	private final String title;

	private final FactPath[] requires;

	private final CompiledExpression rule;

	private final DetailTemplate detail;

	private final UnaryOperator<String> labels;

	CompiledPreferred(String article, String title, FactPath[] requires, CompiledExpression rule, DetailTemplate detail,
			UnaryOperator<String> labels) {
		this.labels = labels;
		this.article = article;
		this.title = title;
		this.requires = requires;
		this.rule = rule;
		this.detail = detail;
	}

	public PreferredResult evaluate(Frame frame) {
		String missing = CompiledCriterion.missingFacts(this.requires, frame, this.labels);
		if (missing != null) {
			return result(false, (this.detail != null) ? missing : null);
		}
		try {
			return result(this.rule.test(frame), (this.detail != null) ? this.detail.render(frame) : null);
		}
		catch (RuleError ex) {
			return result(false, (this.detail != null && ex.missingFact() != null)
					? CompiledCriterion.missing(this.labels, ex.missingFact()) : null);
		}
	}

	private PreferredResult result(boolean met, String detail) {
		return new PreferredResult(this.article, this.title, met, detail);
	}

}
