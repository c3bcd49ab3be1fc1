package cn.zhongchuang.policy;

import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A verdict detail that prints a region fact or the pack's jurisdiction writes the
 * region's name, never its code: the detail is read on pages (and in the open API, where
 * details are free Chinese text).
 */
@IntegrationTest
class RegionNamesInDetailsTests {

	@Autowired
	PolicyCatalog catalog;

	@Test
	void theCatalogsPacksNameTheRegisteredRegionAndTheJurisdiction() {
		String detail = Packs.result(Packs.CHAOYANG,
				this.catalog.latest("beijing-chaoyang-2017").evaluateSpace(Packs.baseSpaceFacts(Packs.CHAOYANG)), "5.1")
			.detail();
		assertThat(detail).contains("注册地 北京市朝阳区").contains("（北京市朝阳区）").doesNotContain("110105");
		// numbers that are not regions stay numbers
		assertThat(detail).containsPattern("已运营 \\d+ 个月");
	}

	@Test
	void aRegionInLanzhouIsNamedFromTheProvinceDown() {
		String detail = Packs
			.result(Packs.LANZHOU,
					this.catalog.latest("lanzhou-2018").evaluateSpace(Packs.baseSpaceFacts(Packs.LANZHOU)), "C1")
			.detail();
		assertThat(detail).contains("甘肃省兰州市").doesNotContainPattern("\\b62\\d{4}\\b");
	}

	@Test
	void aTenantsRegionIsNamedToo() {
		String detail = Packs
			.tenantResult(Packs.CHAOYANG,
					this.catalog.latest("beijing-chaoyang-2017").evaluateTenant(Packs.baseTenantFacts(Packs.CHAOYANG)),
					"6.1")
			.detail();
		assertThat(detail).contains("北京市朝阳区").doesNotContain("110105");
	}

	@Test
	void withoutNamesAPackWritesTheCodeAndAnUnknownCodeStaysAsItIs() {
		String plain = Packs
			.result(Packs.CHAOYANG, Packs.CHAOYANG.evaluateSpace(Packs.baseSpaceFacts(Packs.CHAOYANG)), "5.1")
			.detail();
		assertThat(plain).contains("110105");
		PolicyPack named = Packs.CHAOYANG.withRegionNames((code) -> Map.of("110105", "朝阳").getOrDefault(code, code));
		assertThat(Packs.result(named, named.evaluateSpace(Packs.baseSpaceFacts(Packs.CHAOYANG)), "5.1").detail())
			.contains("注册地 朝阳")
			.contains("（朝阳）");
	}

}
