package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 入孵登记: who is admitted, the incubation agreement, and the facts the pack's tenant
 * criteria ask for (Chaoyang Art. 6: size by the national standard, education and R&D
 * ratios). The registered region is the one in the credit code.
 *
 * @param name company name
 * @param creditCode 统一社会信用代码
 * @param admittedOn day of admission
 * @param agreementDate incubation agreement signed on, null when none yet
 * @param inFocusSegment in the operator's focus segment
 * @param stage where on the chain it starts, INCUBATOR when null
 * @param officeInSpace registered and office inside the space
 * @param industry industry of the national size standard (reference.Industry name)
 * @param employees employees
 * @param revenueWan revenue in 10,000 CNY
 * @param totalAssetsWan total assets in 10,000 CNY
 * @param technologyInnovative technology-innovative company
 * @param staffWithCollegeDegree staff with a college degree
 * @param rdExpenditureWan R and D expenditure in 10,000 CNY
 * @param totalExpenditureWan total expenditure in 10,000 CNY
 * @param keyIndustry key industry of the district, if any
 */
public record AdmissionForm(String name, String creditCode, LocalDate admittedOn, LocalDate agreementDate,
		boolean inFocusSegment, ChainStage stage, Boolean officeInSpace, String industry, Integer employees,
		BigDecimal revenueWan, BigDecimal totalAssetsWan, Boolean technologyInnovative, Integer staffWithCollegeDegree,
		BigDecimal rdExpenditureWan, BigDecimal totalExpenditureWan, String keyIndustry) {

	static AdmissionForm empty() {
		return new AdmissionForm(null, null, null, null, false, ChainStage.INCUBATOR, null, null, null, null, null,
				null, null, null, null, null);
	}

	boolean agreementSigned() {
		return this.agreementDate != null;
	}

}
