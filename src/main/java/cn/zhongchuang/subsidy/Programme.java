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
 * @param rates amount per key: DEFAULT or a level, or a grade (优秀, 良好, 合格: the grade
 * names a pack's bands carry, whatever their code, e.g. A, B, C)
 * @param subject what it pays: {@link #TITLE} (institutions holding a title); the
 * extension point for pilot chains and clusters (seed 002 四(一))
 * @param stage 分阶段: {@link #FILING_YEAR} for an ON_RECOGNITION programme paying only the
 * titles granted in its year (备案当年), null for every ACTIVE title; the stages after it are
 * ON_ASSESSMENT programmes on each year's round
 */
public record Programme(long id, String name, int year, String regionCode, BigDecimal budget, String basis,
		Long assessmentRoundId, String policyId, String status, String createdBy, String createdRole, Instant createdAt,
		int version, Map<String, BigDecimal> rates, String subject, String stage) {

	/** Pays institutions holding a title (filed or recognized). */
	public static final String TITLE = "TITLE";

	/** Only titles granted in the programme's year (备案当年). */
	public static final String FILING_YEAR = "FILING_YEAR";

	public boolean filingYearOnly() {
		return FILING_YEAR.equals(this.stage);
	}

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
