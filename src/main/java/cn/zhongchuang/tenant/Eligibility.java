package cn.zhongchuang.tenant;

import cn.zhongchuang.policy.Verdict;

/**
 * The tenant-eligibility check of the pack that applies to an operator: the verdict with
 * its articles, or 未规定 when the pack has no tenant criteria (admission is then allowed).
 *
 * @param policyId pack id, null when no pack covers the region
 * @param policyVersion pack version
 * @param verdict the verdict, null when not defined
 */
public record Eligibility(String policyId, String policyVersion, Verdict verdict) {

	public boolean defined() {
		return this.verdict != null;
	}

	/** Admission is refused only on INELIGIBLE. */
	public boolean allowsAdmission() {
		return this.verdict == null || this.verdict.outcome() != Verdict.Outcome.INELIGIBLE;
	}

	/** ELIGIBLE, NEEDS_REVIEW, INELIGIBLE or NOT_DEFINED. */
	public String outcome() {
		return (this.verdict != null) ? this.verdict.outcome().name() : "NOT_DEFINED";
	}

}
