package cn.zhongchuang.cluster.internal;

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
import cn.zhongchuang.cluster.ClusterEvents;
import cn.zhongchuang.cluster.ClusterStatus;
import cn.zhongchuang.cluster.ClusterSummary;
import cn.zhongchuang.cluster.Clusters;
import cn.zhongchuang.institution.InstitutionKind;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodeCheck;
import cn.zhongchuang.reference.CreditCodes;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 众创集聚区: the operator of an institution of kind MAKER_SPACE_CLUSTER registers it with its
 * members and service providers; the authority of the jurisdiction that holds it (table
 * {@code cluster_authority}) recognizes it, refuses, or revokes the recognition; each
 * step audited and published.
 */
@Service
class ClusterService implements Clusters {

	private final ClusterRecords records;

	private final Institutions institutions;

	private final Operators operators;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClusterService(ClusterRecords records, Institutions institutions, Operators operators, Regions regions,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.institutions = institutions;
		this.operators = operators;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A service provider as the form gives it. */
	record ProviderForm(String name, String creditCode, String serviceKind) {
	}

	/**
	 * 登记众创集聚区 by the operator of the cluster institution. Refused, naming the place: an
	 * institution not of kind 众创集聚区 or already registered, no member, a member that is
	 * itself a cluster, a member twice, a member outside the cluster's region, a provider
	 * without name, with a wrong credit code or service kind, or twice.
	 */
	@Transactional
	Cluster register(Long institutionId, List<Long> memberIds, List<ProviderForm> providers, CurrentUser user) {
		OperatorOrganisation org = this.operators.organisationOf(user)
			.orElseThrow(() -> new AccessDeniedException("only an operator registers a cluster"));
		Map<String, String> errors = new LinkedHashMap<>();
		InstitutionSummary cluster = (institutionId != null) ? this.institutions.find(institutionId)
			.filter((i) -> Long.valueOf(org.id()).equals(i.operatorId()))
			.orElse(null) : null;
		if (cluster == null) {
			throw new FieldErrorException("institutionId", "请选择本机构运营的众创集聚区");
		}
		if (cluster.kind() != InstitutionKind.MAKER_SPACE_CLUSTER) {
			throw new FieldErrorException("institutionId", "「" + cluster.name() + "」不是众创集聚区类型的载体");
		}
		if (this.records.existsFor(cluster.id())) {
			throw new FieldErrorException("institutionId", "「" + cluster.name() + "」已登记为众创集聚区");
		}
		List<Long> members = new ArrayList<>();
		Map<Long, Integer> seen = new HashMap<>();
		int position = 0;
		for (Long id : (memberIds != null) ? memberIds : List.<Long>of()) {
			if (id == null) {
				continue;
			}
			position++;
			memberError(cluster, id, position, seen).ifPresent((e) -> errors.put(e.getKey(), e.getValue()));
			seen.putIfAbsent(id, position);
			members.add(id);
		}
		if (position == 0) {
			errors.put("members", "众创集聚区至少要有一个成员载体");
		}
		List<Cluster.Provider> ps = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		int k = 0;
		for (ProviderForm p : (providers != null) ? providers : List.<ProviderForm>of()) {
			if (blank(p.name()) && blank(p.creditCode()) && blank(p.serviceKind())) {
				continue;
			}
			k++;
			providerOf(p, k, codes, errors).ifPresent(ps::add);
		}
		String authority = authorityFor(cluster.regionCode());
		if (authority == null) {
			errors.put("institutionId", "「" + cluster.name() + "」所在地区没有认定众创集聚区的主管部门");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Cluster saved = this.records.insert(new Cluster(null, cluster.id(), cluster.name(), cluster.regionCode(),
				authority, user.username(), this.clock.instant(), ClusterStatus.APPLIED, null, null, null, null, null,
				null, null, 0, members, ps));
		this.audit.record(AuditEntry.success("CLUSTER_REGISTER", "cluster", saved.id(),
				"登记众创集聚区「" + cluster.name() + "」：成员载体 " + members.size() + " 个，服务机构 " + ps.size() + " 家",
				cluster.regionCode()));
		this.events.publishEvent(new ClusterEvents.ClusterRegistered(saved.id(), cluster.id(), cluster.regionCode()));
		return saved;
	}

	/** Adds a member institution (same rules as at registration). */
	@Transactional
	Cluster addMember(long id, Long institutionId, CurrentUser user) {
		Cluster c = ownCluster(id, user);
		if (institutionId == null) {
			throw new FieldErrorException("memberId", "请选择成员载体");
		}
		Map<Long, Integer> seen = new HashMap<>();
		for (int i = 0; i < c.members().size(); i++) {
			seen.put(c.members().get(i), i + 1);
		}
		InstitutionSummary cluster = this.institutions.find(c.institutionId()).orElseThrow();
		memberError(cluster, institutionId, c.members().size() + 1, seen).ifPresent((e) -> {
			throw new FieldErrorException("memberId", e.getValue());
		});
		this.records.addMember(id, institutionId);
		this.audit.record(AuditEntry.success("CLUSTER_REGISTER", "cluster", id,
				"众创集聚区「" + c.name() + "」增加成员载体 #" + institutionId, c.regionCode()));
		return get(id, user);
	}

	/** Adds a service provider (same rules as at registration). */
	@Transactional
	Cluster addProvider(long id, ProviderForm form, CurrentUser user) {
		Cluster c = ownCluster(id, user);
		Set<String> codes = new HashSet<>();
		c.providers().forEach((p) -> codes.add(p.creditCode()));
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Cluster.Provider> p = providerOf(form, c.providers().size() + 1, codes, errors);
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		this.records.addProvider(id, p.orElseThrow());
		this.audit.record(AuditEntry.success("CLUSTER_REGISTER", "cluster", id,
				"众创集聚区「" + c.name() + "」增加服务机构「" + p.get().name() + "」", c.regionCode()));
		return get(id, user);
	}

	@Transactional
	Cluster recognize(long id, int version, String number, LocalDate on, boolean confirmed, CurrentUser user) {
		Cluster c = decidable(id, user);
		Map<String, String> errors = new LinkedHashMap<>();
		String n = (number == null) ? "" : number.strip();
		if (n.isEmpty()) {
			errors.put("number", "请填写认定编号（认定文号）");
		}
		else if (n.length() > 50) {
			errors.put("number", "认定编号不能超过 50 个字");
		}
		else if (this.records.numberTaken(n)) {
			errors.put("number", "认定编号「" + n + "」已被使用");
		}
		if (on == null) {
			errors.put("recognizedOn", "请填写认定日期");
		}
		else if (on.isAfter(today())) {
			errors.put("recognizedOn", "认定日期不能晚于今天");
		}
		if (!confirmed) {
			errors.put("confirm", "请确认：认定后该载体即为众创集聚区，可申请省级后补助");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		String authority = this.records.authorities().get(c.authorityRegion());
		this.records.update(c.recognize(n, on, authority, user.username()).withVersion(version));
		this.audit.record(AuditEntry.success("CLUSTER_RECOGNIZE", "cluster", id,
				"认定「" + c.name() + "」为众创集聚区，编号 " + n + "，" + authority, c.regionCode()));
		this.events.publishEvent(new ClusterEvents.ClusterRecognized(id, n, on, authority));
		return get(id, user);
	}

	@Transactional
	Cluster refuse(long id, int version, String reason, boolean confirmed, CurrentUser user) {
		Cluster c = decidable(id, user);
		String r = reason(reason, "请填写不予认定的理由", confirmed, "请确认：不予认定后本次登记结束，运营机构须重新登记");
		this.records.update(c.refuse(r, today(), user.username()).withVersion(version));
		this.audit.record(AuditEntry.success("CLUSTER_REFUSE", "cluster", id, "不予认定「" + c.name() + "」为众创集聚区：" + r,
				c.regionCode()));
		this.events.publishEvent(new ClusterEvents.ClusterRefused(id, r));
		return get(id, user);
	}

	@Transactional
	Cluster revoke(long id, int version, String reason, boolean confirmed, CurrentUser user) {
		Cluster c = decidable(id, user);
		String r = reason(reason, "请填写撤销的理由", confirmed, "请确认：撤销后该载体不再是众创集聚区，不再享受后补助，撤销不能恢复");
		this.records.update(c.revoke(r, today(), user.username()).withVersion(version));
		this.audit.record(AuditEntry.success("CLUSTER_REVOKE", "cluster", id,
				"撤销「" + c.name() + "」的众创集聚区认定（编号 " + c.number() + "）：" + r, c.regionCode()));
		this.events.publishEvent(new ClusterEvents.ClusterRevoked(id, c.number(), r));
		return get(id, user);
	}

	@Transactional(readOnly = true)
	Cluster get(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((c) -> visibleTo(c, user))
			.orElseThrow(() -> new NotFoundException("cluster " + id));
	}

	boolean decides(Cluster c, CurrentUser user) {
		return user.role().isGovernment() && user.regionCode().equals(c.authorityRegion());
	}

	boolean owns(Cluster c, CurrentUser user) {
		return user.role() == Role.OPERATOR && mine(user).contains(c.institutionId());
	}

	ListQuery<Cluster> list(CurrentUser user, String region, String keyword, ClusterStatus status) {
		if (user.role() == Role.OPERATOR) {
			return this.records.list(null, new ArrayList<>(mine(user)), keyword, status);
		}
		String scope = (region != null && !region.isBlank() && this.regions.contains(user.regionCode(), region.strip()))
				? region.strip() : user.regionCode();
		return this.records.list(this.regions.codesWithin(scope), List.of(), keyword, status);
	}

	/** The institutions of the clusters (their own and their members), by id. */
	Map<Long, InstitutionSummary> institutionsOf(List<Cluster> clusters) {
		Set<Long> ids = new HashSet<>();
		clusters.forEach((c) -> {
			ids.add(c.institutionId());
			ids.addAll(c.members());
		});
		Map<Long, InstitutionSummary> out = new HashMap<>();
		this.institutions.findAll(ids).forEach((i) -> out.put(i.id(), i));
		return out;
	}

	/**
	 * The operator's clusters not yet registered, and the institutions in their regions.
	 */
	List<InstitutionSummary> ownClusterInstitutions(CurrentUser user) {
		return this.operators.organisationOf(user)
			.map((o) -> this.institutions.ofOperator(o.id())
				.stream()
				.filter((i) -> i.kind() == InstitutionKind.MAKER_SPACE_CLUSTER && !this.records.existsFor(i.id()))
				.toList())
			.orElse(List.of());
	}

	/** Member candidates: the operating institutions of the operator's city. */
	List<InstitutionSummary> memberCandidates(CurrentUser user) {
		String city = this.operators.organisationOf(user)
			.map((o) -> o.regionCode().substring(0, 4) + "00")
			.orElse(user.regionCode());
		return this.institutions.list(city, null, null, new Reader(city))
			.page(cn.zhongchuang.platform.ListParams.page(1, 100))
			.results()
			.items()
			.stream()
			.filter(InstitutionSummary::operating)
			.toList();
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
	public Optional<ClusterSummary> find(long id) {
		return this.records.find(id).map(Cluster::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ClusterSummary> recognizedWithin(String regionCode) {
		return this.records.recognizedWithin(this.regions.codesWithin(regionCode))
			.stream()
			.map(Cluster::summary)
			.toList();
	}

	private Optional<Map.Entry<String, String>> memberError(InstitutionSummary cluster, long id, int position,
			Map<Long, Integer> seen) {
		String place = "第" + position + "个成员";
		String field = "members[" + position + "]";
		Optional<InstitutionSummary> found = this.institutions.find(id);
		if (found.isEmpty()) {
			return Optional.of(Map.entry(field, place + "：没有这个载体"));
		}
		InstitutionSummary m = found.get();
		String label = place + "「" + m.name() + "」";
		if (m.kind() == InstitutionKind.MAKER_SPACE_CLUSTER) {
			return Optional.of(Map.entry(field, label + "本身是众创集聚区，不能作为集聚区的成员"));
		}
		if (seen.containsKey(id)) {
			return Optional.of(Map.entry(field, label + "已是第" + seen.get(id) + "个成员，同一载体只能加入一次"));
		}
		if (!this.regions.contains(cluster.regionCode(), m.regionCode())) {
			return Optional.of(Map.entry(field, label + "位于" + this.regions.fullName(m.regionCode()) + "，不在集聚区所在的"
					+ this.regions.fullName(cluster.regionCode()) + "内"));
		}
		return Optional.empty();
	}

	private static Optional<Cluster.Provider> providerOf(ProviderForm p, int k, Set<String> codes,
			Map<String, String> errors) {
		String place = "第" + k + "家服务机构";
		String field = "providers[" + k + "]";
		String name = (p.name() == null) ? "" : p.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.put(field + ".name", place + "：请填写名称（不超过 100 个字）");
		}
		CreditCodeCheck check = CreditCodes.check(p.creditCode());
		String code = null;
		if (!check.valid()) {
			errors.put(field + ".creditCode", place + "：" + check.reason());
		}
		else {
			code = CreditCodes.normalize(p.creditCode());
			if (!codes.add(code)) {
				errors.put(field + ".creditCode", place + "「" + name + "」的统一社会信用代码已登记，同一机构只能登记一次");
			}
		}
		Cluster.ServiceKind kind = null;
		try {
			kind = Cluster.ServiceKind.valueOf((p.serviceKind() == null) ? "" : p.serviceKind().strip());
		}
		catch (IllegalArgumentException ex) {
			errors.put(field + ".serviceKind", place + "：请选择服务类型");
		}
		return (errors.keySet().stream().anyMatch((f) -> f.startsWith(field))) ? Optional.empty()
				: Optional.of(new Cluster.Provider(null, name, code, kind));
	}

	private Set<Long> mine(CurrentUser user) {
		Set<Long> out = new HashSet<>();
		this.operators.organisationOf(user)
			.ifPresent((o) -> this.institutions.ofOperator(o.id()).forEach((i) -> out.add(i.id())));
		return out;
	}

	private boolean visibleTo(Cluster c, CurrentUser user) {
		if (user.role() == Role.OPERATOR) {
			Set<Long> mine = mine(user);
			return mine.contains(c.institutionId()) || c.members().stream().anyMatch(mine::contains);
		}
		return user.role().isGovernment() && (this.regions.contains(user.regionCode(), c.regionCode())
				|| this.regions.contains(user.regionCode(), c.authorityRegion()));
	}

	private Cluster ownCluster(long id, CurrentUser user) {
		Cluster c = get(id, user);
		if (!owns(c, user)) {
			throw new AccessDeniedException("only the cluster's operator changes its members");
		}
		if (c.status() == ClusterStatus.REFUSED || c.status() == ClusterStatus.REVOKED) {
			throw new cn.zhongchuang.platform.ConflictException("该集聚区已不予认定或已撤销，不能再变更");
		}
		return c;
	}

	private Cluster decidable(long id, CurrentUser user) {
		Cluster c = get(id, user);
		if (!decides(c, user)) {
			throw new AccessDeniedException("only the authority of " + c.authorityRegion() + " decides");
		}
		return c;
	}

	private String authorityFor(String region) {
		String best = null;
		for (String r : this.records.authorities().keySet()) {
			if (this.regions.contains(r, region) && (best == null || this.regions.contains(best, r))) {
				best = r;
			}
		}
		return best;
	}

	private static String reason(String reason, String missing, boolean confirmed, String confirm) {
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

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** Reads the institutions of a city for the choice of members: a read-only scope. */
	private record Reader(String regionCode) implements CurrentUser {

		@Override
		public long id() {
			return 0;
		}

		@Override
		public String username() {
			return "cluster-candidates";
		}

		@Override
		public String displayName() {
			return "集聚区成员选择";
		}

		@Override
		public Role role() {
			return Role.CITY_BUREAU;
		}

	}

}
