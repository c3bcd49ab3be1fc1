package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator module's API for other modules: the facts an organisation's records
 * establish.
 */
@Service
public class Operators {

	private final Organisations organisations;

	private final RecordTable records;

	private final ObjectProvider<TenantRoster> roster;

	Operators(Organisations organisations, RecordTable records, ObjectProvider<TenantRoster> roster) {
		this.organisations = organisations;
		this.records = records;
		this.roster = roster;
	}

	/**
	 * The space facts of policy-api.md that the organisation's records establish on
	 * {@code asOf}. The counting rules, all with both ends of a period included:
	 * <ul>
	 * <li>{@code tenants.*}: tenants of the {@link TenantRoster} admitted on or before
	 * {@code asOf} and not left by then (status ACTIVE, or GRADUATED/EXITED with a
	 * leaving date after {@code asOf}); {@code withIncubationAgreement}: of those,
	 * agreement signed on or before {@code asOf}; {@code inFocusSegment}: of those, in
	 * the focus segment.</li>
	 * <li>{@code staff.*}: people employed on {@code asOf} (joined on or before, left on
	 * or after); {@code management}, {@code managementWithCollegeDegree},
	 * {@code incubationProfessionals} by role;
	 * {@code founderInvestmentExperienceOrMasters}: a founder with investment experience
	 * or a master's degree.</li>
	 * <li>{@code mentors.*}: mentors under contract on {@code asOf};
	 * {@code counselingArchive}: any counselling record dated on or before
	 * {@code asOf}.</li>
	 * <li>{@code activities.*}: events held from {@code asOf} minus 12 months to
	 * {@code asOf}, both included (on 2026-03-01: 2025-03-01 to 2026-03-01); financing
	 * matches and professional events in the same window.</li>
	 * <li>{@code space.*}: premises in use on {@code asOf} (operating by then; a lease
	 * not ended before). Areas and workstations are sums; {@code operatingSince} the
	 * earliest; {@code tenure} and the lease dates those of the main premises (largest
	 * total area, the earliest operating on a tie); {@code infrastructureReady} when all
	 * are ready, {@code rdAndProductionFacilities} when any has them.</li>
	 * <li>{@code funds}: funds established on or before {@code asOf};
	 * {@code seedFundOrFinancingService}: such a fund or a financing-service agreement in
	 * force; {@code services.ipServicePlatform}: an IP-service agreement in force.</li>
	 * <li>{@code operator.*}: the registration: credit code, region, date of
	 * establishment, legal entity, rules, lead entity.</li>
	 * </ul>
	 * @throws NotFoundException when there is no such organisation
	 */
	@Transactional(readOnly = true)
	public OperatorFacts factsFor(RecordScope scope, LocalDate asOf) {
		long operatorId = scope.operatorId();
		Organisation org = this.organisations.findById(operatorId)
			.orElseThrow(() -> new NotFoundException("organisation " + operatorId));
		Facts f = new Facts("「" + scope.institutionName() + "」");
		operator(org, f);
		tenants(rosterOf(scope.institutionId()), asOf, f);
		staff(data(RecordKind.STAFF, scope), asOf, f);
		mentors(data(RecordKind.MENTORS, scope), data(RecordKind.COUNSELLING, scope), asOf, f);
		activities(data(RecordKind.EVENTS, scope), asOf, f);
		space(data(RecordKind.PREMISES, scope), asOf, f);
		funds(data(RecordKind.FUNDS, scope), data(RecordKind.AGREEMENTS, scope), asOf, f);
		investments(data(RecordKind.INVESTMENTS, scope), asOf, f);
		return new OperatorFacts(operatorId, asOf, f.values, f.sources);
	}

