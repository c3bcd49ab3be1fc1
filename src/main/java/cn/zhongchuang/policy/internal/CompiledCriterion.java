package cn.zhongchuang.policy.internal;

import cn.zhongchuang.policy.CriterionKind;
import cn.zhongchuang.policy.Verdict.CriterionResult;
import cn.zhongchuang.policy.Verdict.Result;
import cn.zhongchuang.policy.internal.RuleEnvironment.FactPath;

/**
 * 一项编译好的条件。判断顺序：人工项直接为 MANUAL；不适用为 NOT_APPLICABLE；缺少 requires 中的 事实为 FAIL（详情写明字段）；否则按规则
 * PASS，或为 otherwise（FAIL/MANUAL）。
 */
public final class CompiledCriterion {

	private final String id;

	private final String article;

	private final String title;

	private final CriterionKind kind;

	private final FactPath[] requires;

	private final CompiledExpression applies;

	private final String notApplicable;

	private final CompiledExpression rule;

	private final Result otherwise;

	private final DetailTemplate detail;

	CompiledCriterion(String id, String article, String title, CriterionKind kind, FactPath[] requires,
			CompiledExpression applies, String notApplicable, CompiledExpression rule, Result otherwise,
			DetailTemplate detail) {
		this.id = id;
		this.article = article;
		this.title = title;
		this.kind = kind;
		this.requires = requires;
		this.applies = applies;
		this.notApplicable = notApplicable;
		this.rule = rule;
		this.otherwise = otherwise;
		this.detail = detail;
	}

	public String id() {
		return this.id;
	}

	/**
	 * 判断这一项。
	 * @param frame {@link RuleEnvironment#bind} 排好的变量
	 * @return 结果
	 */
	public CriterionResult evaluate(Frame frame) {
		if (this.kind == CriterionKind.MANUAL) {
			return result(Result.MANUAL, (this.detail != null) ? this.detail.render(frame) : null);
		}
		try {
			if (this.applies != null && !this.applies.test(frame)) {
				return result(Result.NOT_APPLICABLE, this.notApplicable);
			}
			String missing = missingFacts(frame);
			if (missing != null) {
				return result(Result.FAIL, "缺少事实：" + missing);
			}
			Result result = this.rule.test(frame) ? Result.PASS : this.otherwise;
			return result(result, (this.detail != null) ? this.detail.render(frame) : null);
		}
		catch (RuleError ex) {
			return result(Result.FAIL,
					(ex.missingFact() != null) ? "缺少事实：" + ex.missingFact() : "无法判断：" + ex.getMessage());
		}
	}

	private String missingFacts(Frame frame) {
		StringBuilder missing = null;
		for (FactPath path : this.requires) {
			if (!path.isPresentIn(frame)) {
				missing = (missing == null) ? new StringBuilder(path.path()) : missing.append('、').append(path.path());
			}
		}
		return (missing != null) ? missing.toString() : null;
	}

	private CriterionResult result(Result result, String detail) {
		return new CriterionResult(this.article, this.title, this.kind, result, detail);
	}

}
