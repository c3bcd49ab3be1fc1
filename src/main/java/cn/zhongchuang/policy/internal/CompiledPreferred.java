package cn.zhongchuang.policy.internal;

import cn.zhongchuang.policy.Verdict.PreferredResult;
import cn.zhongchuang.policy.internal.RuleEnvironment.FactPath;

/**
 * 一个编译好的优先项：缺少事实或规则无法求值时视为不满足（优先项不影响资格）。
 */
public final class CompiledPreferred {

	private final String article;

	private final String title;

	private final FactPath[] requires;

	private final CompiledExpression rule;

	CompiledPreferred(String article, String title, FactPath[] requires, CompiledExpression rule) {
		this.article = article;
		this.title = title;
		this.requires = requires;
		this.rule = rule;
	}

	public PreferredResult evaluate(Frame frame) {
		for (FactPath path : this.requires) {
			if (!path.isPresentIn(frame)) {
				return new PreferredResult(this.article, this.title, false);
			}
		}
		try {
			return new PreferredResult(this.article, this.title, this.rule.test(frame));
		}
		catch (RuleError ex) {
			return new PreferredResult(this.article, this.title, false);
		}
	}

}