	/**
	 * The figures of one institution's records for the calendar year {@code year}, for
	 * its 统计年报 (see {@link OperatorYear} for what each counts). Both ends of the year are
	 * included; "on the last day" means on 31 December.
	 * @throws NotFoundException when there is no such organisation
	 */
	@Transactional(readOnly = true)
	public OperatorYear yearOf(RecordScope scope, int year) {
		this.organisations.findById(scope.operatorId())
			.orElseThrow(() -> new NotFoundException("organisation " + scope.operatorId()));
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		Predicate<LocalDate> inYear = (d) -> d != null && d.getYear() == year;
		List<Event> events = data(RecordKind.EVENTS, scope).stream().filter((e) -> inYear.test(e.heldOn())).toList();
		long participants = events.stream().mapToLong((e) -> (e.participants() != null) ? e.participants() : 0).sum();
		List<Event> training = events.stream()
			.filter((e) -> e.type() == Event.Type.TRAINING || e.type() == Event.Type.BOOTCAMP)
			.toList();
		Long trainees = training.isEmpty() ? null
				: training.stream().mapToLong((e) -> (e.participants() != null) ? e.participants() : 0).sum();
		long mentors = data(RecordKind.MENTORS, scope).stream()
			.filter((m) -> !m.contractStart().isAfter(last)
					&& (m.contractEnd() == null || !m.contractEnd().isBefore(first)))
			.count();
		long counselling = data(RecordKind.COUNSELLING, scope).stream().filter((c) -> inYear.test(c.heldOn())).count();
		List<StaffMember> staff = data(RecordKind.STAFF, scope);
		Long employed = staff.isEmpty() ? null : staff.stream().filter((s) -> s.employedOn(last)).count();
		List<Premises> premises = data(RecordKind.PREMISES, scope).stream().filter((p) -> p.inUseOn(last)).toList();
		BigDecimal area = premises.isEmpty() ? null : sum(premises, Premises::totalAreaM2);
		List<Fund> funds = data(RecordKind.FUNDS, scope).stream()
			.filter((x) -> !x.establishedOn().isAfter(last))
			.toList();
		Long fundCny = funds.isEmpty() ? null : funds.stream().mapToLong(Fund::amountCny).sum();
		List<Investment> investments = data(RecordKind.INVESTMENTS, scope).stream()
			.filter((x) -> inYear.test(x.investedOn()))
			.toList();
		return new OperatorYear(events.size(), participants, trainees, mentors, counselling, employed, area, fundCny,
				investments.size(), investments.stream().mapToLong(Investment::amountCny).sum());
	}

	/**
	 * Whose records count: the organisation's records that serve one of its institutions
	 * (those that belong to it, and the organisation's own assigned to it).
	 *
	 * @param operatorId the organisation
	 * @param institutionId the institution
	 * @param institutionName its name, for the sources (“「兰州创业谷」在孵企业名册 12 家”)
	 */
	public record RecordScope(long operatorId, long institutionId, String institutionName) {
	}

	/**
	 * How many records of each kind (by kind key: premises, staff, mentors, counselling,
	 * events, funds, investments, agreements) serve one institution of the organisation.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> recordCounts(long operatorId, long institutionId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		RecordKind.ALL.forEach((kind) -> counts.put(kind.key(), this.records.count(kind, operatorId, institutionId)));
		return counts;
	}

	/**
	 * The organisation an operator account acts for; empty for other roles or none yet.
	 */
	@Transactional(readOnly = true)
	public Optional<OperatorOrganisation> organisationOf(CurrentUser user) {
		if (!user.hasRole(Role.OPERATOR)) {
			return Optional.empty();
		}
		return this.organisations.findByMember(user.id()).map(Operators::summary);
	}

	/**
	 * The accounts that act for an organisation: who is told when its application moves.
	 */
	@Transactional(readOnly = true)
	public List<Long> memberIds(long operatorId) {
		return this.organisations.memberIds(operatorId);
	}

	/**
	 * The accounts acting for the organisation with this credit code (none when no
	 * organisation has it): who is told about a recognition held under that code.
	 */
	@Transactional(readOnly = true)
	public List<Long> memberIdsByCreditCode(String creditCode) {
		if (creditCode == null || creditCode.isBlank()) {
			return List.of();
		}
		return this.organisations.idByCreditCode(creditCode.strip().toUpperCase())
			.map(this.organisations::memberIds)
			.orElse(List.of());
	}

	/**
	 * The id of the organisation with this credit code, without any scope check: the
	 * caller scopes.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> idByCreditCode(String creditCode) {
		if (creditCode == null || creditCode.isBlank()) {
			return Optional.empty();
		}
		return this.organisations.idByCreditCode(creditCode.strip().toUpperCase());
	}

	/** An organisation by id, without any scope check: the caller scopes. */
	@Transactional(readOnly = true)
	public Optional<OperatorOrganisation> find(long operatorId) {
		return this.organisations.findById(operatorId).map(Operators::summary);
	}

