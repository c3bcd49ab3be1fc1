package cn.zhongchuang.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.zhongchuang.institution.InstitutionKind;
import cn.zhongchuang.institution.SectorType;
import cn.zhongchuang.institution.ServiceModel;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.recognition.TitleCensus;
import cn.zhongchuang.recognition.TitleCensus.Holder;
import cn.zhongchuang.recognition.TitleCensus.TitleCount;
import cn.zhongchuang.recognition.TitleCensus.TitleOnDay;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.tenant.TenantCensus;
import cn.zhongchuang.tenant.TenantYearCensus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview of institutions.md "Statistics": one query for the titles as they stood on
 * the day (with their institutions' particulars), one for the tenants of the counted
 * institutions, the rest counted here. The targets are measured over each pack's own
 * jurisdiction, which may lie above the region asked for.
 */
@Service
public class StatisticsOverview {

	static final String NATION = "000000";

	private final TitleCensus titles;

	private final TenantCensus tenants;

	private final TenantYearCensus tenantYears;

	private final PolicyCatalog packs;

	private final Regions regions;

	private final Clock clock;

	private final JdbcClient jdbc;

	/**
	 * Overviews computed on this node, each under the change counter read in the same
	 * snapshot as its figures (table statistics_change, bumped by every transaction that
	 * writes a title, an institution or a tenant, on any node): a key with an older
	 * counter is never asked for again.
	 */
	private final Map<Kept, Overview> kept = new ConcurrentHashMap<>();

	StatisticsOverview(TitleCensus titles, TenantCensus tenants, TenantYearCensus tenantYears, PolicyCatalog packs,
			Regions regions, Clock clock, JdbcClient jdbc) {
		this.titles = titles;
		this.tenants = tenants;
		this.tenantYears = tenantYears;
		this.packs = packs;
		this.regions = regions;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * The overview from the request's parameters.
	 * @param region a region code, blank for the whole country
	 * @param asOf an ISO date, blank for today in Asia/Shanghai
	 * @throws FieldErrorException {@code region} not six digits, {@code asOf} not a date
	 * @throws NotFoundException the region is unknown
	 */
	public Overview overview(String region, String asOf) {
		return overview(region(region), asOf(asOf));
	}

	/** The region code checked: six digits and known. */
	public String region(String region) {
		String code = (region == null || region.isBlank()) ? NATION : region.strip();
		switch (this.regions.check(code)) {
			case MALFORMED -> throw new FieldErrorException("region", "region 须为 6 位行政区划代码");
			case UNKNOWN -> throw new NotFoundException("region " + code, "没有行政区划代码 " + code);
			case VALID -> {
			}
		}
		return code;
	}

	/** The day: an ISO date, blank for today. */
	public LocalDate asOf(String asOf) {
		if (asOf == null || asOf.isBlank()) {
			return ChinaTime.today(this.clock);
		}
		try {
			return LocalDate.parse(asOf.strip());
		}
		catch (DateTimeParseException ex) {
			throw new FieldErrorException("asOf", "asOf 须为日期，格式 YYYY-MM-DD");
		}
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Overview overview(String region, LocalDate asOf) {
		return figures(region, asOf, null);
	}

	/**
	 * The overview with the titles it counted (for the dashboards' titles per year), of
	 * institutions of one kind only when {@code kind} is given (the targets always count
	 * every kind).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Computed compute(String region, LocalDate asOf, String kind) {
		List<TitleOnDay> titles = this.titles.titlesOn(scope(region), asOf);
		return new Computed(figures(region, asOf, kind),
				(kind == null) ? titles : titles.stream().filter((x) -> kind.equals(x.kind())).toList());
	}

	/**
	 * The figures counted in the database: the titles by level and status, the
	 * institutions holding an ACTIVE title (one row each, no titles read), their tenants
	 * per institution; targets over each pack's jurisdiction, read apart only when it
	 * lies above the region.
	 */
	private Overview figures(String region, LocalDate asOf, String kind) {
		List<PolicyPack> all = this.packs.all();
		// the counter in this transaction's snapshot (repeatable read): the figures below
		// are those of exactly this counter value
		long change = this.jdbc.sql("SELECT n FROM statistics_change WHERE id = 1").query(Long.class).single();
		Kept key = new Kept(region, asOf, kind, change, all.stream().map((p) -> p.id() + "@" + p.version()).toList());
		Overview known = this.kept.get(key);
		if (known != null) {
			return known;
		}
		Overview computed = figures(region, asOf, kind, all);
		if (this.kept.size() >= KEPT_MAX) {
			this.kept.clear();
		}
		this.kept.put(key, computed);
		return computed;
	}

	/** At most this many overviews kept per node (a few hundred KiB). */
	static final int KEPT_MAX = 256;

	/**
	 * What an overview's figures depend on: region, day, kind, the change counter and the
	 * versions of the packs in force (their targets).
	 */
	private record Kept(String region, LocalDate asOf, String kind, long change, List<String> packs) {
	}

	private Overview figures(String region, LocalDate asOf, String kind, List<PolicyPack> all) {
		List<PolicyPack> applicable = all.stream()
			.filter((p) -> this.regions.contains(p.jurisdiction(), region)
					|| this.regions.contains(region, p.jurisdiction()))
			.toList();
		List<String> scope = scope(region);
		List<TitleCount> titleCounts = this.titles.countsOn(scope, asOf, kind);
		List<Holder> holders = this.titles.holdersOn(scope, asOf);
		List<Holder> selected = (kind == null) ? holders
				: holders.stream().filter((h) -> kind.equals(h.kind())).toList();
		Map<Long, TenantCensus.Counts> perInstitution = this.tenants.countsOn(scope, asOf);
		long active = 0;
		long teams = 0;
		long graduated = 0;
		for (Holder h : selected) {
			TenantCensus.Counts c = perInstitution.get(h.institutionId());
			if (c != null) {
				active += c.active();
				teams += c.teams();
				graduated += c.graduated();
			}
		}
		List<Overview.TargetProgress> targets = new ArrayList<>();
		Map<String, List<Holder>> byJurisdiction = new HashMap<>();
		for (PolicyPack p : applicable) {
			List<PackDefinition.Target> defined = p.definition().targets();
			if (defined == null || defined.isEmpty()) {
				continue;
			}
			List<Holder> inJurisdiction = byJurisdiction.computeIfAbsent(p.jurisdiction(), (j) -> {
				if (j.equals(region)) {
					return holders;
				}
				return this.regions.contains(region, j) ? within(holders, j) : this.titles.holdersOn(scope(j), asOf);
			});
			for (PackDefinition.Target target : defined) {
				Number actual = null;
				if (TargetMeasures.measurable(target.code())) {
					actual = TargetMeasures.measure(target.code(), inJurisdiction);
				}
				else if (TargetMeasures.DARK_HORSES.equals(target.code())) {
					actual = this.tenantYears.darkHorses(TargetMeasures.holders(inJurisdiction), asOf.getYear());
				}
				else if (TargetMeasures.TENANT_MEASURED.contains(target.code())) {
					actual = incubationTenants(target.code(), TargetMeasures.incubationHolders(inJurisdiction), asOf);
				}
				targets.add(new Overview.TargetProgress(p.id(), target.code(), target.name(), target.unit(),
						target.year(), target.comparator(), number(target.value()), actual,
						(actual != null) ? null : TargetMeasures.whyNot(target.code())));
			}
		}
		return new Overview(region, asOf, count(titleCounts, selected), new Overview.Tenants(active, teams, graduated),
				byRegion(region, selected), targets);
	}

	/**
	 * A target of 朝阳 2014 over the tenants of the titled incubation institutions: in
	 * place on the day (enterprises, not teams), graduated by then, the revenue of the
	 * last full year in 亿元, or the share in % of those in place owning valid IP by last
	 * year's figures (null when none is in place: the share of nothing is not 0).
	 */
	private Number incubationTenants(String code, Set<Long> ids, LocalDate asOf) {
		int lastYear = asOf.getYear() - 1;
		return switch (code) {
			case "INCUBATION_TENANTS" -> {
				TenantCensus.Counts c = this.tenants.totalsOn(ids, asOf);
				yield c.active() - c.teams();
			}
			case "INCUBATION_GRADUATES" -> this.tenants.totalsOn(ids, asOf).graduated();
			case "INCUBATION_TENANT_REVENUE" -> this.tenantYears.ipAndRevenue(ids, asOf, lastYear)
				.revenueWan()
				.divide(java.math.BigDecimal.valueOf(10_000), 2, java.math.RoundingMode.HALF_UP)
				.doubleValue();
			case "INCUBATION_TENANTS_WITH_IP_SHARE" -> {
				TenantYearCensus.IpAndRevenue f = this.tenantYears.ipAndRevenue(ids, asOf, lastYear);
				yield (f.inPlace() == 0) ? null
						: java.math.BigDecimal.valueOf(f.withIp() * 100)
							.divide(java.math.BigDecimal.valueOf(f.inPlace()), 1, java.math.RoundingMode.HALF_UP)
							.doubleValue();
			}
			default -> null;
		};
	}

	/** The region codes within a region, null for the whole country (no filter). */
	private List<String> scope(String region) {
		return NATION.equals(region) ? null : this.regions.codesWithin(region);
	}

	/**
	 * The figures of some institutions (an operator's), without sub-regions or targets.
	 */
	@Transactional(readOnly = true)
	Computed ofInstitutions(String region, java.util.Collection<Long> institutionIds, LocalDate asOf) {
		List<TitleOnDay> titles = this.titles.titlesOfInstitutions(institutionIds, asOf);
		TenantCensus.Counts t = this.tenants.totalsOn(institutionIds, asOf);
		return new Computed(new Overview(region, asOf, count(titles),
				new Overview.Tenants(t.active(), t.teams(), t.graduated()), List.of(), List.of()), titles);
	}

	/** An overview and the titles it counted. */
	record Computed(Overview overview, List<TitleOnDay> titles) {
	}

	private List<Holder> within(List<Holder> holders, String scope) {
		Map<String, Boolean> inside = new HashMap<>();
		return holders.stream()
			.filter((h) -> inside.computeIfAbsent(h.regionCode(), (c) -> this.regions.contains(scope, c)))
			.toList();
	}

	/**
	 * The institutions' figures from the titles counted by level and status and the
	 * institutions holding an ACTIVE title.
	 */
	private static Overview.Institutions count(List<TitleCount> titles, List<Holder> holders) {
		Map<String, Long> byLevel = keys(PackDefinition.Level.values());
		Map<String, Long> byStatus = keys("ACTIVE", "LAPSED", "REVOKED");
		for (TitleCount t : titles) {
			byStatus.merge(t.status(), t.titles(), Long::sum);
			if ("ACTIVE".equals(t.status())) {
				byLevel.merge(t.level(), t.titles(), Long::sum);
			}
		}
		Map<String, Long> byKind = keys(InstitutionKind.values());
		Map<String, Long> bySector = keys(SectorType.values());
		Map<String, Long> byModel = keys(ServiceModel.values());
		for (Holder h : holders) {
			byKind.merge(h.kind(), 1L, Long::sum);
			if (h.sectorType() != null) {
				bySector.merge(h.sectorType(), 1L, Long::sum);
			}
			h.serviceModels().forEach((m) -> byModel.merge(m, 1L, Long::sum));
		}
		return new Overview.Institutions(holders.size(), nonZero(byKind), nonZero(byLevel), nonZero(byStatus),
				nonZero(bySector), nonZero(byModel));
	}

	/** The same figures from titles read one by one (an operator's few institutions). */
	private static Overview.Institutions count(List<TitleOnDay> titles) {
		Map<String, Long> byLevel = keys(PackDefinition.Level.values());
		Map<String, Long> byStatus = keys("ACTIVE", "LAPSED", "REVOKED");
		Map<String, Long> byKind = keys(InstitutionKind.values());
		Map<String, Long> bySector = keys(SectorType.values());
		Map<String, Long> byModel = keys(ServiceModel.values());
		Set<Long> seen = new HashSet<>();
		for (TitleOnDay t : titles) {
			byStatus.merge(t.status(), 1L, Long::sum);
			if (!t.active()) {
				continue;
			}
			byLevel.merge(t.level(), 1L, Long::sum);
			if (seen.add(t.institutionId())) {
				byKind.merge(t.kind(), 1L, Long::sum);
				if (t.sectorType() != null) {
					bySector.merge(t.sectorType(), 1L, Long::sum);
				}
				t.serviceModels().forEach((m) -> byModel.merge(m, 1L, Long::sum));
			}
		}
		return new Overview.Institutions(seen.size(), nonZero(byKind), nonZero(byLevel), nonZero(byStatus),
				nonZero(bySector), nonZero(byModel));
	}

	private List<Overview.SubRegion> byRegion(String region, List<Holder> holders) {
		List<Region> children = this.regions.children(region);
		if (children.isEmpty()) {
			return List.of();
		}
		int depth = this.regions.path(region).size();
		Map<String, String> childOf = new HashMap<>();
		Map<String, Long> counts = new HashMap<>();
		for (Holder h : holders) {
			String code = h.regionCode();
			String child = childOf.computeIfAbsent(code, (c) -> {
				List<Region> path = this.regions.path(c);
				return (path.size() > depth) ? path.get(depth).code() : "";
			});
			counts.merge(child, 1L, Long::sum);
		}
		return children.stream()
			.map((c) -> new Overview.SubRegion(c.code(), c.name(), counts.getOrDefault(c.code(), 0L)))
			.toList();
	}

	private static Map<String, Long> keys(Enum<?>... values) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (Enum<?> v : values) {
			map.put(v.name(), 0L);
		}
		return map;
	}

	private static Map<String, Long> keys(String... values) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (String v : values) {
			map.put(v, 0L);
		}
		return map;
	}

	private static Map<String, Long> nonZero(Map<String, Long> counts) {
		Map<String, Long> out = new LinkedHashMap<>();
		counts.forEach((k, v) -> {
			if (v > 0) {
				out.put(k, v);
			}
		});
		return out;
	}

	private static Number number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? (Number) (long) value : (Number) value;
	}

}
