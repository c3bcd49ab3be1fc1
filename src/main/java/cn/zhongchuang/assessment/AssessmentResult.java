package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One institution of a round: its indicator scores, weighted total and grade once scored.
 *
 * @param id the id
 * @param roundId the round
 * @param recognitionId the recognition
 * @param recognitionNumber its number
 * @param institutionName 载体名称
 * @param operatorName 运营机构
 * @param creditCode the operator's credit code
 * @param regionCode the recognition's region
 * @param scores indicator code to score
 * @param total weighted total out of 100, null until scored
 * @param grade 优秀, 良好, 合格 or 不合格, null until scored
 * @param scoredBy who scored
 * @param lapsed the recognition lapsed when this round was published
 * @param version optimistic lock
 * @param scoreSource where the scores come from: BUREAU, EXPERTS (the mean of the panel's
 * experts), null until scored
 * @param bureauScores the bureau's own scores, kept next to the experts' mean
 * @param expertPanelId the expert panel drawn for this result, null when none
 * @param expertCount how many experts' mean the scores are, when from EXPERTS
 * @param notAssessed the institution did not take part (不参加考核): no scores, no grade
 */
public record AssessmentResult(long id, long roundId, long recognitionId, String recognitionNumber,
		String institutionName, String operatorName, String creditCode, String regionCode,
		Map<String, BigDecimal> scores, BigDecimal total, String grade, String scoredBy, boolean lapsed, int version,
		String scoreSource, Map<String, BigDecimal> bureauScores, Long expertPanelId, Integer expertCount,
		boolean notAssessed) {

	/** Scores from the bureau. */
	public static final String BUREAU = "BUREAU";

	/** Scores from the mean of an expert panel. */
	public static final String EXPERTS = "EXPERTS";

	/** Whether an expert panel was drawn for this result. */
	public boolean hasPanel() {
		return this.expertPanelId != null;
	}

	/** Whether the scores are the experts' mean. */
	public boolean byExperts() {
		return EXPERTS.equals(this.scoreSource);
	}

	public boolean scored() {
		return this.grade != null;
	}

	/** Scored, or marked as not taking part: nothing left to do before publication. */
	public boolean settled() {
		return scored() || this.notAssessed;
	}

	public boolean failing() {
		return Assessments.FAILING.equals(this.grade);
	}

}
