package cn.zhongchuang.policy.internal;

import java.util.function.UnaryOperator;

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

	private final UnaryOperator<String> labels;

	CompiledCriterion(String id, String article, String title, CriterionKind kind, FactPath[] requires,
			CompiledExpression applies, String notApplicable, CompiledExpression rule, Result otherwise,
			DetailTemplate detail, UnaryOperator<String> labels) {
		this.labels = labels;
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
				return result(Result.FAIL, missing);
			}
			Result result = this.rule.test(frame) ? Result.PASS : this.otherwise;
			return result(result, (this.detail != null) ? this.detail.render(frame) : null);
		}
		catch (RuleError ex) {
			return result(Result.FAIL,
					(ex.missingFact() != null) ? missing(this.labels, ex.missingFact()) : "无法判断：" + ex.getMessage());
		}
	}

	private String missingFacts(Frame frame) {
		return missingFacts(this.requires, frame, this.labels);
	}

	/** requires 中本次缺少的事实的说明；都在时为 {@code null}。 */
	static String missingFacts(FactPath[] requires, Frame frame, UnaryOperator<String> labels) {
		StringBuilder missing = null;
		for (FactPath path : requires) {
			if (!path.isPresentIn(frame)) {
				String name = (labels != null) ? labels.apply(path.path()) : path.path();
				missing = (missing == null) ? new StringBuilder(name) : missing.append('、').append(name);
			}
		}
		return (missing != null) ? ((labels != null) ? "缺少：" : "缺少事实：") + missing : null;
	}

	/**
	 * 缺少事实的说明：政策包声明了事实时写中文名称（{@code 缺少：孵化场地面积}），否则写路径（在孵企业事实：{@code 缺少事实：tenant.industry}）。
	 */
	static String missing(UnaryOperator<String> labels, String path) {
		return (labels != null) ? "缺少：" + labels.apply(path) : "缺少事实：" + path;
	}

	private CriterionResult result(Result result, String detail) {
		return new CriterionResult(this.article, this.title, this.kind, result, detail);
	}

}
