package cn.zhongchuang.policy;

import java.util.Arrays;
import java.util.List;

import cn.zhongchuang.policy.Verdict.CriterionResult;
import cn.zhongchuang.policy.Verdict.Outcome;
import cn.zhongchuang.policy.Verdict.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 总体结论：任一 FAIL 为 INELIGIBLE；否则任一 MANUAL 为 NEEDS_REVIEW；否则 ELIGIBLE。
 */
class OutcomeTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			PASS PASS PASS                 | ELIGIBLE
			PASS NOT_APPLICABLE            | ELIGIBLE
			NOT_APPLICABLE                 | ELIGIBLE
			PASS MANUAL                    | NEEDS_REVIEW
			MANUAL NOT_APPLICABLE          | NEEDS_REVIEW
			PASS FAIL                      | INELIGIBLE
			MANUAL FAIL PASS               | INELIGIBLE
			FAIL MANUAL                    | INELIGIBLE
			NOT_APPLICABLE FAIL            | INELIGIBLE
			""")
	void outcomeFollowsTheWorstResult(String results, Outcome expected) {
		List<CriterionResult> criteria = Arrays.stream(results.trim().split("\\s+"))
			.map((result) -> new CriterionResult("1", "条件", CriterionKind.AUTOMATIC, Result.valueOf(result), null))
			.toList();
		assertThat(Verdict.outcomeOf(criteria)).isEqualTo(expected);
	}

}
