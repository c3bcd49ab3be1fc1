package cn.zhongchuang.expert;

import java.util.List;

import cn.zhongchuang.reference.CreditCodes;

/**
 * What a panel reviews, as the caller describes it: the application module passes its
 * application, the draw page lets a bureau type one in. The related parties are matched
 * against the pool to exclude conflicts of interest; each entry is a name or a credit
 * code.
 *
 * @param type the kind of object, e.g. {@code application}
 * @param id that object's id in the calling module
 * @param title shown to experts and the bureau
 * @param regionCode where the subject is; must be within the drawing bureau's region
 * @param operatorName the applying operator
 * @param operatorCreditCode its 统一社会信用代码, may be {@code null}
 * @param employers the operator's employer-relevant names (主管或出资单位, parent company)
 * @param mentors mentors of the operator or its tenants
 * @param investors investors in the operator or its tenants (names or credit codes)
 * @param tenants the operator's tenants (names or credit codes)
 */
public record Subject(String type, String id, String title, String regionCode, String operatorName,
		String operatorCreditCode, List<String> employers, List<String> mentors, List<String> investors,
		List<String> tenants) {

	public Subject {
		employers = clean(employers);
		mentors = clean(mentors);
		investors = clean(investors);
		tenants = clean(tenants);
		operatorCreditCode = (operatorCreditCode == null || operatorCreditCode.isBlank()) ? null
				: CreditCodes.normalize(operatorCreditCode);
	}

	private static List<String> clean(List<String> names) {
		return (names == null) ? List.of()
				: names.stream().filter((n) -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
	}

}
