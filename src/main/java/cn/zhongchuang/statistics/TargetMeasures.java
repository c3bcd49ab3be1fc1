package cn.zhongchuang.statistics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.zhongchuang.recognition.TitleCensus;
import cn.zhongchuang.recognition.TitleCensus.Holder;

/**
 * How the system measures a pack's target ({@code targets[].code}) from the institutions
 * holding an ACTIVE title in the pack's jurisdiction on the day, or why it cannot. The
 * measured targets count institutions holding an ACTIVE title:
 * <ul>
 * <li>{@code SPACES_TOTAL} (众创空间等新型创业服务平台总数): of any kind, at any level;</li>
 * <li>{@code MUNICIPAL_OR_ABOVE}, {@code CITY_LEVEL_OR_ABOVE} (市级以上众创空间): maker spaces
 * with a city, provincial or national title;</li>
 * <li>{@code PROVINCIAL} (省级众创空间): maker spaces with a provincial title;</li>
 * <li>{@code NATIONAL_FILED} (通过国家备案的众创空间): maker spaces with a national title.</li>
 * </ul>
 * For 朝阳 2014 (seed 001 一(二), the 科技企业孵化机构 of 一: 孵化器, 加速器, 大学科技园, 留学人员创业园, 小企业创业基地; maker
 * spaces and nurseries are not among them):
 * <ul>
 * <li>{@code INCUBATION_INSTITUTIONS} (各类孵化机构): institutions of those kinds with an
 * ACTIVE title at any level;</li>
 * <li>{@code INCUBATION_MUNICIPAL_OR_ABOVE} (市级以上科技企业孵化机构): of those kinds with a city,
 * provincial or national title;</li>
 * <li>{@code INCUBATION_NATIONAL} (国家级科技企业孵化机构): of those kinds with a national
 * title;</li>
 * <li>{@link #TENANT_MEASURED} over the tenants of those institutions, asked of the
 * tenant module by {@link StatisticsOverview}: {@code INCUBATION_TENANTS} (在孵企业:
 * enterprises, not teams, in place on the day), {@code INCUBATION_TENANT_REVENUE}
 * (在孵企业总收入, 亿元: the revenue figures of the last full year), {@code INCUBATION_GRADUATES}
 * (累计毕业企业: graduated on or before the day), {@code INCUBATION_TENANTS_WITH_IP_SHARE}
 * (拥有自主知识产权的在孵企业占比, %: of the tenants in place, those whose figures of the last full year
 * show valid IP).</li>
 * </ul>
 * {@code DARK_HORSE_ENTERPRISES} (黑马型骨干企业) counts the distinct tenants of those
 * institutions that a bureau marked 黑马 for a year up to the day's
 * ({@code tenant_figure.mark}); {@link StatisticsOverview} asks the tenant module for it.
 * Every other code is not measured and says why ({@link #whyNot}), never 0.
 */
final class TargetMeasures {

	private static final Set<String> CITY_OR_ABOVE = Set.of("CITY", "PROVINCE", "NATIONAL");

	/** The 科技企业孵化机构 of seed 001 一. */
	static final Set<String> INCUBATION_KINDS = Set.of("INCUBATOR", "ACCELERATOR", "UNIVERSITY_SCIENCE_PARK",
			"RETURNEE_PARK", "SMALL_BUSINESS_BASE");

	/** Measured over the tenants of the titled incubation institutions. */
	static final Set<String> TENANT_MEASURED = Set.of("INCUBATION_TENANTS", "INCUBATION_TENANT_REVENUE",
			"INCUBATION_GRADUATES", "INCUBATION_TENANTS_WITH_IP_SHARE");

	private static final Map<String, Predicate<Holder>> COUNTED = Map.of("SPACES_TOTAL", (h) -> true,
			"MUNICIPAL_OR_ABOVE", (h) -> makerSpace(h) && holdsAny(h, CITY_OR_ABOVE), "CITY_LEVEL_OR_ABOVE",
			(h) -> makerSpace(h) && holdsAny(h, CITY_OR_ABOVE), "PROVINCIAL",
			(h) -> makerSpace(h) && h.levels().contains("PROVINCE"), "NATIONAL_FILED",
			(h) -> makerSpace(h) && h.levels().contains("NATIONAL"), "INCUBATION_INSTITUTIONS",
			TargetMeasures::incubation, "INCUBATION_MUNICIPAL_OR_ABOVE",
			(h) -> incubation(h) && holdsAny(h, CITY_OR_ABOVE), "INCUBATION_NATIONAL",
			(h) -> incubation(h) && h.levels().contains("NATIONAL"));

	/** Measured from the bureau's 黑马 marks of tenants. */
	static final String DARK_HORSES = "DARK_HORSE_ENTERPRISES";

	private static final Map<String, String> WHY_NOT = Map.of("SUBSIDIES", "财政奖补资金按奖补台账核算，总览不汇总金额",
			"INCUBATION_TENANTS_WITH_IP_SHARE", "当日没有在孵企业，占比无从计算");

	private TargetMeasures() {
	}

	static boolean measurable(String code) {
		return COUNTED.containsKey(code);
	}

	/** The count of institutions with an ACTIVE title the target counts. */
	static long measure(String code, List<Holder> holdersInJurisdiction) {
		return holdersInJurisdiction.stream().filter(COUNTED.get(code)).count();
	}

	/** The ids of the institutions holding an ACTIVE title. */
	static Set<Long> holders(List<Holder> holders) {
		Set<Long> ids = new java.util.HashSet<>();
		holders.forEach((h) -> ids.add(h.institutionId()));
		return ids;
	}

	/** The ids of the institutions holding an ACTIVE title among the titles on a day. */
	static Set<Long> activeHolders(List<TitleCensus.TitleOnDay> titles) {
		Set<Long> ids = new java.util.HashSet<>();
		titles.stream().filter(TitleCensus.TitleOnDay::active).forEach((t) -> ids.add(t.institutionId()));
		return ids;
	}

	/** Why a target is not measured. */
	static String whyNot(String code) {
		return WHY_NOT.getOrDefault(code, "系统尚无该指标的统计口径");
	}

	/** The ids of the incubation institutions among the holders. */
	static Set<Long> incubationHolders(List<Holder> holders) {
		return holders(holders.stream().filter(TargetMeasures::incubation).toList());
	}

	static boolean incubation(Holder h) {
		return INCUBATION_KINDS.contains(h.kind());
	}

	private static boolean makerSpace(Holder h) {
		return "MAKER_SPACE".equals(h.kind());
	}

	private static boolean holdsAny(Holder h, Set<String> levels) {
		return h.levels().stream().anyMatch(levels::contains);
	}

}
