package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A subsidy programme (奖补项目) of a bureau's region.
 *
 * @param id the id
 * @param name 项目名称
 * @param year 年度
 * @param regionCode the region it covers (and below)
 * @param budget the budget in CNY
 * @param basis ON_RECOGNITION or ON_ASSESSMENT
 * @param assessmentRoundId the published round for ON_ASSESSMENT, else null
 * @param policyId the pack the recognitions must be held under, null for any
 * @param status DRAFT, OPEN or CLOSED
 * @param createdBy who created it
 * @param createdRole the creator's role (told about recoveries)
 * @param createdAt when
 * @param version optimistic lock
 * @param rates amount per key: DEFAULT or a level, or a grade
 */
public record Programme(long id, String name, int year, String regionCode, BigDecimal budget, String basis,
		Long assessmentRoundId, String policyId, String status, String createdBy, String createdRole, Instant createdAt,
		int version, Map<String, BigDecimal> rates) {

	public static final String ON_RECOGNITION = "ON_RECOGNITION";

	public static final String ON_ASSESSMENT = "ON_ASSESSMENT";

	public boolean open() {
		return "OPEN".equals(this.status);
	}

	public boolean onAssessment() {
		return ON_ASSESSMENT.equals(this.basis);
	}

	/** The amount for a recognition of the level (ON_RECOGNITION) or a grade, or null. */
	public BigDecimal rateFor(String key) {
		BigDecimal specific = (key != null) ? this.rates.get(key) : null;
		if (specific != null || onAssessment()) {
			return specific;
		}
		return this.rates.get("DEFAULT");
	}

}
