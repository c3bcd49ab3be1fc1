package cn.zhongchuang.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests of the credit-code parser over many generated inputs. A fixed seed keeps
 * every run identical; each test checks a few thousand cases.
 */
class CreditCodePropertyTests {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int CASES = 3000;

	private final Random random = new Random(20261122L);

	@Test
	void generatedCodesAlwaysValidateAndReportTheirRegion() {
		for (int i = 0; i < CASES; i++) {
			Parts parts = validParts();
			CreditCodeCheck check = CreditCodes.check(parts.code());
			assertThat(check.valid()).as(parts.code() + " " + check.reason()).isTrue();
			assertThat(check.reason()).isNull();
			assertThat(check.registrationRegion()).isEqualTo(parts.region());
			assertThat(check.entityCategory()).isEqualTo(parts.authority() + parts.category());
			assertThat(CreditCodes.check(parts.code().toLowerCase(Locale.ROOT)).valid()).isTrue();
		}
	}

	/**
	 * Weights 3^i mod 31 are never 0 and 31 is prime, so replacing any one character
	 * changes the weighted sum mod 31: every single-character error is detected.
	 */
	@Test
	void anySingleSubstitutionIsDetected() {
		for (int i = 0; i < CASES; i++) {
			String code = validParts().code();
			int position = this.random.nextInt(18);
			int shift = 1 + this.random.nextInt(30);
			char replacement = ALPHABET.charAt((ALPHABET.indexOf(code.charAt(position)) + shift) % 31);
			String tampered = code.substring(0, position) + replacement + code.substring(position + 1);
			CreditCodeCheck check = CreditCodes.check(tampered);
			assertThat(check.valid()).as(tampered).isFalse();
			assertThat(check.reason()).isNotBlank();
		}
	}

	@Test
	void arbitraryStringsNeverThrowAndTheReasonMatchesValidity() {
		for (int i = 0; i < CASES; i++) {
			int length = this.random.nextInt(30);
			StringBuilder s = new StringBuilder();
			for (int j = 0; j < length; j++) {
				s.append((char) this.random.nextInt(0x3100));
			}
			assertConsistent(CreditCodes.check(s.toString()));
		}
	}

	@Test
	void nearMissesNeverThrowAndTheReasonMatchesValidity() {
		// Around 18 characters, mostly from the alphabet (with lower case and forbidden
		// letters), so
		// that the deep branches of the check run.
		String chars = ALPHABET + ALPHABET.toLowerCase(Locale.ROOT) + "IOSVZ -\u3000";
		for (int i = 0; i < CASES; i++) {
			int length = 16 + this.random.nextInt(5);
			StringBuilder s = new StringBuilder();
			for (int j = 0; j < length; j++) {
				s.append(chars.charAt(this.random.nextInt(chars.length())));
			}
			assertConsistent(CreditCodes.check(s.toString()));
		}
	}

	private Parts validParts() {
		List<String> prefixes = new ArrayList<>();
		for (Map.Entry<Character, String> entry : CreditCodes.CATEGORIES.entrySet()) {
			for (char category : entry.getValue().toCharArray()) {
				prefixes.add("" + entry.getKey() + category);
			}
		}
		String prefix = prefixes.get(this.random.nextInt(prefixes.size()));
		StringBuilder region = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			region.append(this.random.nextInt(10));
		}
		StringBuilder organisation = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			organisation.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return new Parts(prefix.substring(0, 1), prefix.substring(1), region.toString(), organisation.toString());
	}

	private static void assertConsistent(CreditCodeCheck check) {
		assertThat(check).isNotNull();
		assertThat(check.valid()).isEqualTo(check.reason() == null);
	}

	record Parts(String authority, String category, String region, String organisation) {

		String code() {
			return CreditCodes.generate(this.authority, this.category, this.region, this.organisation);
		}

	}

}
