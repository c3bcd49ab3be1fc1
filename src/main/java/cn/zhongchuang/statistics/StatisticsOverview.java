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
import cn.zhongchuang.recognition.TitleCensus.TitleOnDay;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.tenant.TenantCensus;

import org.springframework.stereotype.Service;
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

	private final PolicyCatalog packs;

	private final Regions regions;

	private final Clock clock;

	StatisticsOverview(TitleCensus titles, TenantCensus tenants, PolicyCatalog packs, Regions regions, Clock clock) {
		this.titles = titles;
		this.tenants = tenants;
		this.packs = packs;
		this.regions = regions;
		this.clock = clock;
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

	@Transactional(readOnly = true)
	public Overview overview(String region, LocalDate asOf) {
		return compute(region, asOf, null).overview();
	}

	/**
	 * The overview with the titles it counted, of institutions of one kind only when
	 * {@code kind} is given (the targets always count every kind).
	 */
	@Transactional(readOnly = true)
	Computed compute(String region, LocalDate asOf, String kind) {
		List<PolicyPack> applicable = this.packs.all()
			.stream()
			.filter((p) -> this.regions.contains(p.jurisdiction(), region)
					|| this.regions.contains(region, p.jurisdiction()))
			.toList();
		// read once over the widest region needed: the region, or a pack's jurisdiction
		// above it
		String widest = region;
		for (PolicyPack p : applicable) {
			if (this.regions.contains(p.jurisdiction(), widest)) {
				widest = p.jurisdiction();
			}
		}
		List<TitleOnDay> read = this.titles.titlesOn(NATION.equals(widest) ? null : this.regions.codesWithin(widest),
				asOf);
		List<TitleOnDay> inRegion = widest.equals(region) ? read : within(read, region);
		List<TitleOnDay> selected = (kind == null) ? inRegion
				: inRegion.stream().filter((x) -> kind.equals(x.kind())).toList();
		Counted counted = count(selected);
		TenantCensus.Counts t = this.tenants.totalsOn(counted.institutionIds(), asOf);
		List<Overview.TargetProgress> targets = new ArrayList<>();
		for (PolicyPack p : applicable) {
			List<PackDefinition.Target> defined = p.definition().targets();
			if (defined == null || defined.isEmpty()) {
				continue;
			}
			List<TitleOnDay> inJurisdiction = p.jurisdiction().equals(region) ? inRegion
					: within(read, p.jurisdiction());
			for (PackDefinition.Target target : defined) {
				boolean measurable = TargetMeasures.measurable(target.code());
				targets.add(new Overview.TargetProgress(p.id(), target.code(), target.name(), target.unit(),
						target.year(), target.comparator(), number(target.value()),
						measurable ? TargetMeasures.measure(target.code(), inJurisdiction) : null,
						measurable ? null : TargetMeasures.whyNot(target.code())));
			}
		}
		return new Computed(new Overview(region, asOf, counted.institutions(),
				new Overview.Tenants(t.active(), t.teams(), t.graduated()), byRegion(region, counted.regionOf()),
				targets), selected);
	}

	/**
	 * The figures of some institutions (an operator's), without sub-regions or targets.
	 */
	@Transactional(readOnly = true)
	Computed ofInstitutions(String region, java.util.Collection<Long> institutionIds, LocalDate asOf) {
		List<TitleOnDay> titles = this.titles.titlesOfInstitutions(institutionIds, asOf);
		Counted counted = count(titles);
		TenantCensus.Counts t = this.tenants.totalsOn(institutionIds, asOf);
		return new Computed(new Overview(region, asOf, counted.institutions(),
				new Overview.Tenants(t.active(), t.teams(), t.graduated()), List.of(), List.of()), titles);
	}

	/** An overview and the titles it counted. */
	record Computed(Overview overview, List<TitleOnDay> titles) {
	}

	private List<TitleOnDay> within(List<TitleOnDay> titles, String scope) {
		Map<String, Boolean> inside = new HashMap<>();
		return titles.stream()
			.filter((t) -> inside.computeIfAbsent(t.regionCode(), (c) -> this.regions.contains(scope, c)))
			.toList();
	}

	private static Counted count(List<TitleOnDay> titles) {
		Map<String, Long> byLevel = keys(PackDefinition.Level.values());
		Map<String, Long> byStatus = keys("ACTIVE", "LAPSED", "REVOKED");
		Map<String, Long> byKind = keys(InstitutionKind.values());
		Map<String, Long> bySector = keys(SectorType.values());
		Map<String, Long> byModel = keys(ServiceModel.values());
		Set<Long> seen = new HashSet<>();
		Map<Long, String> regionOf = new LinkedHashMap<>();
		for (TitleOnDay t : titles) {
			byStatus.merge(t.status(), 1L, Long::sum);
			if (!t.active()) {
				continue;
			}
			byLevel.merge(t.level(), 1L, Long::sum);
			if (seen.add(t.institutionId())) {
				regionOf.put(t.institutionId(), t.regionCode());
				byKind.merge(t.kind(), 1L, Long::sum);
				if (t.sectorType() != null) {
					bySector.merge(t.sectorType(), 1L, Long::sum);
				}
				t.serviceModels().forEach((m) -> byModel.merge(m, 1L, Long::sum));
			}
		}
		return new Counted(new Overview.Institutions(seen.size(), nonZero(byKind), nonZero(byLevel), nonZero(byStatus),
				nonZero(bySector), nonZero(byModel)), regionOf);
	}

	private List<Overview.SubRegion> byRegion(String region, Map<Long, String> regionOf) {
		List<Region> children = this.regions.children(region);
		if (children.isEmpty()) {
			return List.of();
		}
		int depth = this.regions.path(region).size();
		Map<String, String> childOf = new HashMap<>();
		Map<String, Long> counts = new HashMap<>();
		for (String code : regionOf.values()) {
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

	private record Counted(Overview.Institutions institutions, Map<Long, String> regionOf) {

		Set<Long> institutionIds() {
			return regionOf.keySet();
		}

	}

}
