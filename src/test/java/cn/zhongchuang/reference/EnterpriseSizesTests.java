package cn.zhongchuang.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class EnterpriseSizesTests {

	/**
	 * 独立于实现、照《中小企业划型标准规定》第四条逐条重新录入的阈值：指标字段 → {中小微上限, 中型下限, 小型下限}。
	 */
	private static final Map<Industry, Map<String, long[]>> STANDARD = new EnumMap<>(Industry.class);

	static {
		row(Industry.AGRICULTURE, "revenueWan", 20000, 500, 50);
		row(Industry.INDUSTRY, "employees", 1000, 300, 20, "revenueWan", 40000, 2000, 300);
		row(Industry.CONSTRUCTION, "revenueWan", 80000, 6000, 300, "totalAssetsWan", 80000, 5000, 300);
		row(Industry.WHOLESALE, "employees", 200, 20, 5, "revenueWan", 40000, 5000, 1000);
		row(Industry.RETAIL, "employees", 300, 50, 10, "revenueWan", 20000, 500, 100);
		row(Industry.TRANSPORT, "employees", 1000, 300, 20, "revenueWan", 30000, 3000, 200);
		row(Industry.WAREHOUSING, "employees", 200, 100, 20, "revenueWan", 30000, 1000, 100);
		row(Industry.POSTAL, "employees", 1000, 300, 20, "revenueWan", 30000, 2000, 100);
		row(Industry.ACCOMMODATION, "employees", 300, 100, 10, "revenueWan", 10000, 2000, 100);
		row(Industry.CATERING, "employees", 300, 100, 10, "revenueWan", 10000, 2000, 100);
		row(Industry.INFORMATION_TRANSMISSION, "employees", 2000, 100, 10, "revenueWan", 100000, 1000, 100);
		row(Industry.SOFTWARE_IT, "employees", 300, 100, 10, "revenueWan", 10000, 1000, 50);
		row(Industry.REAL_ESTATE_DEVELOPMENT, "revenueWan", 200000, 1000, 100, "totalAssetsWan", 10000, 5000, 2000);
		row(Industry.PROPERTY_MANAGEMENT, "employees", 1000, 300, 100, "revenueWan", 5000, 1000, 500);
		row(Industry.LEASING_BUSINESS_SERVICES, "employees", 300, 100, 10, "totalAssetsWan", 120000, 8000, 100);
		row(Industry.OTHER, "employees", 300, 100, 10);
	}

	private static void row(Industry industry, Object... spec) {
		Map<String, long[]> measures = new LinkedHashMap<>();
		for (int i = 0; i < spec.length; i += 4) {
			measures.put((String) spec[i], new long[] { ((Number) spec[i + 1]).longValue(),
					((Number) spec[i + 2]).longValue(), ((Number) spec[i + 3]).longValue() });
		}
		STANDARD.put(industry, measures);
	}

	private static final int UPPER = 0;

	private static final int MEDIUM = 1;

	private static final int SMALL = 2;

	private static final String[] LEVEL_NAMES = { "中小微上限", "中型下限", "小型下限" };

	@Test
	void everyIndustryOfTheStandardIsCovered() {
		assertThat(Industry.values()).hasSize(16);
		assertThat(STANDARD).containsOnlyKeys(Industry.values());
	}

	/**
	 * 每个行业、每档阈值、每项指标：恰好在线上、略低于（人数 −1、金额 −0.01）、略高于，另含"且/或"与"中小微上限"规则。
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("boundaryCases")
	void boundariesOfEveryIndustryRow(String description, Industry industry, Map<String, BigDecimal> values,
			EnterpriseSize expected) {
		assertThat(classify(industry, values)).isEqualTo(expected);
	}

	static Stream<Arguments> boundaryCases() {
		List<Arguments> cases = new ArrayList<>();
		for (Map.Entry<Industry, Map<String, long[]>> row : STANDARD.entrySet()) {
			Industry industry = row.getKey();
			Map<String, long[]> measures = row.getValue();
			// 所有指标都在上限上：达到全部上限即大型；略高同理
			cases.add(uniform(industry, measures, UPPER, 0, EnterpriseSize.LARGE));
			cases.add(uniform(industry, measures, UPPER, +1, EnterpriseSize.LARGE));
			cases.add(uniform(industry, measures, MEDIUM, 0, EnterpriseSize.MEDIUM));
			cases.add(uniform(industry, measures, MEDIUM, +1, EnterpriseSize.MEDIUM));
			cases.add(uniform(industry, measures, SMALL, 0, EnterpriseSize.SMALL));
			cases.add(uniform(industry, measures, SMALL, +1, EnterpriseSize.SMALL));
			cases.add(uniform(industry, measures, SMALL, -1, EnterpriseSize.MICRO));
			for (String field : measures.keySet()) {
				// 任一项低于上限仍是中小微：其余在上限，该项略低 → 中型
				cases.add(oneBelow(industry, measures, UPPER, field, EnterpriseSize.MEDIUM));
				// 中型要"且"：该项略低于中型下限 → 下划为小型
				cases.add(oneBelow(industry, measures, MEDIUM, field, EnterpriseSize.SMALL));
				// 小型要"且"，微型只需"或"：该项略低于小型下限 → 微型
				cases.add(oneBelow(industry, measures, SMALL, field, EnterpriseSize.MICRO));
				if (measures.size() > 1) {
					// "或"：其余指标再大（在上限上），只要该项低于小型下限就是微型
					Map<String, BigDecimal> values = at(measures, UPPER, 0);
					values.put(field, value(field, measures.get(field)[SMALL], -1));
					cases.add(Arguments.of(industry.label() + "：" + field + "略低于小型下限、其余达中小微上限 → 微型", industry, values,
							EnterpriseSize.MICRO));
				}
			}
		}
		return cases.stream();
	}

	private static Arguments uniform(Industry industry, Map<String, long[]> measures, int level, int offset,
			EnterpriseSize expected) {
		String where = (offset == 0) ? "恰在" : (offset > 0) ? "略高于" : "均略低于";
		return Arguments.of(industry.label() + "：各项" + where + LEVEL_NAMES[level] + " → " + expected.label(), industry,
				at(measures, level, offset), expected);
	}

	private static Arguments oneBelow(Industry industry, Map<String, long[]> measures, int level, String field,
			EnterpriseSize expected) {
		Map<String, BigDecimal> values = at(measures, level, 0);
		values.put(field, value(field, measures.get(field)[level], -1));
		return Arguments.of(industry.label() + "：" + field + "略低于" + LEVEL_NAMES[level] + "、其余恰在 → " + expected.label(),
				industry, values, expected);
	}

	private static Map<String, BigDecimal> at(Map<String, long[]> measures, int level, int offset) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		measures.forEach((field, thresholds) -> values.put(field, value(field, thresholds[level], offset)));
		return values;
	}

	/** 人数步长 1 人，金额步长 0.01 万元。 */
	private static BigDecimal value(String field, long threshold, int offset) {
		BigDecimal step = field.equals("employees") ? BigDecimal.ONE : new BigDecimal("0.01");
		return BigDecimal.valueOf(threshold).add(step.multiply(BigDecimal.valueOf(offset)));
	}

	private static EnterpriseSize classify(Industry industry, Map<String, BigDecimal> values) {
		BigDecimal employees = values.get("employees");
		return EnterpriseSizes.classify(industry, (employees != null) ? employees.intValueExact() : null,
				values.get("revenueWan"), values.get("totalAssetsWan"));
	}

	@ParameterizedTest(name = "{0}：{1} 人，营业收入 {2} 万元，资产 {3} 万元 → {4}")
	@CsvSource(nullValues = "-", textBlock = """
			INDUSTRY,                  20,  300,    -,      SMALL
			INDUSTRY,                  19,  100000, -,      MICRO
			INDUSTRY,                  999, 50000,  -,      MEDIUM
			INDUSTRY,                  5000, 39999.99, -,   MEDIUM
			INDUSTRY,                  1000, 40000, -,      LARGE
			INDUSTRY,                  300, 1999.99, -,     SMALL
			WHOLESALE,                 4,   100000, -,      MICRO
			SOFTWARE_IT,               10,  50,     -,      SMALL
			SOFTWARE_IT,               150, 800,    -,      SMALL
			REAL_ESTATE_DEVELOPMENT,   -,   150000, 9000,   MEDIUM
			REAL_ESTATE_DEVELOPMENT,   -,   500,    1999,   MICRO
			CONSTRUCTION,              -,   80000,  79999,  MEDIUM
			LEASING_BUSINESS_SERVICES, 500, -,      120000, LARGE
			AGRICULTURE,               -,   49.99,  -,      MICRO
			OTHER,                     300, -,      -,      LARGE
			OTHER,                     9,   -,      -,      MICRO
			""")
	void typicalEnterprises(Industry industry, Integer employees, BigDecimal revenueWan, BigDecimal totalAssetsWan,
			EnterpriseSize expected) {
		assertThat(EnterpriseSizes.classify(industry, employees, revenueWan, totalAssetsWan)).isEqualTo(expected);
	}

	@Test
	void measuresTheRowDoesNotUseAreIgnored() {
		// 农林牧渔业只看营业收入：人数再多也不影响
		assertThat(EnterpriseSizes.classify(Industry.AGRICULTURE, 100000, new BigDecimal("60"), new BigDecimal("1")))
			.isEqualTo(EnterpriseSize.SMALL);
		// 其他未列明行业只看人数
		assertThat(EnterpriseSizes.classify(Industry.OTHER, 150, new BigDecimal("0"), null))
			.isEqualTo(EnterpriseSize.MEDIUM);
	}

	@ParameterizedTest
	@EnumSource(Industry.class)
	void missingRequiredMeasureIsRejectedNamingTheField(Industry industry) {
		Map<String, long[]> measures = STANDARD.get(industry);
		for (String field : measures.keySet()) {
			Map<String, BigDecimal> values = at(measures, SMALL, 0);
			values.remove(field);
			assertThatIllegalArgumentException().as(field)
				.isThrownBy(() -> classify(industry, values))
				.withMessageStartingWith(field + "（");
		}
	}

	@ParameterizedTest
	@EnumSource(Industry.class)
	void measuresNotUsedByTheRowMayBeMissing(Industry industry) {
		// at(...) 只填本行业用到的指标，其余为 null
		assertThatNoException().isThrownBy(() -> classify(industry, at(STANDARD.get(industry), SMALL, 0)));
	}

	@Test
	void missingMeasureMessageExplainsWhatTheIndustryNeeds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnterpriseSizes.classify(Industry.INDUSTRY, 50, null, null))
			.withMessage("revenueWan（营业收入）不能为空：工业按从业人员和营业收入划型");
	}

	@Test
	void negativeValuesAreRejectedNamingTheField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnterpriseSizes.classify(Industry.INDUSTRY, -1, BigDecimal.TEN, null))
			.withMessage("employees（从业人员）不能为负数");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnterpriseSizes.classify(Industry.INDUSTRY, 1, new BigDecimal("-0.01"), null))
			.withMessage("revenueWan（营业收入）不能为负数");
		// 即使该行业不用资产总额，负数也视为录入错误
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnterpriseSizes.classify(Industry.INDUSTRY, 1, BigDecimal.TEN, new BigDecimal("-5")))
			.withMessage("totalAssetsWan（资产总额）不能为负数");
	}

	@Test
	void zeroIsMicro() {
		assertThat(EnterpriseSizes.classify(Industry.RETAIL, 0, BigDecimal.ZERO, BigDecimal.ZERO))
			.isEqualTo(EnterpriseSize.MICRO);
	}

	@Test
	void missingIndustryIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EnterpriseSizes.classify(null, 1, BigDecimal.ONE, null))
			.withMessageStartingWith("industry");
	}

	@Test
	void labelsAreChinese() {
		assertThat(EnterpriseSize.LARGE.label()).isEqualTo("大型");
		assertThat(EnterpriseSize.MICRO.label()).isEqualTo("微型");
		assertThat(Industry.SOFTWARE_IT.label()).isEqualTo("软件和信息技术服务业");
	}

}
