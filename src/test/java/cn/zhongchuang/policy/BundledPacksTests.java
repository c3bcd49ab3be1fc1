package cn.zhongchuang.policy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class BundledPacksTests {

	private static final PolicyPacks PACKS = PolicyPacks.bundled();

	static Stream<String> bundled() {
		return PolicyPacks.BUNDLED.stream();
	}

	@ParameterizedTest
	@MethodSource("bundled")
	void everyExampleOfEveryBundledPackPasses(String id) {
		List<ExampleFailure> failures = PACKS.get(id).runExamples();
		assertThat(failures).isEmpty();
	}

	@Test
	void theBundledPacksAreListedWithTheirJurisdictions() {
		assertThat(PACKS.all()).extracting(PolicyPack::id, PolicyPack::jurisdiction)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("beijing-chaoyang-2017", "110105"),
					org.assertj.core.groups.Tuple.tuple("lanzhou-2018", "620100"),
					org.assertj.core.groups.Tuple.tuple("liaoning-specialized-2019", "210000"),
					org.assertj.core.groups.Tuple.tuple("jiangsu-2015", "320000"),
					org.assertj.core.groups.Tuple.tuple("beijing-chaoyang-incubator-2014", "110105"));
	}

}
