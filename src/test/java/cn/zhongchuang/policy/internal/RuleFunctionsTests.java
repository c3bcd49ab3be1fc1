package cn.zhongchuang.policy.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 规则函数按政策原文的算法：向上取整、含本数的比例、行政区划的层级。
 */
class RuleFunctionsTests {

	@ParameterizedTest(name = "⌈{0}/{1}⌉ = {2}")
	@CsvSource({ "0, 15, 0", "1, 15, 1", "15, 15, 1", "16, 15, 2", "30, 15, 2", "31, 15, 3" })
	void ceilDivRoundsUp(long dividend, long divisor, long quotient) {
		assertThat(RuleFunctions.ceilDiv(new Object[] { dividend, divisor })).isEqualTo(quotient);
	}

	@Test
	void ceilDivRejectsANonPositiveDivisor() {
		assertThatThrownBy(() -> RuleFunctions.ceilDiv(new Object[] { 3L, 0L })).isInstanceOf(RuleError.class);
	}

	@ParameterizedTest(name = "{0}/{1} ≥ {2}% : {3}")
	@CsvSource({ "3, 6, 50, true", "2.99, 6, 50, false", "8, 10, 80, true", "7, 10, 80, false", "0.3, 1, 30, true",
			"30, 100, 30, true", "29.99, 100, 30, false", "640.4, 800.5, 80, true", "0, 0, 50, false",
			"1, 0, 50, false" })
	void shareAtLeastIncludesTheThresholdExactly(double part, double whole, long percent, boolean expected) {
		assertThat(RuleFunctions.shareAtLeast(part, whole, percent)).isEqualTo(expected);
	}

	@Test
	void shareAtLeastIsExactWhereBinaryFloatingPointIsNot() {
		// 二进制浮点里 0.57 × 100 = 56.99999999999999，恰好 57% 会被误判为不足
		assertThat(0.57 * 100 >= 57).isFalse();
		assertThat(RuleFunctions.shareAtLeast(0.57, 1.0, 57L)).isTrue();
	}

	@ParameterizedTest(name = "{0} 属于 {1}：{2}")
	@CsvSource({ "110105, 110105, true", "110108, 110105, false", "620102, 620100, true", "620123, 620100, true",
			"620200, 620100, false", "210102, 210000, true", "220102, 210000, false", "110105, 110000, true" })
	void inRegionFollowsTheRegionHierarchy(String code, String region, boolean expected) {
		assertThat(RuleFunctions.inRegion(code, region)).isEqualTo(expected);
	}

	@Test
	void sumAddsIntegersAndDecimals() {
		assertThat(RuleFunctions.sum(List.of(2_000_000L, 1_000_000.5))).isEqualTo(3_000_000.5);
		assertThat(RuleFunctions.sum(List.of())).isEqualTo(0.0);
		assertThatThrownBy(() -> RuleFunctions.sum(List.of("x"))).isInstanceOf(RuleError.class);
	}

	@Test
	void textWritesValuesTheWayAChineseFormWould() {
		assertThat(RuleFunctions.text(500.0)).isEqualTo("500");
		assertThat(RuleFunctions.text(499.99)).isEqualTo("499.99");
		assertThat(RuleFunctions.text(3_000_000.0)).isEqualTo("3000000");
		assertThat(RuleFunctions.text(true)).isEqualTo("是");
		assertThat(RuleFunctions.text(List.of("互联网+", "生物医药"))).isEqualTo("互联网+、生物医药");
		assertThat(RuleFunctions.label("UNIVERSITY")).isEqualTo("高等院校");
		assertThat(RuleFunctions.label("工业机器人")).isEqualTo("工业机器人");
	}

	@Test
	void enterpriseSizeNamesTheMissingFigure() {
		assertThat(RuleFunctions.enterpriseSize(Map.of("industry", "OTHER", "employees", 9L))).isEqualTo("MICRO");
		assertThatThrownBy(() -> RuleFunctions.enterpriseSize(Map.of("industry", "SOFTWARE_IT", "employees", 9L)))
			.isInstanceOfSatisfying(RuleError.class,
					(error) -> assertThat(error.missingFact()).isEqualTo("tenant.revenueWan"));
		assertThatThrownBy(() -> RuleFunctions.enterpriseSize(Map.of("employees", 9L))).isInstanceOfSatisfying(
				RuleError.class, (error) -> assertThat(error.missingFact()).isEqualTo("tenant.industry"));
	}

}