	/**
	 * Who is close to an organisation, for the conflict check of an expert draw: its
	 * employer-relevant name, its mentors and their employers, the funds it runs or joins
	 * (their names stand for the investors), and its tenants by name and credit code,
	 * including those that left.
	 * @throws NotFoundException when there is no such organisation
	 */
	@Transactional(readOnly = true)
	public RelatedParties relatedParties(long operatorId) {
		Organisation org = this.organisations.findById(operatorId)
			.orElseThrow(() -> new NotFoundException("organisation " + operatorId));
		List<String> employers = (org.employerName() == null) ? List.of() : List.of(org.employerName());
		List<String> mentors = data(RecordKind.MENTORS, operatorId, null).stream().map(Mentor::name).toList();
		List<String> investors = data(RecordKind.FUNDS, operatorId, null).stream().map(Fund::name).toList();
		TenantRoster roster = this.roster.getIfAvailable();
		List<String> tenants = ((roster != null) ? roster.tenantsOfOperator(operatorId) : List.<TenantRoster.Entry>of())
			.stream()
			.flatMap((t) -> java.util.stream.Stream.of(t.name(), t.creditCode()))
			.filter(java.util.Objects::nonNull)
			.toList();
		return new RelatedParties(employers, mentors, investors, tenants);
	}

	/**
	 * The parties of {@link #relatedParties(long)}: names, or credit codes for tenants.
	 */
	public record RelatedParties(List<String> employers, List<String> mentors, List<String> investors,
			List<String> tenants) {
	}

	/**
	 * The organisation's mentor records (创业导师), in the kind's order: what an operator
	 * nominates for certification (mentor module). No scope check: the caller scopes.
	 */
	@Transactional(readOnly = true)
	public List<MentorRecord> mentorRecords(long operatorId) {
		return this.records.all(RecordKind.MENTORS, operatorId, null)
			.stream()
			.map((r) -> new MentorRecord(r.id(), r.data().name(), r.data().employer(), r.data().field()))
			.toList();
	}

	/**
	 * One mentor record of the organisation: name, employer and field (擅长领域, may be
	 * null).
	 */
	public record MentorRecord(long id, String name, String employer, String field) {
	}

	private static OperatorOrganisation summary(Organisation o) {
		return new OperatorOrganisation(o.id(), o.name(), o.creditCode(), o.regionCode(), o.employerName());
	}

	private List<TenantRoster.Entry> rosterOf(long institutionId) {
		TenantRoster tenants = this.roster.getIfAvailable();
		return (tenants != null) ? tenants.tenantsOf(institutionId) : List.of();
	}

	private <F extends Record & RecordData> List<F> data(RecordKind<F> kind, RecordScope scope) {
		return data(kind, scope.operatorId(), scope.institutionId());
	}

	private <F extends Record & RecordData> List<F> data(RecordKind<F> kind, long operatorId, Long institutionId) {
		return this.records.all(kind, operatorId, institutionId).stream().map(OperatorRecord::data).toList();
	}

	private static void operator(Organisation org, Facts f) {
		String source = "运营机构登记信息";
		f.put("operator.creditCode", org.creditCode(), source);
		f.put("operator.registeredRegion", org.regionCode(), source);
		f.put("operator.establishedOn", org.establishedOn(), source);
		f.put("operator.independentLegalEntity", org.independentLegalEntity(), source);
		f.put("operator.managementAndFinanceRules", org.managementAndFinanceRules(), source);
		f.put("operator.leadEntity", org.leadEntity().name(), source);
	}

	private static void tenants(List<TenantRoster.Entry> all, LocalDate asOf, Facts f) {
		List<TenantRoster.Entry> active = all.stream().filter((t) -> t.activeOn(asOf)).toList();
		int withAgreement = count(active, (t) -> t.agreementBy(asOf));
		int focus = count(active, TenantRoster.Entry::inFocusSegment);
		int teams = count(active, TenantRoster.Entry::team);
		f.put("tenants.count", active.size(),
				"在孵企业名册 " + active.size() + " 家（其中创业团队 " + teams + " 个，截至 " + ChinaTime.format(asOf) + " 在孵）");
		f.put("tenants.withIncubationAgreement", withAgreement, "在孵企业名册中已签订入孵协议 " + withAgreement + " 家");
		f.put("tenants.inFocusSegment", focus, "在孵企业名册中属于主攻细分领域 " + focus + " 家");
	}

