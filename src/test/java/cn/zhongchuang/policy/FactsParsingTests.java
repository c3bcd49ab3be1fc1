package cn.zhongchuang.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 格式错误的输入报告为带字段路径的 {@link InvalidFactsException}，从不漏出 Jackson 或 CEL 的异常。
 */
class FactsParsingTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"space": {"totalAreaM2": "很大"}}                         | space.totalAreaM2        | 应为数值
			{"space": {"totalAreaM2": true}}                           | space.totalAreaM2        | 应为数值
			{"specialization": "FOO"}                                  | specialization           | 取值 FOO 无效
			{"specialization": 1}                                      | specialization           | 取值 1 无效
			{"space": {"leaseEnd": "2025-13-01"}}                      | space.leaseEnd           | 日期不存在
			{"space": {"leaseEnd": "2025-02-30"}}                      | space.leaseEnd           | 日期不存在
			{"space": {"leaseEnd": "2025-2-3"}}                        | space.leaseEnd           | YYYY-MM-DD
			{"asOf": "2026-02-29"}                                     | asOf                     | 日期不存在
			{"tenants": {"count": 1.5}}                                | tenants.count            | 应为整数
			{"tenants": {"count": "12"}}                               | tenants.count            | 应为整数
			{"tenants": {"count": -1}}                                 | tenants.count            | 不能为负数
			{"virtual": "false"}                                       | virtual                  | true 或 false
			{"operator": {"registeredRegion": 110105}}                 | operator.registeredRegion | 6 位行政区划代码
			{"operator": {"registeredRegion": "11010"}}                | operator.registeredRegion | 6 位行政区划代码
			{"operator": {"leadEntity": "COMPANY"}}                    | operator.leadEntity      | 取值 COMPANY 无效
			{"operator": {"compliance": []}}                           | operator.compliance      | 应为 JSON 对象
			{"funds": {"role": "LED"}}                                 | funds                    | 应为数组
			{"funds": [{"role": "LED", "kind": "VC"}, {"role": "X"}]}  | funds[1].role            | 取值 X 无效
			{"funds": [null]}                                          | funds[0]                 | 不能为 null
			[1, 2]                                                     | $                        | 应为 JSON 对象
			{"space": {"totalAreaM2": 5                                | $                        | JSON 格式错误
			""")
	void malformedSpaceFactsNameTheField(String json, String field, String message) {
		assertThatThrownBy(() -> SpaceFacts.parse(json)).isInstanceOfSatisfying(InvalidFactsException.class, (ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.errors().get(0).message()).contains(message);
		});
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"industry": "MINING"}                       | industry           | 取值 MINING 无效
			{"employees": 12.5}                          | employees          | 应为整数
			{"officeInSpace": 1}                         | officeInSpace      | true 或 false
			{"revenueWan": "800"}                        | revenueWan         | 应为数值
			""")
	void malformedTenantFactsNameTheField(String json, String field, String message) {
		assertThatThrownBy(() -> TenantFacts.parse(json)).isInstanceOfSatisfying(InvalidFactsException.class, (ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).contains(message);
		});
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"admittedOn": "2023-05-10", "filings": [{"period": "2025-13", "filed": true}]}    | filings[0].period | 月份不存在
					{"admittedOn": "2023-05-10", "filings": [{"period": "2025-1", "filed": true}]}     | filings[0].period | YYYY-MM
					{"admittedOn": "2023-05-10", "filings": [{"filed": true}]}                         | filings[0].period | 缺少申报月份
					{"admittedOn": "2023-05-10", "filings": [{"period": "2025-01"}, {"period": "2025-01"}]} | filings[1].period | 申报月份重复
					{"admittedOn": "2023-05-10", "filings": [{"period": "2025-01", "taxPaidCny": "0"}]} | filings[0].taxPaidCny | 应为数值
					{"filings": []}                                                                    | admittedOn        | 缺少入孵日期
					{"admittedOn": "2023-02-29"}                                                       | admittedOn        | 日期不存在
					""")
	void malformedTaxHistoriesNameTheField(String json, String field, String message) {
		assertThatThrownBy(() -> TaxHistory.parse(json)).isInstanceOfSatisfying(InvalidFactsException.class, (ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).contains(message);
		});
	}

	@Test
	void everyMalformedFieldIsReportedAtOnce() {
		assertThatThrownBy(() -> SpaceFacts
			.parse("{\"specialization\": \"FOO\", \"space\": {\"leaseEnd\": \"2025-13-01\", \"totalAreaM2\": \"x\"}}"))
			.isInstanceOfSatisfying(InvalidFactsException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidFactsException.FieldError::field)
						.containsExactlyInAnyOrder("specialization", "space.leaseEnd", "space.totalAreaM2"));
	}

	@Test
	void nullMeansNotGivenAndUnknownFieldsAreIgnored() {
		SpaceFacts facts = SpaceFacts
			.parse("{\"asOf\": \"2026-03-01\", \"operator\": {\"bannedUntil\": null}, \"nickname\": \"小空间\"}");
		assertThat(facts.values()).containsOnlyKeys("asOf", "operator");
		assertThat((java.util.Map<?, ?>) facts.values().get("operator")).isEmpty();
	}

	@Test
	void numbersAreNormalisedSoThatRulesCompareThemAlike() {
		SpaceFacts facts = SpaceFacts.parse("{\"space\": {\"totalAreaM2\": 500, \"independentWorkstations\": 20.0}}");
		java.util.Map<?, ?> space = (java.util.Map<?, ?>) facts.values().get("space");
		assertThat(space.get("totalAreaM2")).isEqualTo(500.0);
		assertThat(space.get("independentWorkstations")).isEqualTo(20L);
	}

	@Test
	void blankTextIsReadAsAFactNotGivenInEveryPack() {
		SpaceFacts facts = SpaceFacts
			.parse("{\"operator\": {\"creditCode\": \" \\t \"}, \"space\": {\"focusSegment\": \"\u3000\u00a0\"}}");
		assertThat(((java.util.Map<?, ?>) facts.values().get("space")).containsKey("focusSegment")).isFalse();
		assertThat(((java.util.Map<?, ?>) facts.values().get("operator")).containsKey("creditCode")).isFalse();
		// 在孵企业的主营方向也一样：空白即未填写，交评审人员判断，而不是当作一个不在名单上的产业
		Verdict tenant = Packs.CHAOYANG.evaluateTenant(TenantFacts.parse("{\"keyIndustry\": \"   \"}"));
		assertThat(tenant.criteria()).filteredOn((c) -> c.article().equals("6.4"))
			.singleElement()
			.satisfies((c) -> assertThat(c.detail()).startsWith("主营方向：未填写"));
	}

	@Test
	void asOfDefaultsToTodayInShanghai() {
		// 2026-02-28T17:00Z 在上海已是 3 月 1 日
		Clock clock = Clock.fixed(Instant.parse("2026-02-28T17:00:00Z"), SpaceFacts.ZONE);
		SpaceFacts facts = SpaceFacts.from(Scenario.JSON.readTree("{}"), clock);
		assertThat(facts.asOf()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(facts.values()).containsEntry("asOf", "2026-03-01");
		TaxHistory history = TaxHistory.from(Scenario.JSON.readTree("{\"admittedOn\": \"2025-01-01\"}"), clock);
		assertThat(history.asOf()).isEqualTo(LocalDate.of(2026, 3, 1));
	}

	@Test
	void aFilingWithoutFiledFlagCountsAsFiled() {
		TaxHistory history = TaxHistory.parse(
				"{\"asOf\": \"2026-03-01\", \"admittedOn\": \"2025-01-01\", \"filings\": [{\"period\": \"2026-02\", \"taxPaidCny\": 10}]}");
		assertThat(history.filings().get(0).filed()).isTrue();
		assertThat(history.filings().get(0).paidTax()).isTrue();
	}

}
