package cn.zhongchuang.policy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 计算事实由各模块的实现给出，按政策包的事实清单换成事实路径；每个名称恰好由一个实现给出，否则不能启动。
 */
class ComputedFactsTests {

	static final LocalDate DAY = LocalDate.of(2026, 12, 1);

	static final Set<String> ALL = FactComputations.ALL.stream()
		.map(FactComputations.Computation::name)
		.collect(Collectors.toSet());

	/**
	 * A computation giving fixed values for its names, counting the times it is asked.
	 */
	static final class Fixed implements FactComputations {

		final Set<String> names;

		final Map<String, Object> values;

		int calls;

		Fixed(Set<String> names, Map<String, Object> values) {
			this.names = names;
			this.values = values;
		}

		@Override
		public Set<String> names() {
			return this.names;
		}

		@Override
		public Values compute(long institutionId, LocalDate asOf) {
			this.calls++;
			Map<String, String> sources = new LinkedHashMap<>();
			this.values.keySet().forEach((name) -> sources.put(name, "记录：" + name));
			return new Values(this.values, sources);
		}

	}

	static Set<String> allBut(String... names) {
		Set<String> set = new HashSet<>(ALL);
		set.removeAll(Set.of(names));
		return set;
	}

	@Test
	void aNameNoComputationGivesStopsTheStartNamingIt() {
		assertThatThrownBy(() -> new ComputedFacts(List.of(new Fixed(allBut("graduatesTotal"), Map.of()))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("没有实现 [graduatesTotal]");
	}

	@Test
	void aNameTwoComputationsGiveStopsTheStartNamingIt() {
		assertThatThrownBy(() -> new ComputedFacts(
				List.of(new Fixed(ALL, Map.of()), new Fixed(Set.of("tenantCount"), Map.of("tenantCount", 3)))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("重复实现 [tenantCount]");
	}

	@Test
	void aNameOutsideTheListStopsTheStart() {
		Set<String> names = new HashSet<>(ALL);
		names.add("tenantHappiness");
		assertThatThrownBy(() -> new ComputedFacts(List.of(new Fixed(names, Map.of()))))
			.hasMessageContaining("不在清单中 [tenantHappiness]");
	}

	@Test
	void valuesComeBackUnderThePacksPathsWithTheirSources() {
		List<Map<String, Object>> funds = List.of(Map.of("role", "SELF_BUILT", "kind", "SEED", "amountCny", 5000000));
		Fixed records = new Fixed(allBut("graduatesTotal"),
				Map.of("tenantCount", 14, "funds", funds, "industryMentorCount", 2, "graduatesTotal", 99));
		Fixed incubator = new Fixed(Set.of("graduatesTotal"), Map.of("graduatesTotal", 7));
		ComputedFacts computed = new ComputedFacts(List.of(records, incubator));

		ComputedFacts.Result result = computed.of(Packs.LIAONING.definition(), 1L, DAY);

		assertThat(result.facts()).containsEntry("tenants.count", 14)
			.containsEntry("mentors.industryMentors", 2)
			.containsEntry("funds", funds);
		assertThat(result.facts()).as("a list's members come inside the list")
			.doesNotContainKeys("funds.kind", "funds.role", "funds.amountCny");
		assertThat(result.sources()).containsEntry("tenants.count", "记录：tenantCount");
		assertThat(result.facts()).as("names the pack does not read are not facts of it")
			.doesNotContainValue(99)
			.doesNotContainValue(7);
		assertThat(incubator.calls).as("a computation the pack does not use is not asked").isZero();
	}

	@Test
	void aValueIsTakenOnlyFromTheComputationThatOwnsTheName() {
		Fixed records = new Fixed(allBut("graduatesTotal"), Map.of("tenantCount", 14, "graduatesTotal", 99));
		Fixed incubator = new Fixed(Set.of("graduatesTotal"), Map.of("graduatesTotal", 7, "tenantCount", 1));
		ComputedFacts computed = new ComputedFacts(List.of(records, incubator));

		ComputedFacts.Result result = computed.of(Packs.BUNDLED.get("beijing-chaoyang-incubator-2014").definition(), 1L,
				DAY);

		assertThat(result.facts()).containsEntry("incubator.graduatesTotal", 7).containsEntry("tenants.count", 14);
	}

	@Test
	void aFactTheRecordsCannotEstablishIsAbsent() {
		ComputedFacts computed = new ComputedFacts(List.of(new Fixed(ALL, Map.of("tenantCount", 3))));

		ComputedFacts.Result result = computed.of(Packs.CHAOYANG.definition(), 1L, DAY);

		assertThat(result.facts()).doesNotContainKey("space.totalAreaM2");
	}

}