	private static void staff(List<StaffMember> all, LocalDate asOf, Facts f) {
		List<StaffMember> employed = all.stream().filter((s) -> s.employedOn(asOf)).toList();
		List<StaffMember> management = employed.stream()
			.filter((s) -> s.role() == StaffMember.Role.MANAGEMENT)
			.toList();
		int degree = count(management, StaffMember::collegeDegree);
		int professionals = count(employed, (s) -> s.role() == StaffMember.Role.INCUBATION_PROFESSIONAL);
		List<String> founders = employed.stream()
			.filter((s) -> s.founder() && (s.investmentExperience() || s.masters()))
			.map(StaffMember::name)
			.toList();
		f.put("staff.management", management.size(), "人员记录：在职管理人员 " + management.size() + " 人");
		f.put("staff.managementWithCollegeDegree", degree, "人员记录：在职管理人员中大学以上学历 " + degree + " 人");
		f.put("staff.incubationProfessionals", professionals, "人员记录：在职专业孵化服务人员 " + professionals + " 人");
		f.put("staff.founderInvestmentExperienceOrMasters", !founders.isEmpty(), founders.isEmpty()
				? "人员记录：在职创始人中无投融资经验或硕士以上学历者" : "人员记录：创始人 " + String.join("、", founders) + " 有投融资经验或硕士以上学历");
	}

	private static void mentors(List<Mentor> all, List<Counselling> counselling, LocalDate asOf, Facts f) {
		List<Mentor> contracted = all.stream().filter((m) -> m.contractedOn(asOf)).toList();
		int industry = count(contracted, Mentor::industryMentor);
		int leading = count(contracted, Mentor::fromLeadingInvestorOrFirm);
		int sessions = count(counselling, (c) -> !c.heldOn().isAfter(asOf));
		f.put("mentors.count", contracted.size(), "创业导师记录：聘期内导师 " + contracted.size() + " 名");
		f.put("mentors.industryMentors", industry, "创业导师记录：聘期内产业导师 " + industry + " 名");
		f.put("mentors.fromLeadingInvestorsOrFirms", leading > 0, "创业导师记录：来自知名投资机构或企业的导师 " + leading + " 名");
		f.put("mentors.counselingArchive", sessions > 0, "辅导档案 " + sessions + " 条");
	}

	private static void activities(List<Event> all, LocalDate asOf, Facts f) {
		LocalDate from = asOf.minusMonths(12);
		List<Event> window = all.stream()
			.filter((e) -> !e.heldOn().isBefore(from) && !e.heldOn().isAfter(asOf))
			.toList();
		int financing = count(window, (e) -> e.type() == Event.Type.FINANCING_MATCH);
		int professional = count(window, Event::professional);
		String period = "（" + ChinaTime.format(from) + "至" + ChinaTime.format(asOf) + "）";
		f.put("activities.eventsLast12Months", window.size(), "活动记录：近 12 个月 " + window.size() + " 场" + period);
		f.put("activities.financingMatchEvents", financing, "活动记录：近 12 个月投融资对接 " + financing + " 场" + period);
		f.put("activities.professionalEventsLast12Months", professional,
				"活动记录：近 12 个月专业化活动 " + professional + " 场" + period);
	}

