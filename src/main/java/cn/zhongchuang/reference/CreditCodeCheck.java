package cn.zhongchuang.reference;

/**
 * 统一社会信用代码的校验结果。
 * <p>
 * 只要代码是 18 位合法字符，{@code entityCategory}（第 1–2 位）就会给出；第 3–8 位全为数字时
 * {@code registrationRegion} 也会给出，即使后面的校验失败——表单可据此提示“登记地为某某”，帮用户定位输错的位置。
 * 因此调用方在把登记地与申报地比对之前，必须先看 {@code valid}。
 *
 * @param valid 两项校验（组织机构代码校验位、第 18 位校验码）均通过
 * @param reason 不通过的原因（中文，可直接展示）；通过时为 {@code null}
 * @param registrationRegion 第 3–8 位登记管理机关行政区划码，如 {@code 440300}
 * @param entityCategory 第 1–2 位登记管理部门与机构类别代码，如 {@code 91}（企业）
 */
public record CreditCodeCheck(boolean valid, String reason, String registrationRegion, String entityCategory) {

	static CreditCodeCheck ok(String registrationRegion, String entityCategory) {
		return new CreditCodeCheck(true, null, registrationRegion, entityCategory);
	}

	static CreditCodeCheck invalid(String reason) {
		return new CreditCodeCheck(false, reason, null, null);
	}

	static CreditCodeCheck invalid(String reason, String registrationRegion, String entityCategory) {
		return new CreditCodeCheck(false, reason, registrationRegion, entityCategory);
	}

}
