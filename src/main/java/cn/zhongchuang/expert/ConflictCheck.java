package cn.zhongchuang.expert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The conflicts of interest between a pool expert and a subject (回避). A name matches
 * another when both, normalized (no spaces, full-width brackets folded, case ignored),
 * are equal, or when one of at least four characters contains the other (清华大学 matches
 * 清华大学科技园): for conflicts, a false alarm costs an alternate, a miss costs the review.
 * Credit codes match exactly.
 * <ul>
 * <li>同单位: the expert's employer is the operator, or one of its employer-relevant
 * names;</li>
 * <li>在孵企业任职: the expert's employer is one of the operator's tenants;</li>
 * <li>导师: the expert is a mentor of the operator or its tenants;</li>
 * <li>投资: the expert, or their employer, invested in the operator or its tenants;</li>
 * <li>申报回避: an organisation or credit code the expert declared names the operator, its
 * employers or its tenants.</li>
 * </ul>
 */
final class ConflictCheck {

	private ConflictCheck() {
	}

	/** Why the expert may not review the subject; empty when they may. */
	static List<String> reasons(Expert e, Subject s) {
		List<String> reasons = new ArrayList<>();
		List<String> operator = new ArrayList<>();
		operator.add(s.operatorName());
		if (s.operatorCreditCode() != null) {
			operator.add(s.operatorCreditCode());
		}
		operator.addAll(s.employers());
		match(e.employer(), operator).ifPresent((m) -> reasons.add("与运营机构同单位（" + m + "）"));
		match(e.employer(), s.tenants()).ifPresent((m) -> reasons.add("任职于该机构的在孵企业（" + m + "）"));
		match(e.name(), s.mentors()).ifPresent((m) -> reasons.add("为运营机构或其在孵企业的创业导师（" + m + "）"));
		match(e.name(), s.investors()).or(() -> match(e.employer(), s.investors()))
			.ifPresent((m) -> reasons.add("本人或所在单位投资了运营机构或其在孵企业（" + m + "）"));
		List<String> parties = new ArrayList<>(operator);
		parties.addAll(s.tenants());
		for (String declared : e.declaredConflicts()) {
			Optional<String> m = match(declared, parties);
			if (m.isPresent()) {
				reasons.add("本人申报回避（" + declared + "）");
				break;
			}
		}
		return reasons;
	}

	private static Optional<String> match(String value, List<String> candidates) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String v = normalize(value);
		return candidates.stream().filter((c) -> c != null && same(v, normalize(c))).findFirst();
	}

	private static boolean same(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return false;
		}
		if (a.equals(b)) {
			return true;
		}
		String shorter = (a.length() <= b.length()) ? a : b;
		String longer = (shorter == a) ? b : a;
		return shorter.length() >= 4 && longer.contains(shorter);
	}

	static String normalize(String s) {
		return s.replaceAll("[\\s\\u3000]", "").replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
	}

}
