package cn.zhongchuang.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CreditCodesTests {

	@ParameterizedTest
	@ValueSource(strings = { "914403001922038216", "91310110666007217T" })
	void knownValidCodesPassBothChecks(String code) {
		CreditCodeCheck check = CreditCodes.check(code);
		assertThat(check.valid()).isTrue();
		assertThat(check.reason()).isNull();
	}

	@Test
	void validCodeReportsRegionAndCategory() {
		assertThat(CreditCodes.check("914403001922038216")).isEqualTo(new CreditCodeCheck(true, null, "440300", "91"));
		assertThat(CreditCodes.check("91310110666007217T")).isEqualTo(new CreditCodeCheck(true, null, "310110", "91"));
	}

	@Test
	void wrongCheckCharacterNamesTheExpectedOne() {
		CreditCodeCheck check = CreditCodes.check("914403001922038217");
		assertThat(check.valid()).isFalse();
		assertThat(check.reason()).isEqualTo("校验码错误（第18位应为6）");
	}

	@Test
	void structurallyParseableInvalidCodeStillReportsRegionAndCategory() {
		assertThat(CreditCodes.check("914403001922038217"))
			.isEqualTo(new CreditCodeCheck(false, "校验码错误（第18位应为6）", "440300", "91"));
	}

	@Test
	void lowerCaseIsAcceptedAsUpperCase() {
		assertThat(CreditCodes.check("91310110666007217t").valid()).isTrue();
		assertThat(CreditCodes.normalize("91310110666007217t")).isEqualTo("91310110666007217T");
	}

	@Test
	void surroundingWhitespaceAndFullWidthCharactersAreNormalised() {
		assertThat(CreditCodes.check("  914403001922038216\t").valid()).isTrue();
		// 中文输入法下的全角字符与全角空格
		assertThat(CreditCodes.check("\u3000９１３１０１１０６６６００７２１７Ｔ").valid()).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t\n", "\u3000" })
	void nullEmptyAndBlankAreInvalidWithoutThrowing(String code) {
		CreditCodeCheck check = CreditCodes.check(code);
		assertThat(check.valid()).isFalse();
		assertThat(check.reason()).isEqualTo("统一社会信用代码为空");
		assertThat(check.registrationRegion()).isNull();
		assertThat(check.entityCategory()).isNull();
	}

	@Test
	void seventeenCharactersIsRejectedForLength() {
		assertThat(CreditCodes.check("91440300192203821").reason()).isEqualTo("统一社会信用代码应为18位，实际为17位");
	}

	@Test
	void nineteenCharactersIsRejectedForLength() {
		assertThat(CreditCodes.check("9144030019220382160").reason()).isEqualTo("统一社会信用代码应为18位，实际为19位");
	}

	@ParameterizedTest
	@ValueSource(strings = { "I", "O", "S", "V", "Z" })
	void forbiddenLettersAreReportedWithTheirPosition(String letter) {
		String code = "9144030019220382" + letter + "6";
		CreditCodeCheck check = CreditCodes.check(code);
		assertThat(check.valid()).isFalse();
		assertThat(check.reason()).startsWith("第17位字符“" + letter + "”不合法");
	}

	@Test
	void symbolsAndInnerSpacesAreIllegalCharacters() {
		assertThat(CreditCodes.check("9144-0300192203821").reason()).startsWith("第5位字符“-”不合法");
		assertThat(CreditCodes.check("9144 0300192203821").reason()).startsWith("第5位字符“U+0020”不合法");
	}

	@Test
	void unknownRegistrationAuthorityIsRejected() {
		CreditCodeCheck check = CreditCodes.check("B14403001922038216");
		assertThat(check.reason()).isEqualTo("第1位登记管理部门代码“B”不存在");
		assertThat(check.entityCategory()).isEqualTo("B1");
	}

	@Test
	void categoryNotBelongingToTheAuthorityIsRejected() {
		assertThat(CreditCodes.check("944403001922038216").reason()).isEqualTo("第2位机构类别代码“4”与登记管理部门代码“9”不匹配（可用：1、2、3）");
	}

	@Test
	void regionPartMustBeSixDigits() {
		CreditCodeCheck check = CreditCodes.check("9144A3001922038216");
		assertThat(check.reason()).isEqualTo("第3–8位登记管理机关行政区划码应为6位数字");
		assertThat(check.registrationRegion()).isNull();
		assertThat(check.entityCategory()).isEqualTo("91");
	}

	@Test
	void organisationCodeCheckFailsEvenWhenPosition18IsCorrect() {
		// 第 17 位由 1 改成 2，再为新的前 17 位重算第 18 位：只查第 18 位的实现会放过它
		String tampered = CreditCodes.withCheckCharacter("91440300192203822");
		CreditCodeCheck check = CreditCodes.check(tampered);
		assertThat(check.valid()).isFalse();
		assertThat(check.reason()).isEqualTo("第9–17位组织机构代码校验失败（第17位应为1）");
		assertThat(check.registrationRegion()).isEqualTo("440300");
	}

	@Test
	void organisationCheckValuesLettersAlphabeticallyNotByCreditCodeAlphabet() {
		// M 在 GB 11714 中为 22（A=10 起按 A–Z 顺序），在信用代码字符集中为 21：
		// 22×3 + 10×7 + 1×2 = 138，138 mod 11 = 6，11 − 6 = 5
		assertThat(CreditCodes.organisationCheckCharacter("MA000001")).isEqualTo('5');
	}

	@Test
	void organisationCheckMapsTenToXAndElevenToZero() {
		// 1×3 + 9×7 + 2×9 + 2×10 + 0 + 3×8 + 8×4 + 2×2 = 164，mod 11 = 10 → 11 − 10 = 1
		assertThat(CreditCodes.organisationCheckCharacter("19220382")).isEqualTo('1');
		// 全 0：Σ = 0 → 11 − 0 = 11 记为 0
		assertThat(CreditCodes.organisationCheckCharacter("00000000")).isEqualTo('0');
		// 1×5 + 1×7 = 12，mod 11 = 1 → 11 − 1 = 10 记为 X
		assertThat(CreditCodes.organisationCheckCharacter("01001000")).isEqualTo('X');
	}

	@Test
	void generateProducesTheKnownValidCodes() {
		assertThat(CreditCodes.generate("9", "1", "440300", "19220382")).isEqualTo("914403001922038216");
		assertThat(CreditCodes.generate("9", "1", "310110", "66600721")).isEqualTo("91310110666007217T");
	}

	@Test
	void generateWithOrganisationCheckXStillValidates() {
		String code = CreditCodes.generate("5", "2", "620102", "01001000");
		assertThat(code.charAt(16)).isEqualTo('X');
		assertThat(CreditCodes.check(code).valid()).isTrue();
	}

	@Test
	void generateRejectsBadParts() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.generate("B", "1", "440300", "19220382"));
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.generate("9", "4", "440300", "19220382"));
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.generate("9", "1", "44030", "19220382"));
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.generate("9", "1", "440300", "1922038I"));
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.withCheckCharacter("9144030019220382"));
	}

	@Test
	void normaliseKeepsNull() {
		assertThat(CreditCodes.normalize(null)).isNull();
	}

}
