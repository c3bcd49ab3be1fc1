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
 */
public record AssessmentResult(long id, long roundId, long recognitionId, String recognitionNumber,
		String institutionName, String operatorName, String creditCode, String regionCode,
		Map<String, BigDecimal> scores, BigDecimal total, String grade, String scoredBy, boolean lapsed, int version) {

	public boolean scored() {
		return this.grade != null;
	}

	public boolean failing() {
		return Assessments.FAILING.equals(this.grade);
	}

}