	private static void space(List<Premises> all, LocalDate asOf, Facts f) {
		List<Premises> inUse = all.stream().filter((p) -> p.inUseOn(asOf)).toList();
		String source = "场地记录：在用场地 " + inUse.size() + " 处";
		f.put("space.totalAreaM2", sum(inUse, Premises::totalAreaM2), source + "，面积合计");
		f.put("space.officeAndPublicServiceAreaM2", sum(inUse, Premises::officeAndPublicServiceAreaM2),
				source + "，办公及公共服务面积合计");
		f.put("space.independentWorkstations", inUse.stream().mapToInt(Premises::independentWorkstations).sum(),
				source + "，独立工位合计");
		if (inUse.isEmpty()) {
			return;
		}
		Premises main = inUse.get(0);
		for (Premises p : inUse) {
			if (p.totalAreaM2().compareTo(main.totalAreaM2()) > 0) {
				main = p;
			}
		}
		String mainSource = "场地记录：主场地 " + main.address();
		f.put("space.tenure", main.tenure().name(), mainSource);
		if (main.tenure() == Premises.Tenure.LEASED) {
			f.put("space.leaseStart", main.leaseStart(), mainSource + " 的租赁合同");
			f.put("space.leaseEnd", main.leaseEnd(), mainSource + " 的租赁合同");
		}
		LocalDate since = inUse.stream().map(Premises::operatingSince).min(Comparator.naturalOrder()).orElseThrow();
		f.put("space.operatingSince", since, "场地记录：最早投入运营的场地");
		boolean ready = inUse.stream().allMatch(Premises::infrastructureReady);
		f.put("space.infrastructureReady", ready, source + "，基础设施" + (ready ? "均已完备" : "未全部完备"));
		f.put("space.rdAndProductionFacilities", inUse.stream().anyMatch(Premises::rdAndProductionFacilities),
				source + "，研发及生产设施");
	}

	private static void funds(List<Fund> all, List<Agreement> agreements, LocalDate asOf, Facts f) {
		List<Fund> established = all.stream().filter((x) -> !x.establishedOn().isAfter(asOf)).toList();
		List<Map<String, Object>> funds = established.stream().map((x) -> {
			Map<String, Object> fund = new LinkedHashMap<>();
			fund.put("role", x.role().name());
			fund.put("kind", x.kind().name());
			fund.put("amountCny", x.amountCny());
			return fund;
		}).toList();
		f.put("funds", funds,
				"基金记录 " + funds.size() + " 只：" + established.stream().map(Fund::name).collect(Collectors.joining("、")));
		Set<Agreement.Kind> inForce = agreements.stream()
			.filter((a) -> a.inForceOn(asOf))
			.map(Agreement::kind)
			.collect(Collectors.toSet());
		boolean financing = !established.isEmpty() || inForce.contains(Agreement.Kind.FINANCING);
		f.put("seedFundOrFinancingService", financing, "基金记录 " + established.size() + " 只，投融资服务协议"
				+ (inForce.contains(Agreement.Kind.FINANCING) ? "在有效期内" : "无有效协议"));
		boolean ip = inForce.contains(Agreement.Kind.IP_SERVICE);
		f.put("services.ipServicePlatform", ip, ip ? "知识产权服务协议在有效期内" : "无有效的知识产权服务协议");
	}

	private static void investments(List<Investment> all, LocalDate asOf, Facts f) {
		List<Investment> made = all.stream().filter((x) -> !x.investedOn().isAfter(asOf)).toList();
		long amount = made.stream().mapToLong(Investment::amountCny).sum();
		f.put("investments.count", made.size(), "基金投资记录：向在孵企业投资 " + made.size() + " 笔");
		f.put("investments.amountCny", BigDecimal.valueOf(amount),
				"基金投资记录：投资金额合计 " + String.format("%,d", amount) + " 元");
	}

	private static <T> int count(List<T> items, Predicate<T> test) {
		return (int) items.stream().filter(test).count();
	}

	/** The sum without trailing zeros: 800 rather than 800.00, 800.5 stays. */
	private static BigDecimal sum(List<Premises> premises, Function<Premises, BigDecimal> area) {
		BigDecimal total = premises.stream().map(area).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
		return (total.scale() < 0) ? total.setScale(0) : total;
	}

	/**
	 * Values and their sources, in the order they were computed; a source from the
	 * institution's records names the institution.
	 */
	private static final class Facts {

		final Map<String, Object> values = new LinkedHashMap<>();

		final Map<String, String> sources = new LinkedHashMap<>();

		private final String institution;

		Facts(String institution) {
			this.institution = institution;
		}

		void put(String path, Object value, String source) {
			this.values.put(path, value);
			this.sources.put(path, path.startsWith("operator.") ? source : this.institution + source);
		}

	}

}
