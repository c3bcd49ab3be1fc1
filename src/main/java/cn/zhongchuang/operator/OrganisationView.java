package cn.zhongchuang.operator;

import java.time.LocalDate;

/** An organisation as pages and the API show it. */
record OrganisationView(long id, String name, String creditCode, String regionCode, String regionName,
		String legalRepresentative, String contactPhone, String address, LocalDate establishedOn,
		boolean independentLegalEntity, boolean managementAndFinanceRules, LeadEntity leadEntity, String employerName,
		int version) {

	static OrganisationView of(Organisation o, String regionName) {
		return new OrganisationView(o.id(), o.name(), o.creditCode(), o.regionCode(), regionName,
				o.legalRepresentative(), o.contactPhone(), o.address(), o.establishedOn(), o.independentLegalEntity(),
				o.managementAndFinanceRules(), o.leadEntity(), o.employerName(), o.version());
	}

}
