package cn.zhongchuang.operator;

import java.time.LocalDate;

/**
 * What an operator registers about their organisation. {@code employerName} (主管/出资单位) is
 * kept for the experts' conflict-of-interest check.
 */
record OrganisationForm(String name, String creditCode, String regionCode, String legalRepresentative,
		String contactPhone, String address, LocalDate establishedOn, boolean independentLegalEntity,
		boolean managementAndFinanceRules, LeadEntity leadEntity, String employerName) {

	static OrganisationForm empty() {
		return new OrganisationForm(null, null, null, null, null, null, null, true, true, LeadEntity.NONE, null);
	}

	OrganisationForm normalized() {
		return new OrganisationForm(strip(this.name), cn.zhongchuang.reference.CreditCodes.normalize(this.creditCode),
				strip(this.regionCode), strip(this.legalRepresentative), strip(this.contactPhone), strip(this.address),
				this.establishedOn, this.independentLegalEntity, this.managementAndFinanceRules, this.leadEntity,
				strip(this.employerName));
	}

	private static String strip(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
