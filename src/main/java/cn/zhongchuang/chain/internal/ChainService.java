package cn.zhongchuang.chain.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.chain.ChainEvents;
import cn.zhongchuang.chain.ChainStatus;
import cn.zhongchuang.chain.ChainSummary;
import cn.zhongchuang.chain.Chains;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.tenant.TenantStays;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 孵化链条试点: an operator applies for a chain of institutions in chain order; the authority
 * of the jurisdiction that holds every link (table {@code chain_authority}) designates it
 * a pilot, refuses it, or revokes the designation; each step audited and published.
 * Operators see the chains that hold one of their institutions, government users those of
 * their region; anything else is not found.
 */
@Service
class ChainService implements Chains {

	private final ChainRecords records;

	private final Institutions institutions;

	private final Operators operators;

	private final TenantStays stays;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ChainService(ChainRecords records, Institutions institutions, Operators operators, TenantStays stays,
			Regions regions, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.institutions = institutions;
		this.operators = operators;
		this.stays = stays;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What an operator applies for: a name and the links in chain order. */
	record Application(String name, List<Long> institutionIds, List<String> stages) {
	}

	/**
	 * 申请孵化链条试点 by the signed-in operator, whose organisation runs at least one of the
	 * institutions. Refused, naming the place (第 N 个载体): fewer than two links, an unknown
	 * institution, a stage the institution does not offer, an institution twice, stages
	 * out of chain order, links outside any jurisdiction that designates chain pilots.
	 */
	@Transactional
	Chain apply(Application form, CurrentUser user) {
		OperatorOrganisation org = this.operators.organisationOf(user)
			.orElseThrow(() -> new AccessDeniedException("only an operator applies for a chain"));
		Map<String, String> errors = new LinkedHashMap<>();
		String name = (form.name() == null) ? "" : form.name().strip();
		if (name.isEmpty()) {
			errors.put("name", "请填写链条名称");
		}
		else if (name.length() > 100) {
			errors.put("name", "链条名称不能超过 100 个字");
		}
		List<Long> ids = (form.institutionIds() == null) ? List.of() : form.institutionIds();
		List<String> stages = (form.stages() == null) ? List.of() : form.stages();
		int n = Math.max(ids.size(), stages.size());
		List<Chain.Link> links = new ArrayList<>();
		List<InstitutionSummary> found = new ArrayList<>();
		Map<Long, Integer> seen = new HashMap<>();
		int lastOrder = -1;
		String lastStage = null;
		int position = 0;
		for (int i = 0; i < n; i++) {
			Long id = (i < ids.size()) ? ids.get(i) : null;
			String stage = (i < stages.size() && stages.get(i) != null && !stages.get(i).isBlank())
					? stages.get(i).strip() : null;
			if (id == null && stage == null) {
				continue;
			}
			position++;
			String place = "第" + position + "个载体";
			String field = "links[" + position + "]";
			if (id == null) {
				errors.put(field + ".institutionId", place + "：请选择载体");
				continue;
			}
			Optional<InstitutionSummary> institution = this.institutions.find(id);
			if (institution.isEmpty()) {
				errors.put(field + ".institutionId", place + "：没有这个载体");
				continue;
			}
			InstitutionSummary it = institution.get();
			String label = place + "「" + it.name() + "」";
			if (seen.containsKey(id)) {
				errors.put(field + ".institutionId", label + "已是链条的第" + seen.get(id) + "个载体，同一载体在链条中只能出现一次");
				continue;
			}
			seen.put(id, position);
			if (stage == null || Chain.order(stage) < 0) {
				errors.put(field + ".stage", label + "：请选择孵化阶段（苗圃、孵化器、加速器或产业园）");
				continue;
			}
			List<String> offered = it.stages().isEmpty() ? it.kind().defaultStages() : it.stages();
			if (!offered.contains(stage)) {
				errors.put(field + ".stage", label + "不提供「" + Chain.stageName(stage) + "」阶段（该载体提供："
						+ String.join("、", offered.stream().map(Chain::stageName).toList()) + "）");
				continue;
			}
			if (Chain.order(stage) <= lastOrder) {
				errors.put(field + ".stage", label + "的阶段「" + Chain.stageName(stage) + "」不能排在「"
						+ Chain.stageName(lastStage) + "」之后：链条须按 苗圃→孵化器→加速器→产业园 的顺序依次递进");
				continue;
			}
			lastOrder = Chain.order(stage);
			lastStage = stage;
			links.add(new Chain.Link(position, id, stage));
			found.add(it);
		}
		if (position < 2) {
			errors.putIfAbsent("links", "孵化链条至少要有两个阶段（现有 " + position + " 个）");
		}
		if (errors.isEmpty() && found.stream().noneMatch((i) -> Long.valueOf(org.id()).equals(i.operatorId()))) {
			errors.put("links", "链条中至少要有一个本机构运营的载体");
		}
		String authority = errors.isEmpty() ? authorityFor(found) : null;
		if (errors.isEmpty() && authority == null) {
			errors.put("links", "链条载体所在地区没有开展孵化链条试点的主管部门，不能申请");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Chain saved = this.records
			.insert(new Chain(null, name, found.get(0).regionCode(), authority, org.id(), user.username(),
					this.clock.instant(), ChainStatus.APPLIED, null, null, null, null, null, null, null, 0, links));
		this.audit.record(AuditEntry.success("CHAIN_APPLY", "chain", saved.id(),
				"申请孵化链条试点「" + name + "」：" + saved.stagePath(), saved.regionCode()));
		this.events.publishEvent(new ChainEvents.ChainApplied(saved.id(), saved.regionCode(), authority));
		return saved;
	}

	/** 认定为试点 by the authority of the chain's jurisdiction. */
	@Transactional
	Chain designate(long id, int version, String number, LocalDate on, boolean confirmed, CurrentUser user) {
		Chain chain = decidable(id, user);
		Map<String, String> errors = new LinkedHashMap<>();
		String n = (number == null) ? "" : number.strip();
		if (n.isEmpty()) {
			errors.put("number", "请填写试点编号（认定文号）");
		}
		else if (n.length() > 50) {
			errors.put("number", "试点编号不能超过 50 个字");
		}
		else if (this.records.numberTaken(n)) {
			errors.put("number", "试点编号「" + n + "」已被使用");
		}
		if (on == null) {
			errors.put("designatedOn", "请填写认定日期");
		}
		else if (on.isAfter(today())) {
			errors.put("designatedOn", "认定日期不能晚于今天");
		}
		if (!confirmed) {
			errors.put("confirm", "请确认：认定后该链条即为试点，可申请省级后补助，其载体的入孵企业流转将按试点统计");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		String authority = this.records.authorities().get(chain.authorityRegion());
		Chain done = chain.designate(n, on, authority, user.username());
		this.records.update(withVersion(done, version));
		this.audit.record(AuditEntry.success("CHAIN_DESIGNATE", "chain", id,
				"认定孵化链条「" + chain.name() + "」为试点，编号 " + n + "，" + authority, chain.regionCode()));
		this.events.publishEvent(new ChainEvents.ChainDesignated(id, n, on, authority));
		return get(id, user);
	}

	/** 不予认定, with the reason. */
	@Transactional
	Chain refuse(long id, int version, String reason, boolean confirmed, CurrentUser user) {
		Chain chain = decidable(id, user);
		String r = required(reason, "请填写不予认定的理由", confirmed, "请确认：不予认定后本次申请结束，运营机构须重新申请");
		this.records.update(withVersion(chain.refuse(r, today(), user.username()), version));
		this.audit.record(AuditEntry.success("CHAIN_REFUSE", "chain", id, "不予认定孵化链条「" + chain.name() + "」为试点：" + r,
				chain.regionCode()));
		this.events.publishEvent(new ChainEvents.ChainRefused(id, r));
		return get(id, user);
	}

	/** 撤销试点, with the reason. */
	@Transactional
	Chain revoke(long id, int version, String reason, boolean confirmed, CurrentUser user) {
		Chain chain = decidable(id, user);
		String r = required(reason, "请填写撤销的理由", confirmed, "请确认：撤销后该链条不再是试点，不再享受试点的后补助，撤销不能恢复");
		this.records.update(withVersion(chain.revoke(r, today(), user.username()), version));
		this.audit.record(AuditEntry.success("CHAIN_REVOKE", "chain", id,
				"撤销孵化链条「" + chain.name() + "」的试点（编号 " + chain.number() + "）：" + r, chain.regionCode()));
		this.events.publishEvent(new ChainEvents.ChainRevoked(id, chain.number(), r));
		return get(id, user);
	}

	/** One chain the user may see. */
	@Transactional(readOnly = true)
	Chain get(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((c) -> visibleTo(c, user))
			.orElseThrow(() -> new NotFoundException("chain " + id));
	}

	/** Whether the user is the authority that decides on the chain. */
	boolean decides(Chain chain, CurrentUser user) {
		return user.role().isGovernment() && user.regionCode().equals(chain.authorityRegion());
	}

	/** The chains the user may see, filtered. */
	ListQuery<Chain> list(CurrentUser user, String region, String keyword, ChainStatus status) {
		if (user.role() == Role.OPERATOR) {
			OperatorOrganisation org = this.operators.organisationOf(user)
				.orElseThrow(() -> new NotFoundException("organisation of operator"));
			List<Long> mine = this.institutions.ofOperator(org.id()).stream().map(InstitutionSummary::id).toList();
			return this.records.list(null, org.id(), mine, keyword, status);
		}
		String scope = (region != null && !region.isBlank() && this.regions.contains(user.regionCode(), region.strip()))
				? region.strip() : user.regionCode();
		return this.records.list(this.regions.codesWithin(scope), null, List.of(), keyword, status);
	}

	/** The moves along each chain, counted from one read of the tenant records. */
	@Transactional(readOnly = true)
	Map<Long, ChainMoves.Count> moves(List<Chain> chains) {
		Set<Long> ids = new HashSet<>();
		chains.forEach((c) -> c.links().forEach((l) -> ids.add(l.institutionId())));
		List<TenantStays.Stay> all = this.stays.ofInstitutions(ids);
		Map<Long, ChainMoves.Count> out = new LinkedHashMap<>();
		for (Chain c : chains) {
			out.put(c.id(), ChainMoves.count(c.links(), all));
		}
		return out;
	}

	ChainMoves.Count moves(Chain chain) {
		return moves(List.of(chain)).get(chain.id());
	}

	/** The institutions of the chains, by id. */
	Map<Long, InstitutionSummary> institutionsOf(List<Chain> chains) {
		Set<Long> ids = new HashSet<>();
		chains.forEach((c) -> c.links().forEach((l) -> ids.add(l.institutionId())));
		Map<Long, InstitutionSummary> out = new HashMap<>();
		this.institutions.findAll(ids).forEach((i) -> out.put(i.id(), i));
		return out;
	}

	/**
	 * The institutions an operator may put into a chain: its own, then those of its
	 * region.
	 */
	List<InstitutionSummary> candidates(CurrentUser user) {
		OperatorOrganisation org = this.operators.organisationOf(user)
			.orElseThrow(() -> new NotFoundException("organisation of operator"));
		List<InstitutionSummary> out = new ArrayList<>(this.institutions.ofOperator(org.id()));
		String province = org.regionCode().substring(0, 2) + "0000";
		this.institutions.list(province, null, null, new ProvinceReader(province))
			.page(ListParams.page(1, 100))
			.results()
			.items()
			.stream()
			.filter((i) -> i.operating() && out.stream().noneMatch((o) -> o.id() == i.id()))
			.forEach(out::add);
		return out;
	}

	String authorityName(String region) {
		return this.records.authorities().getOrDefault(region, this.regions.scienceAuthorityOf(region));
	}

	String regionName(String code) {
		return this.regions.fullName(code);
	}

	LocalDate today() {
		return ChinaTime.today(this.clock);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ChainSummary> find(long id) {
		return this.records.find(id).map(Chain::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChainSummary> designatedWithin(String regionCode) {
		return this.records.designatedWithin(this.regions.codesWithin(regionCode))
			.stream()
			.map(Chain::summary)
			.toList();
	}

	private boolean visibleTo(Chain c, CurrentUser user) {
		if (user.role() == Role.OPERATOR) {
			Optional<OperatorOrganisation> org = this.operators.organisationOf(user);
			if (org.isEmpty()) {
				return false;
			}
			if (c.applicantOperator() == org.get().id()) {
				return true;
			}
			Set<Long> mine = new HashSet<>();
			this.institutions.ofOperator(org.get().id()).forEach((i) -> mine.add(i.id()));
			return c.links().stream().anyMatch((l) -> mine.contains(l.institutionId()));
		}
		return user.role().isGovernment() && (this.regions.contains(user.regionCode(), c.regionCode())
				|| this.regions.contains(user.regionCode(), c.authorityRegion()));
	}

	private Chain decidable(long id, CurrentUser user) {
		Chain chain = get(id, user);
		if (!decides(chain, user)) {
			throw new AccessDeniedException("only the authority of " + chain.authorityRegion() + " decides");
		}
		return chain;
	}

	/** The nearest jurisdiction with an authority that holds every institution. */
	private String authorityFor(List<InstitutionSummary> links) {
		String best = null;
		for (String region : this.records.authorities().keySet()) {
			boolean holdsAll = links.stream().allMatch((i) -> this.regions.contains(region, i.regionCode()));
			if (holdsAll && (best == null || this.regions.contains(best, region))) {
				best = region;
			}
		}
		return best;
	}

	private static String required(String reason, String missing, boolean confirmed, String confirm) {
		Map<String, String> errors = new LinkedHashMap<>();
		String r = (reason == null) ? "" : reason.strip();
		if (r.isEmpty()) {
			errors.put("reason", missing);
		}
		else if (r.length() > 500) {
			errors.put("reason", "理由不能超过 500 个字");
		}
		if (!confirmed) {
			errors.put("confirm", confirm);
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		return r;
	}

	/**
	 * Reads the institutions of the applicant's province for the choice of links (other
	 * operators' institutions may be links of the chain): a read-only scope, never an
	 * actor.
	 */
	private record ProvinceReader(String regionCode) implements CurrentUser {

		@Override
		public long id() {
			return 0;
		}

		@Override
		public String username() {
			return "chain-candidates";
		}

		@Override
		public String displayName() {
			return "链条载体选择";
		}

		@Override
		public Role role() {
			return Role.PROVINCE;
		}

	}

	private static Chain withVersion(Chain c, int version) {
		return new Chain(c.id(), c.name(), c.regionCode(), c.authorityRegion(), c.applicantOperator(), c.appliedBy(),
				c.appliedAt(), c.status(), c.number(), c.designatedOn(), c.authority(), c.refusalReason(),
				c.revocationReason(), c.decidedOn(), c.decidedBy(), version, c.links());
	}

}
