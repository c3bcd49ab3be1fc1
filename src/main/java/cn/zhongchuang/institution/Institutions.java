package cn.zhongchuang.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.operator.OperatorFacts;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institution module's API: registration and upkeep of institutions, who may see
 * which, and the facts an institution's own records establish.
 * <p>
 * Scope, as everywhere: an operator sees the institutions of its own organisation; a
 * government user (county, city, province, national) those whose address lies in its
 * region or below; anyone else finds nothing (404).
 */
@Service
public class Institutions {

	private final InstitutionRecords records;

	private final Operators operators;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Institutions(InstitutionRecords records, Operators operators, Regions regions, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.operators = operators;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** An institution by id, without any scope check: the caller scopes. */
	@Transactional(readOnly = true)
	public Optional<InstitutionSummary> find(long id) {
		return this.records.find(id).map(InstitutionSummary::of);
	}

	/** Institutions by id, in id order, without any scope check: the caller scopes. */
	@Transactional(readOnly = true)
	public List<InstitutionSummary> findAll(java.util.Collection<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		return this.records.findAll(ids).stream().map(InstitutionSummary::of).toList();
	}

	/** An institution the user may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public InstitutionSummary get(long id, CurrentUser user) {
		return find(id).filter((i) -> visibleTo(i, user)).orElseThrow(() -> new NotFoundException("institution " + id));
	}

	/**
	 * Whether the user may see the institution: its operator's members, and government
	 * users whose region holds its address.
	 */
	@Transactional(readOnly = true)
	public boolean visibleTo(InstitutionSummary institution, CurrentUser user) {
		if (user == null) {
			return false;
		}
		if (user.hasRole(Role.OPERATOR)) {
			return institution.operatorId() != null
					&& this.operators.organisationOf(user).map((o) -> o.id() == institution.operatorId()).orElse(false);
		}
		return user.role().isGovernment() && this.regions.contains(user.regionCode(), institution.regionCode());
	}

	/** The institutions an organisation runs, in the order they were registered. */
	@Transactional(readOnly = true)
	public List<InstitutionSummary> ofOperator(long operatorId) {
		return this.records.ofOperator(operatorId).stream().map(InstitutionSummary::of).toList();
	}

	/** The institutions of the operator's own organisation (none for other roles). */
	@Transactional(readOnly = true)
	public List<InstitutionSummary> mine(CurrentUser user) {
		return this.operators.organisationOf(user).map((o) -> ofOperator(o.id())).orElse(List.of());
	}

	/**
	 * The institution list of a user, sortable: an operator's own institutions; for a
	 * government user those within {@code region} (its own region when blank; another
	 * region outside its scope finds nothing), by kind and keyword; nothing for anyone
	 * else.
	 */
	public ListQuery<InstitutionSummary> list(String region, String kind, String keyword, CurrentUser user) {
		ListQuery<Institution> list = this.records.list(kind, keyword);
		if (user != null && user.hasRole(Role.OPERATOR)) {
			long operator = this.operators.organisationOf(user).map((o) -> o.id()).orElse(-1L);
			return list.where("operator_id = :operator", "operator", operator).map(InstitutionSummary::of);
		}
		String scope = (region == null || region.isBlank()) ? ((user != null) ? user.regionCode() : null)
				: region.strip();
		if (user == null || !user.role().isGovernment() || !this.regions.contains(user.regionCode(), scope)) {
			return list.where("FALSE").map(InstitutionSummary::of);
		}
		return list
			.where("region_code = ANY(:regions)", "regions", this.regions.codesWithin(scope).toArray(String[]::new))
			.map(InstitutionSummary::of);
	}

	/**
	 * One page of {@link #list} for a government user (nothing for anyone else), newest
	 * first.
	 */
	@Transactional(readOnly = true)
	public PageResult<InstitutionSummary> search(String region, String kind, String keyword, Integer page, Integer size,
			CurrentUser user) {
		if (user == null || !user.role().isGovernment()) {
			return new PageResult<>(List.of(), 0, 1, PageResult.clampSize(size));
		}
		return list(region, kind, keyword, user).page(ListParams.page(page, size)).results();
	}

	/**
	 * An operator registers an institution of its organisation.
	 * @throws FieldErrorException naming each field in error
	 */
	@Transactional
	public InstitutionSummary register(InstitutionForm form, CurrentUser user) {
		OperatorOrganisation org = this.operators.organisationOf(user)
			.orElseThrow(() -> new FieldErrorException("name", "请先登记运营机构，再登记孵化载体"));
		InstitutionForm.Data data = form.validate(today(), this.regions::isValid);
		Institution saved = this.records.insert(Institution.register(org.id(), org.name(), org.creditCode(), data,
				user.username(), this.clock.instant()));
		this.audit.record(AuditEntry.success("INSTITUTION_REGISTER", "institution", saved.id(),
				"登记孵化载体“" + data.name() + "”（" + org.name() + "）", data.regionCode()));
		this.events.publishEvent(new InstitutionRegistered(saved.id(), org.id(), data.regionCode()));
		return InstitutionSummary.of(saved);
	}

	/**
	 * The operator changes its institution's particulars (version-checked).
	 * @throws FieldErrorException naming each field in error
	 */
	@Transactional
	public InstitutionSummary revise(long id, int version, InstitutionForm form, CurrentUser user) {
		Institution current = own(id, user);
		if (current.version() != version) {
			throw new org.springframework.dao.OptimisticLockingFailureException("stale institution " + id);
		}
		InstitutionForm.Data data = form.validate(today(), this.regions::isValid);
		Institution saved = this.records.update(current.revise(data));
		this.audit.record(AuditEntry.success("INSTITUTION_UPDATE", "institution", id,
				"修改孵化载体“" + current.data().name() + "”的登记信息"
						+ (current.data().name().equals(data.name()) ? "" : "，更名为“" + data.name() + "”"),
				data.regionCode()));
		return InstitutionSummary.of(saved);
	}

	/**
	 * The institution a title is of: the one of that name run under that credit code, or
	 * a new one made from what the title names (its operator linked when the credit code
	 * is an organisation's on the platform). For titles recorded or granted without an
	 * institution chosen first (another authority's document, data of old).
	 */
	@Transactional
	public long resolve(TitleHolder holder, String by) {
		String code = (holder.creditCode() == null) ? "" : holder.creditCode().strip().toUpperCase();
		String name = (holder.name() == null) ? "" : holder.name().strip();
		Optional<Institution> existing = this.records.findByName(code, name);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		Long operatorId = this.operators.idByCreditCode(code).orElse(null);
		String kind = holder.kind();
		InstitutionKind k;
		try {
			k = InstitutionKind.valueOf(kind);
		}
		catch (RuntimeException ex) {
			throw new FieldErrorException("kind", "载体类型不正确");
		}
		String spec = k.hasSpecialization()
				? ((holder.specialization() != null) ? holder.specialization() : "COMPREHENSIVE") : null;
		InstitutionForm.Data data = new InstitutionForm(name, k.name(), spec, List.of(), null, holder.regionCode(),
				null, false, null, null, List.of())
			.validate(today(), this.regions::isValid);
		Institution saved = this.records
			.insert(Institution.external(operatorId, holder.operatorName(), code, data, by, this.clock.instant()));
		this.audit.record(AuditEntry.success("INSTITUTION_REGISTER", "institution", saved.id(),
				"按认定文件登记孵化载体“" + name + "”（" + holder.operatorName() + "）", data.regionCode()));
		this.events.publishEvent(new InstitutionRegistered(saved.id(), operatorId, data.regionCode()));
		return saved.id();
	}

	/**
	 * The space facts of policy-api.md that the institution's own records establish on
	 * {@code asOf}: its premises, tenants, events and counselling, the operator's staff,
	 * mentors, funds and agreements assigned to it (counting rules in
	 * {@link Operators#factsFor}), the operator's registration, and what its own
	 * registration says (specialization, virtual, focus segment, the day it opened when
	 * no premises say so). Every source names the institution.
	 * @throws NotFoundException when there is no such institution
	 */
	@Transactional(readOnly = true)
	public OperatorFacts factsFor(long id, LocalDate asOf) {
		Institution i = this.records.find(id).orElseThrow(() -> new NotFoundException("institution " + id));
		InstitutionForm.Data d = i.data();
		Map<String, Object> facts = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		long operatorId = (i.operatorId() != null) ? i.operatorId() : 0L;
		if (i.operatorId() != null) {
			OperatorFacts records = this.operators.factsFor(new Operators.RecordScope(i.operatorId(), id, d.name()),
					asOf);
			facts.putAll(records.facts());
			sources.putAll(records.sources());
		}
		String source = "「" + d.name() + "」载体登记信息";
		if (d.specialization() != null) {
			facts.put("specialization", d.specialization());
			sources.put("specialization", source);
		}
		facts.put("virtual", d.virtual());
		sources.put("virtual", source);
		if (d.focusSegment() != null) {
			facts.put("space.focusSegment", d.focusSegment());
			sources.put("space.focusSegment", source);
		}
		if (!facts.containsKey("space.operatingSince") && d.openedOn() != null) {
			facts.put("space.operatingSince", d.openedOn());
			sources.put("space.operatingSince", source + "：投入运营日期");
		}
		return new OperatorFacts(operatorId, asOf, facts, sources);
	}

	/**
	 * The institutions that owe a 统计年报 for {@code year}, without any scope check (the
	 * caller scopes): those of operators on the platform, operating, in the regions
	 * given, opened by the end of the year (or with no opening day recorded).
	 */
	@Transactional(readOnly = true)
	public List<InstitutionSummary> reporting(List<String> regionCodes, int year) {
		return this.records.operating(regionCodes, LocalDate.of(year, 12, 31))
			.stream()
			.map(InstitutionSummary::of)
			.toList();
	}

	/**
	 * What the institution's records (its own and the operator's assigned to it) show for
	 * a calendar year ({@link Operators#yearOf}); empty when its operator is not on the
	 * platform.
	 * @throws NotFoundException when there is no such institution
	 */
	@Transactional(readOnly = true)
	public Optional<cn.zhongchuang.operator.OperatorYear> recordsOfYear(long id, int year) {
		Institution i = this.records.find(id).orElseThrow(() -> new NotFoundException("institution " + id));
		if (i.operatorId() == null) {
			return Optional.empty();
		}
		return Optional.of(this.operators.yearOf(new Operators.RecordScope(i.operatorId(), id, i.data().name()), year));
	}

	/** How many records of each kind serve the institution, by kind key. */
	@Transactional(readOnly = true)
	public Map<String, Long> recordCounts(long id) {
		Institution i = this.records.find(id).orElseThrow(() -> new NotFoundException("institution " + id));
		return (i.operatorId() != null) ? this.operators.recordCounts(i.operatorId(), id) : Map.of();
	}

	/**
	 * Where the operator's organisation is registered: a new institution's region to
	 * start with.
	 */
	@Transactional(readOnly = true)
	String operatorRegion(CurrentUser user) {
		return this.operators.organisationOf(user).map(OperatorOrganisation::regionCode).orElse(null);
	}

	/** The mistakes in a form, by field (none: an empty map), without saving anything. */
	Map<String, String> check(InstitutionForm form) {
		try {
			form.validate(today(), this.regions::isValid);
			return Map.of();
		}
		catch (FieldErrorException ex) {
			return ex.errors();
		}
	}

	Institution own(long id, CurrentUser user) {
		OperatorOrganisation org = this.operators.organisationOf(user)
			.orElseThrow(() -> new NotFoundException("institution " + id));
		return this.records.find(id)
			.filter((i) -> i.operatorId() != null && i.operatorId() == org.id())
			.orElseThrow(() -> new NotFoundException("institution " + id));
	}

	Optional<Institution> stored(long id) {
		return this.records.find(id);
	}

	private LocalDate today() {
		return ChinaTime.today(this.clock);
	}

	/**
	 * Who holds a title, as a document names it.
	 *
	 * @param operatorName 运营机构
	 * @param creditCode 运营机构的统一社会信用代码
	 * @param name 载体名称
	 * @param kind {@link InstitutionKind} name
	 * @param specialization COMPREHENSIVE / SPECIALIZED, may be null
	 * @param regionCode 载体所在区划
	 */
	public record TitleHolder(String operatorName, String creditCode, String name, String kind, String specialization,
			String regionCode) {
	}

	/** An institution was registered (by its operator, or for a title). */
	public record InstitutionRegistered(long institutionId, Long operatorId, String regionCode) {
	}

}
