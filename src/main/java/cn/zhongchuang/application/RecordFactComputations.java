package cn.zhongchuang.application;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorFacts;
import cn.zhongchuang.policy.FactComputations;
import cn.zhongchuang.sanction.Ban;
import cn.zhongchuang.sanction.Sanctions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The computations over an institution's records and its operator's: premises, tenants,
 * staff, mentors, events, funds, agreements, investments and registration (counting rules
 * in {@link Institutions#factsFor} and {@code Operators#factsFor}), and the ban a
 * sanction decision imposes on the operator. Each name takes the value the records give
 * for one fact of the public contract ({@link #PATHS}); a name the records cannot
 * establish is absent. The 孵化机构 names are computed in the tenant module.
 */
@Component
class RecordFactComputations implements FactComputations {

	/** Name → the contract fact the records give it as. */
	static final Map<String, String> PATHS = Map.ofEntries(Map.entry("operatorCreditCode", "operator.creditCode"),
			Map.entry("operatorRegion", "operator.registeredRegion"),
			Map.entry("operatorEstablishedOn", "operator.establishedOn"),
			Map.entry("operatorLegalEntity", "operator.independentLegalEntity"),
			Map.entry("operatorRules", "operator.managementAndFinanceRules"),
			Map.entry("operatorLeadEntity", "operator.leadEntity"), Map.entry("tenantCount", "tenants.count"),
			Map.entry("tenantsWithAgreement", "tenants.withIncubationAgreement"),
			Map.entry("tenantsInFocusSegment", "tenants.inFocusSegment"),
			Map.entry("managementStaff", "staff.management"),
			Map.entry("managementStaffWithDegree", "staff.managementWithCollegeDegree"),
			Map.entry("incubationProfessionals", "staff.incubationProfessionals"),
			Map.entry("founderInvestmentExperience", "staff.founderInvestmentExperienceOrMasters"),
			Map.entry("mentorCount", "mentors.count"), Map.entry("industryMentorCount", "mentors.industryMentors"),
			Map.entry("mentorsFromLeadingInvestors", "mentors.fromLeadingInvestorsOrFirms"),
			Map.entry("counselingArchive", "mentors.counselingArchive"),
			Map.entry("eventsLast12Months", "activities.eventsLast12Months"),
			Map.entry("financingMatchEvents", "activities.financingMatchEvents"),
			Map.entry("professionalEventsLast12Months", "activities.professionalEventsLast12Months"),
			Map.entry("premisesArea", "space.totalAreaM2"),
			Map.entry("premisesOfficeArea", "space.officeAndPublicServiceAreaM2"),
			Map.entry("workstations", "space.independentWorkstations"), Map.entry("premisesTenure", "space.tenure"),
			Map.entry("leaseStart", "space.leaseStart"), Map.entry("leaseEnd", "space.leaseEnd"),
			Map.entry("operatingSince", "space.operatingSince"),
			Map.entry("infrastructureReady", "space.infrastructureReady"),
			Map.entry("rdAndProductionFacilities", "space.rdAndProductionFacilities"), Map.entry("funds", "funds"),
			Map.entry("seedFundOrFinancingService", "seedFundOrFinancingService"),
			Map.entry("ipServicePlatform", "services.ipServicePlatform"),
			Map.entry("investmentCount", "investments.count"), Map.entry("investmentAmount", "investments.amountCny"),
			Map.entry("specialization", "specialization"), Map.entry("virtual", "virtual"),
			Map.entry("focusSegment", "space.focusSegment"));

	private static final String BANNED_UNTIL = "operatorBannedUntil";

	private final Institutions institutions;

	private final Sanctions sanctions;

	RecordFactComputations(Institutions institutions, Sanctions sanctions) {
		this.institutions = institutions;
		this.sanctions = sanctions;
	}

	@Override
	public Set<String> names() {
		Set<String> names = new java.util.HashSet<>(PATHS.keySet());
		names.add(BANNED_UNTIL);
		return names;
	}

	@Override
	@Transactional(readOnly = true)
	public Values compute(long institutionId, LocalDate asOf) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		Optional<InstitutionSummary> institution = this.institutions.find(institutionId);
		if (institution.isEmpty()) {
			return new Values(values, sources);
		}
		OperatorFacts records = this.institutions.factsFor(institutionId, asOf);
		PATHS.forEach((name, path) -> records.get(path).ifPresent((value) -> {
			values.put(name, value);
			sources.put(name, records.sources().get(path));
		}));
		String creditCode = institution.get().operatorCreditCode();
		if (creditCode != null) {
			Optional<Ban> ban = this.sanctions.activeBan(creditCode, asOf);
			ban.ifPresent((b) -> {
				values.put(BANNED_UNTIL, b.endsOn());
				sources.put(BANNED_UNTIL, "处理决定：" + b.operatorName() + "禁止申报至" + b.endsOn().getYear() + "年"
						+ b.endsOn().getMonthValue() + "月" + b.endsOn().getDayOfMonth() + "日");
			});
		}
		return new Values(values, sources);
	}

}
