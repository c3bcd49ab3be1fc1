package cn.zhongchuang.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.zhongchuang.policy.PackDefinition.Fact;
import cn.zhongchuang.policy.PackDefinition.FactType;

import org.springframework.stereotype.Service;

/**
 * 政策包中由记录计算的事实（{@code source: computed:<name>}）在某个载体、某日的值：收集各模块的 {@link FactComputations}
 * 实现，按政策包的事实清单把计算名称换成事实路径。
 * <p>
 * 启动时检查 {@link FactComputations#ALL} 的每个名称恰好由一个实现给出：没有实现的名称、
 * 两个实现给出同一名称、或实现给出清单以外的名称，都使应用无法启动（而不是让政策包静默地少了事实）。
 */
@Service
public class ComputedFacts {

	private final List<FactComputations> computations;

	ComputedFacts(List<FactComputations> computations) {
		Map<String, Long> byName = computations.stream()
			.flatMap((c) -> c.names().stream())
			.collect(Collectors.groupingBy((name) -> name, Collectors.counting()));
		Set<String> known = FactComputations.ALL.stream()
			.map(FactComputations.Computation::name)
			.collect(Collectors.toSet());
		Set<String> missing = new TreeSet<>(known);
		missing.removeAll(byName.keySet());
		Set<String> twice = new TreeSet<>();
		byName.forEach((name, count) -> {
			if (count > 1) {
				twice.add(name);
			}
		});
		Set<String> unknown = new TreeSet<>(byName.keySet());
		unknown.removeAll(known);
		if (!missing.isEmpty() || !twice.isEmpty() || !unknown.isEmpty()) {
			throw new IllegalStateException("事实计算的实现与清单不符：没有实现 " + missing + "，重复实现 " + twice + "，不在清单中 " + unknown);
		}
		this.computations = List.copyOf(computations);
	}

	/**
	 * The pack's computed facts for an institution on a day.
	 * @param pack the pack whose {@code facts:} say which path takes which computation
	 * @param institutionId the institution
	 * @param asOf the day
	 * @return values and sources by fact path; a fact the records cannot establish (or of
	 * an unknown institution) is absent, and so is a member of a list fact
	 * ({@code funds.kind} comes inside {@code funds})
	 */
	public Result of(PackDefinition pack, long institutionId, LocalDate asOf) {
		Set<String> wanted = pack.facts()
			.stream()
			.filter(Fact::isComputed)
			.map(Fact::computation)
			.collect(Collectors.toSet());
		Map<String, Object> byName = new LinkedHashMap<>();
		Map<String, String> sourceByName = new LinkedHashMap<>();
		for (FactComputations computation : this.computations) {
			if (Collections.disjoint(computation.names(), wanted)) {
				continue;
			}
			FactComputations.Values values = computation.compute(institutionId, asOf);
			values.byName().forEach((name, value) -> {
				if (computation.names().contains(name) && wanted.contains(name)) {
					byName.put(name, value);
					sourceByName.put(name, values.sources().get(name));
				}
			});
		}
		Set<String> lists = pack.facts()
			.stream()
			.filter((f) -> f.type() == FactType.LIST)
			.map(Fact::path)
			.collect(Collectors.toSet());
		Map<String, Object> facts = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		for (Fact fact : pack.facts()) {
			if (!fact.isComputed() || !byName.containsKey(fact.computation()) || insideList(fact.path(), lists)) {
				continue;
			}
			facts.put(fact.path(), byName.get(fact.computation()));
			sources.put(fact.path(), sourceByName.get(fact.computation()));
		}
		return new Result(facts, sources);
	}

	private static boolean insideList(String path, Set<String> lists) {
		return lists.stream().anyMatch((list) -> path.startsWith(list + "."));
	}

	/**
	 * Computed facts by path.
	 *
	 * @param facts values by fact path
	 * @param sources the record each value came from, in Chinese, by fact path
	 */
	public record Result(Map<String, Object> facts, Map<String, String> sources) {

		public Result {
			facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
			sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
		}

	}

}
