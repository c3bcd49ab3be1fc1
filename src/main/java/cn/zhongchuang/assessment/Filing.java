package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One annual filing (年度备案) of a recognition for a year.
 *
 * @param id the id
 * @param recognitionId the recognition
 * @param recognitionNumber its number
 * @param institutionName 载体名称
 * @param operatorName 运营机构
 * @param creditCode the operator's credit code
 * @param regionCode the recognition's region
 * @param policyId the pack
 * @param year the year reported on
 * @param dueOn the due date
 * @param status DRAFT or SUBMITTED
 * @param submittedOn the day it was submitted
 * @param late submitted after the due date
 * @param version optimistic lock
 * @param figures the figures in the order of {@link AnnualFilings#FIGURES}
 */
public record Filing(long id, long recognitionId, String recognitionNumber, String institutionName, String operatorName,
		String creditCode, String regionCode, String policyId, int year, LocalDate dueOn, String status,
		LocalDate submittedOn, boolean late, int version, List<Figure> figures) {

	public boolean submitted() {
		return "SUBMITTED".equals(this.status);
	}

	public Figure figure(String code) {
		return this.figures.stream().filter((f) -> f.code().equals(code)).findFirst().orElse(null);
	}

	/**
	 * One figure of a filing: computed by the system (with its source) or declared.
	 *
	 * @param code the figure's code
	 * @param value the value
	 * @param computed computed from the operator's records
	 * @param source where a computed value comes from
	 */
	public record Figure(String code, BigDecimal value, boolean computed, String source) {
	}

}
