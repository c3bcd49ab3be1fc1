package cn.zhongchuang.statistics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.zhongchuang.recognition.TitleCensus.TitleOnDay;

/**
 * How the system measures a pack's target ({@code targets[].code}) from the titles in the
 * pack's jurisdiction on the day, or why it cannot. The measured targets count
 * institutions holding an ACTIVE title:
 * <ul>
 * <li>{@code SPACES_TOTAL} (众创空间等新型创业服务平台总数): of any kind, at any level;</li>
 * <li>{@code MUNICIPAL_OR_ABOVE}, {@code CITY_LEVEL_OR_ABOVE} (市级以上众创空间): maker spaces
 * with a city, provincial or national title;</li>
 * <li>{@code PROVINCIAL} (省级众创空间): maker spaces with a provincial title;</li>
 * <li>{@code NATIONAL_FILED} (通过国家备案的众创空间): maker spaces with a national title.</li>
 * </ul>
 * {@code DARK_HORSE_ENTERPRISES} (黑马型骨干企业) counts the distinct tenants of those
 * institutions that a bureau marked 黑马 for a year up to the day's
 * ({@code tenant_figure.mark}); {@link StatisticsOverview} asks the tenant module for it.
 * Every other code is not measured and says why ({@link #whyNot}), never 0.
 */
final class TargetMeasures {

	private static final Set<String> CITY_OR_ABOVE = Set.of("CITY", "PROVINCE", "NATIONAL");

	private static final Map<String, Predicate<TitleOnDay>> COUNTED = Map.of("SPACES_TOTAL", (t) -> true,
			"MUNICIPAL_OR_ABOVE", (t) -> makerSpace(t) && CITY_OR_ABOVE.contains(t.level()), "CITY_LEVEL_OR_ABOVE",
			(t) -> makerSpace(t) && CITY_OR_ABOVE.contains(t.level()), "PROVINCIAL",
			(t) -> makerSpace(t) && "PROVINCE".equals(t.level()), "NATIONAL_FILED",
			(t) -> makerSpace(t) && "NATIONAL".equals(t.level()));

	/** Measured from the bureau's 黑马 marks of tenants. */
	static final String DARK_HORSES = "DARK_HORSE_ENTERPRISES";

	private static final Map<String, String> WHY_NOT = Map.of("SUBSIDIES", "财政奖补资金按奖补台账核算，总览不汇总金额");

	private TargetMeasures() {
	}

	static boolean measurable(String code) {
		return COUNTED.containsKey(code);
	}

	/** The count of institutions with an ACTIVE title the target counts. */
	static long measure(String code, List<TitleOnDay> titlesInJurisdiction) {
		Predicate<TitleOnDay> counted = COUNTED.get(code);
		return titlesInJurisdiction.stream()
			.filter(TitleOnDay::active)
			.filter(counted)
			.mapToLong(TitleOnDay::institutionId)
			.distinct()
			.count();
	}

	/** The institutions holding an ACTIVE title among the titles. */
	static java.util.Set<Long> holders(List<TitleOnDay> titles) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		titles.stream().filter(TitleOnDay::active).forEach((t) -> ids.add(t.institutionId()));
		return ids;
	}

	/** Why a target is not measured. */
	static String whyNot(String code) {
		return WHY_NOT.getOrDefault(code, "系统尚无该指标的统计口径");
	}

	private static boolean makerSpace(TitleOnDay t) {
		return "MAKER_SPACE".equals(t.kind());
	}

}
