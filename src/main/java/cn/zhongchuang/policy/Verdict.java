package cn.zhongchuang.policy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 一次资格判断的结论，JSON 形状即公开接口契约（policy-api.md「Verdict」）。
 *
 * @param policy 政策包 id
 * @param version 政策包版本
 * @param outcome 总体结论
 * @param criteria 各条件的判断结果，顺序同政策包
 * @param preferred 优先项是否满足
 */
public record Verdict(String policy, String version, Outcome outcome, List<CriterionResult> criteria,
		List<PreferredResult> preferred) {

	public Verdict {
		criteria = List.copyOf(criteria);
		preferred = List.copyOf(preferred);
	}

	/**
	 * 由各条件结果推出总体结论：任一 FAIL 即不符合；否则任一 MANUAL 即待评审；否则符合。
	 */
	public static Outcome outcomeOf(List<CriterionResult> criteria) {
		boolean manual = false;
		for (CriterionResult criterion : criteria) {
			if (criterion.result() == Result.FAIL) {
				return Outcome.INELIGIBLE;
			}
			manual |= criterion.result() == Result.MANUAL;
		}
		return manual ? Outcome.NEEDS_REVIEW : Outcome.ELIGIBLE;
	}

	/** 总体结论。 */
	public enum Outcome {

		ELIGIBLE, NEEDS_REVIEW, INELIGIBLE

	}

	/** 单个条件的结果。 */
	public enum Result {

		PASS, FAIL, MANUAL, NOT_APPLICABLE

	}

	/**
	 * 单个条件的结果。
	 *
	 * @param article 条款号（契约的一部分，如 "5.2"、"C2"）
	 * @param title 条件名称
	 * @param kind 条件性质
	 * @param result 结果
	 * @param detail 说明：查到的数值与要求的数值，或缺少的事实；人工判断项通常为空
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CriterionResult(String article, String title, CriterionKind kind, Result result, String detail) {
	}

	/**
	 * 优先项是否满足。
	 *
	 * @param article 条款号
	 * @param title 优先项名称
	 * @param met 是否满足（缺少事实视为不满足）
	 * @param detail 说明：查到的数值，或缺少的事实；政策包未写详情模板时为空
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PreferredResult(String article, String title, boolean met, String detail) {
	}

}
