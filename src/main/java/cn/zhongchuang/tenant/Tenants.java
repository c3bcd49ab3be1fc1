package cn.zhongchuang.tenant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.InvalidFactsException;
import cn.zhongchuang.policy.NotDefinedByPolicyException;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.policy.TenantFacts;
import cn.zhongchuang.policy.Verdict;
import cn.zhongchuang.reference.CreditCodeCheck;
import cn.zhongchuang.reference.CreditCodes;
import cn.zhongchuang.region.Regions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在孵企业: admission with the pack's eligibility check, graduation, moves along the chain,
 * exit, the leaving checklist. Operators act on their own tenants; bureau and county
 * users read those of their region; anything else is not found.
 */
@Service
public class Tenants {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final TenantRepository tenants;

	private final Operators operators;

	private final Institutions institutions;

	private final TenantPacks packs;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	Tenants(TenantRepository tenants, Operators operators, Institutions institutions, TenantPacks packs,
			Regions regions, AuditTrail audit, Clock clock) {
		this.tenants = tenants;
		this.operators = operators;
		this.institutions = institutions;
		this.packs = packs;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The eligibility check of the pack that applies in {@code regionCode} today, for the
	 * live check of the admission form.
	 * @throws FieldErrorException when a fact has the wrong form
	 */
	public Eligibility check(String regionCode, AdmissionForm form) {
		LocalDate today = ChinaTime.today(this.clock);
		PolicyPack pack = this.packs.forRegion(regionCode, today).orElse(null);
		if (pack == null) {
			return new Eligibility(null, null, null);
		}
		try {
			Verdict verdict = pack.evaluateTenant(TenantFacts.from(facts(form, today), this.clock));
			return new Eligibility(pack.id(), pack.version(), verdict);
		}
		catch (NotDefinedByPolicyException ex) {
			return new Eligibility(pack.id(), pack.version(), null);
		}
		catch (InvalidFactsException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach((e) -> errors.putIfAbsent(e.field(), e.message()));
			throw new FieldErrorException(errors);
		}
	}

	/**
	 * 入孵: registers a tenant of the operator after the eligibility check; refused (field
	 * {@code eligibility}) when the pack finds it ineligible, with the failing articles.
	 * @param by the acting operator account, null for the system (demo data)
	 * @return the new tenant's id
	 */
	@Transactional
	public long admit(long operatorId, AdmissionForm form, CurrentUser by) {
		List<InstitutionSummary> runs = this.institutions.ofOperator(operatorId);
		if (runs.size() != 1) {
			throw new FieldErrorException("institutionId", runs.isEmpty() ? "请先登记孵化载体，再登记入孵" : "请选择入孵的载体");
		}
		return admitInto(runs.get(0).id(), form, by);
	}

	/**
	 * 入孵 into one institution: as {@link #admit}, the pack being the one for the
	 * institution's region, the tenant scoped by that region.
	 * @param by the acting operator account, null for the system (demo data)
	 * @return the new tenant's id
	 */
	@Transactional
	public long admitInto(long institutionId, AdmissionForm form, CurrentUser by) {
		InstitutionSummary institution = this.institutions.find(institutionId)
			.filter((i) -> i.operatorId() != null)
			.orElseThrow(() -> new FieldErrorException("institutionId", "请选择入孵的载体"));
		long operatorId = institution.operatorId();
		this.operators.find(operatorId).orElseThrow(() -> new NotFoundException("organisation " + operatorId));
		Map<String, String> errors = validate(form);
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		String code = CreditCodes.normalize(form.creditCode());
		if (this.tenants.exists(operatorId, code)) {
			throw new FieldErrorException("creditCode", "名册中已有该统一社会信用代码的企业");
		}
		Eligibility eligibility = check(institution.regionCode(), form);
		if (!eligibility.allowsAdmission()) {
			throw new FieldErrorException("eligibility", "不符合在孵企业条件：" + failing(eligibility.verdict()));
		}
		ChainStage stage = (form.stage() != null) ? form.stage() : ChainStage.INCUBATOR;
		Tenant saved = this.tenants
			.insert(new Tenant(null, operatorId, institutionId, institution.regionCode(), form.name().strip(), code,
					form.admittedOn(), form.agreementSigned(), form.agreementDate(), form.inFocusSegment(), stage,
					TenantStatus.ACTIVE, null, null, eligibility.policyId(), eligibility.policyVersion(),
					eligibility.outcome(), summary(eligibility), TenantKind.ENTERPRISE, null, this.clock.instant(), 0));
		this.tenants.recordMove(saved.id(), null, stage, form.admittedOn(), "入孵", (by != null) ? by.id() : null,
				this.clock.instant());
		record(by, "TENANT_ADMIT", saved,
				"入孵登记 " + saved.name() + "（" + saved.creditCode() + "），在孵企业条件：" + outcomeLabel(eligibility.outcome())
						+ ((eligibility.policyId() != null) ? "（" + eligibility.policyId() + "）" : ""));
		return saved.id();
	}

	/**
	 * The institution the signed-in operator admits into: the one given, which must be
	 * one of its organisation's, or its only one.
	 */
	long institutionFor(CurrentUser user, Long institutionId) {
		long operatorId = this.operators.organisationOf(user)
			.map(OperatorOrganisation::id)
			.orElseThrow(() -> new NotFoundException("organisation of operator"));
		List<InstitutionSummary> runs = this.institutions.ofOperator(operatorId);
		if (institutionId == null) {
			if (runs.size() != 1) {
				throw new FieldErrorException("institutionId", runs.isEmpty() ? "请先登记孵化载体，再登记入孵" : "请选择入孵的载体");
			}
			return runs.get(0).id();
		}
		return runs.stream()
			.filter((i) -> i.id() == institutionId)
			.findFirst()
			.orElseThrow(() -> new FieldErrorException("institutionId", "请选择本机构运营的载体"))
			.id();
	}

	/** 入孵 of an enterprise by the signed-in operator into one of its institutions. */
	@Transactional
	public long admit(CurrentUser user, Long institutionId, AdmissionForm form) {
		return admitInto(institutionFor(user, institutionId), form, user);
	}

	/** 入孵 of a 创业团队 by the signed-in operator into one of its institutions. */
	@Transactional
	public long admitTeam(CurrentUser user, Long institutionId, TeamForm form) {
		return admitTeamInto(institutionFor(user, institutionId), form, user);
	}

	/**
	 * 入孵 of a 创业团队 into the operator's one institution (see {@link #admitTeamInto}).
	 * @return the new tenant's id
	 */
	@Transactional
	public long admitTeam(long operatorId, TeamForm form, CurrentUser by) {
		List<InstitutionSummary> runs = this.institutions.ofOperator(operatorId);
		if (runs.size() != 1) {
			throw new FieldErrorException("institutionId", runs.isEmpty() ? "请先登记孵化载体，再登记入孵" : "请选择入孵的载体");
		}
		return admitTeamInto(runs.get(0).id(), form, by);
	}

	/**
	 * 入孵 of a 创业团队 without a credit code: into 苗圃 or a stage the institution offers. The
	 * enterprise criteria of the pack answer 不适用 (NOT_APPLICABLE) for a team.
	 * @param by the acting operator account, null for the system (demo data)
	 * @return the new tenant's id
	 */
	@Transactional
	public long admitTeamInto(long institutionId, TeamForm form, CurrentUser by) {
		InstitutionSummary institution = this.institutions.find(institutionId)
			.filter((i) -> i.operatorId() != null)
			.orElseThrow(() -> new FieldErrorException("institutionId", "请选择入孵的载体"));
		long operatorId = institution.operatorId();
		this.operators.find(operatorId).orElseThrow(() -> new NotFoundException("organisation " + operatorId));
		ChainStage stage = (form.stage() != null) ? form.stage() : ChainStage.NURSERY;
		Map<String, String> errors = validateTeam(form);
		if (stage != ChainStage.NURSERY && !offered(institution).contains(stage.name())) {
			errors.put("stage", "该载体不提供此孵化阶段，创业团队可入驻苗圃或载体提供的阶段");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		if (this.tenants.activeTeamNamed(institutionId, form.name().strip())) {
			throw new FieldErrorException("name", "该载体已有同名的在孵创业团队");
		}
		Tenant saved;
		try {
			saved = this.tenants.insert(new Tenant(null, operatorId, institutionId, institution.regionCode(),
					form.name().strip(), null, form.admittedOn(), form.agreementDate() != null, form.agreementDate(),
					form.inFocusSegment(), stage, TenantStatus.ACTIVE, null, null, null, null, "NOT_APPLICABLE",
					"创业团队尚未注册企业：在孵企业条件（统一社会信用代码、纳税申报等）不适用", TenantKind.TEAM, null, this.clock.instant(), 0));
		}
		catch (DuplicateKeyException ex) {
			// the same team admitted at the same moment by another request
			throw new FieldErrorException("name", "该载体已有同名的在孵创业团队");
		}
		this.tenants.insertTeam(saved.id(), form);
		this.tenants.recordMove(saved.id(), null, stage, form.admittedOn(), "创业团队入孵", (by != null) ? by.id() : null,
				this.clock.instant());
		record(by, "TENANT_ADMIT", saved, "入孵登记创业团队 " + saved.name() + "（负责人 " + form.leader().strip() + "，"
				+ form.people() + " 人，领域：" + form.field().strip() + "），在孵企业条件：不适用");
		return saved.id();
	}

	/**
	 * 毕业团队注册企业: the team registered a company; it gets the (checked) credit code and
	 * becomes an enterprise, keeping its id, stage and history.
	 * @param companyName the company's name, the team's name when blank
	 */
	@Transactional
	public void registerCompany(long id, int version, String companyName, String creditCode, LocalDate on,
			CurrentUser user) {
		Tenant t = own(id, version, user);
		CreditCodeCheck check = CreditCodes.check(creditCode);
		if (!check.valid()) {
			throw new FieldErrorException("creditCode", check.reason());
		}
		String code = CreditCodes.normalize(creditCode);
		if (this.tenants.exists(t.operatorId(), code)) {
			throw new FieldErrorException("creditCode", "名册中已有该统一社会信用代码的企业");
		}
		Tenant saved;
		try {
			saved = this.tenants.update(t.registerCompany(companyName, code, on));
		}
		catch (DuplicateKeyException ex) {
			throw new FieldErrorException("creditCode", "名册中已有该统一社会信用代码的企业");
		}
		this.tenants.recordMove(id, t.chainStage(), t.chainStage(), on, "创业团队注册企业：" + saved.name() + "（" + code + "）",
				user.id(), this.clock.instant());
		record(user, "TENANT_REGISTER_COMPANY", saved, "创业团队 " + t.name() + " 于 " + ChinaTime.format(on) + " 注册企业 "
				+ saved.name() + "（" + code + "），毕业团队注册企业");
	}

	/**
	 * The stages an institution offers: its own, or those of its kind when it named none.
	 */
	static List<String> offered(InstitutionSummary institution) {
		return institution.stages().isEmpty() ? institution.kind().defaultStages() : institution.stages();
	}

	/** 毕业 on the given day. */
	@Transactional
	public void graduate(long id, int version, LocalDate on, CurrentUser user) {
		Tenant t = own(id, version, user);
		Tenant saved = this.tenants.update(t.graduate(on));
		record(user, "TENANT_GRADUATE", saved, saved.name() + " 于 " + on + " 毕业");
	}

	/** Moves forward along the chain; the history keeps each move. */
	@Transactional
	public void move(long id, int version, ChainStage to, LocalDate on, String note, CurrentUser user) {
		Tenant t = own(id, version, user);
		if (on == null) {
			throw new FieldErrorException("on", "请填写日期");
		}
		Tenant saved = this.tenants.update(t.moveTo(to));
		this.tenants.recordMove(id, t.chainStage(), to, on, note, user.id(), this.clock.instant());
		record(user, "TENANT_MOVE", saved, saved.name() + " 由 " + t.chainStage() + " 转入 " + to);
	}

	/** 退出 with the reason. */
	@Transactional
	public void exit(long id, int version, LocalDate on, String reason, CurrentUser user) {
		Tenant t = own(id, version, user);
		Tenant saved = this.tenants.update(t.exit(on, reason));
		record(user, "TENANT_EXIT", saved, saved.name() + " 于 " + on + " 退出：" + saved.exitReason());
	}

	/** Ticks off one item of the leaving checklist (once). */
	@Transactional
	public void tick(long id, LeavingItem item, CurrentUser user) {
		Tenant t = ownTenant(id, user);
		if (item == null) {
			throw new FieldErrorException("item", "请选择事项");
		}
		if (this.tenants.tick(id, item, ChinaTime.today(this.clock), user.id())) {
			record(user, "TENANT_LEAVING_ITEM", t, t.name() + " 离孵服务已办：" + item);
		}
	}

	// --- reading, scoped

	/** A tenant the user may see; 404 otherwise (never 403). */
	Tenant visible(long id, CurrentUser user) {
		Tenant t = this.tenants.find(id).orElseThrow(() -> new NotFoundException("tenant " + id));
		if (user.hasRole(Role.OPERATOR)) {
			long own = this.operators.organisationOf(user)
				.map(OperatorOrganisation::id)
				.orElseThrow(() -> new NotFoundException("tenant " + id));
			if (own != t.operatorId()) {
				throw new NotFoundException("tenant " + id);
			}
			return t;
		}
		if (user.role().isGovernment() && this.regions.contains(user.regionCode(), t.regionCode())) {
			return t;
		}
		throw new NotFoundException("tenant " + id);
	}

	@Transactional(readOnly = true)
	TenantView view(long id, CurrentUser user) {
		Tenant t = visible(id, user);
		String operatorName = this.operators.find(t.operatorId()).map(OperatorOrganisation::name).orElse("");
		return new TenantView(t, operatorName, this.regions.fullName(t.regionCode()), this.tenants.moves(id),
				this.tenants.leavingItems(id), this.tenants.team(id).orElse(null));
	}

	/** The list of the tenants the user may see (page, export, API). */
	ListQuery<Tenant> list(TenantQuery q, CurrentUser user) {
		if (user.hasRole(Role.OPERATOR)) {
			Long operatorId = this.operators.organisationOf(user).map(OperatorOrganisation::id).orElse(-1L);
			return this.tenants.list(q, operatorId, null);
		}
		if (user.role().isGovernment()) {
			return this.tenants.list(q, null, this.regions.codesWithin(user.regionCode()));
		}
		return this.tenants.list(q, -1L, null).where("false");
	}

	List<Tenant> ofOperator(long operatorId) {
		return this.tenants.ofOperator(operatorId);
	}

	Tenant ownTenant(long id, CurrentUser user) {
		if (!user.hasRole(Role.OPERATOR)) {
			throw new NotFoundException("tenant " + id);
		}
		return visible(id, user);
	}

	private Tenant own(long id, int version, CurrentUser user) {
		Tenant t = ownTenant(id, user);
		if (t.version() != version) {
			throw new org.springframework.dao.OptimisticLockingFailureException("tenant " + id + " changed");
		}
		return t;
	}

	private void record(CurrentUser by, String action, Tenant t, String detail) {
		AuditEntry entry = AuditEntry.success(action, "tenant", t.id(), detail, t.regionCode());
		this.audit.record((by != null) ? entry : entry.by("system", "system"));
	}

	private static Map<String, String> validate(AdmissionForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.name() == null || form.name().isBlank()) {
			errors.put("name", "请填写企业名称");
		}
		else if (form.name().strip().length() > 100) {
			errors.put("name", "企业名称不能超过 100 个字");
		}
		CreditCodeCheck check = CreditCodes.check(form.creditCode());
		if (!check.valid()) {
			errors.put("creditCode", check.reason());
		}
		if (form.admittedOn() == null) {
			errors.put("admittedOn", "请填写入孵日期");
		}
		else if (form.agreementDate() != null && form.agreementDate().isBefore(form.admittedOn().minusYears(1))) {
			errors.put("agreementDate", "协议签订日期不应早于入孵日期一年以上");
		}
		return errors;
	}

	private static Map<String, String> validateTeam(TeamForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.name() == null || form.name().isBlank()) {
			errors.put("name", "请填写团队名称");
		}
		else if (form.name().strip().length() > 100) {
			errors.put("name", "团队名称不能超过 100 个字");
		}
		if (form.leader() == null || form.leader().isBlank()) {
			errors.put("leader", "请填写团队负责人");
		}
		else if (form.leader().strip().length() > 50) {
			errors.put("leader", "负责人姓名不能超过 50 个字");
		}
		if (form.members().size() > 100 || form.members().stream().anyMatch((m) -> m.length() > 50)) {
			errors.put("members", "成员最多 100 人，每个姓名不超过 50 个字");
		}
		if (form.memberCount() != null && form.memberCount() < form.members().size() + 1) {
			errors.put("memberCount", "团队人数不应少于负责人与所列成员之和（" + (form.members().size() + 1) + " 人）");
		}
		else if (form.memberCount() != null && form.memberCount() > 1000) {
			errors.put("memberCount", "团队人数不能超过 1000 人");
		}
		if (form.field() == null || form.field().isBlank()) {
			errors.put("field", "请填写团队所属领域");
		}
		else if (form.field().strip().length() > 50) {
			errors.put("field", "领域不能超过 50 个字");
		}
		if (form.admittedOn() == null) {
			errors.put("admittedOn", "请填写入孵日期");
		}
		else if (form.agreementDate() != null && form.agreementDate().isBefore(form.admittedOn().minusYears(1))) {
			errors.put("agreementDate", "协议签订日期不应早于入孵日期一年以上");
		}
		return errors;
	}

	static String failing(Verdict verdict) {
		return verdict.criteria()
			.stream()
			.filter((c) -> c.result() == Verdict.Result.FAIL)
			.map((c) -> "第 " + c.article() + " 条「" + c.title() + "」"
					+ ((c.detail() != null) ? "（" + c.detail() + "）" : ""))
			.collect(Collectors.joining("；"));
	}

	private static String summary(Eligibility e) {
		if (e.verdict() == null) {
			return (e.policyId() != null) ? "政策包 " + e.policyId() + " 未规定在孵企业条件" : "所在区划没有适用的政策包";
		}
		return e.verdict()
			.criteria()
			.stream()
			.map((c) -> c.article() + " " + c.title() + "：" + c.result())
			.collect(Collectors.joining("\n"));
	}

	static String outcomeLabel(String outcome) {
		return switch (outcome) {
			case "ELIGIBLE" -> "符合";
			case "NEEDS_REVIEW" -> "待人工判断";
			case "INELIGIBLE" -> "不符合";
			case "NOT_APPLICABLE" -> "不适用";
			default -> "未规定";
		};
	}

	private static ObjectNode facts(AdmissionForm f, LocalDate asOf) {
		ObjectNode n = json.createObjectNode();
		n.put("asOf", asOf.toString());
		String code = CreditCodes.normalize(f.creditCode());
		if (code != null && code.length() == 18) {
			n.put("registeredRegion", code.substring(2, 8));
		}
		if (f.officeInSpace() != null) {
			n.put("officeInSpace", f.officeInSpace());
		}
		if (f.industry() != null && !f.industry().isBlank()) {
			n.put("industry", f.industry());
		}
		if (f.employees() != null) {
			n.put("employees", f.employees());
		}
		if (f.revenueWan() != null) {
			n.put("revenueWan", f.revenueWan());
		}
		if (f.totalAssetsWan() != null) {
			n.put("totalAssetsWan", f.totalAssetsWan());
		}
		if (f.technologyInnovative() != null) {
			n.put("technologyInnovative", f.technologyInnovative());
		}
		if (f.staffWithCollegeDegree() != null) {
			n.put("staffWithCollegeDegree", f.staffWithCollegeDegree());
		}
		if (f.rdExpenditureWan() != null) {
			n.put("rdExpenditureWan", f.rdExpenditureWan());
		}
		if (f.totalExpenditureWan() != null) {
			n.put("totalExpenditureWan", f.totalExpenditureWan());
		}
		if (f.keyIndustry() != null && !f.keyIndustry().isBlank()) {
			n.put("keyIndustry", f.keyIndustry().strip());
		}
		return n;
	}

}
