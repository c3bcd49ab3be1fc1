package cn.zhongchuang.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTests {

	static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZg==";

	final PersonalDataCipher cipher = PersonalDataCipher.fromBase64(KEY);

	@Test
	void roundTripsPhoneNumbersAndAnyText() {
		Random random = new Random(42);
		for (int i = 0; i < 200; i++) {
			StringBuilder s = new StringBuilder();
			int length = random.nextInt(40);
			for (int j = 0; j < length; j++) {
				s.append((random.nextInt(4) == 0) ? (char) (0x4e00 + random.nextInt(2000))
						: (char) ('0' + random.nextInt(10)));
			}
			String stored = this.cipher.encrypt(s.toString());
			assertThat(stored).startsWith("sm4g1:");
			assertThat(PersonalDataCipher.isEncrypted(stored)).isTrue();
			assertThat(this.cipher.decrypt(stored)).isEqualTo(s.toString());
		}
		String stored = this.cipher.encrypt("13812345678");
		assertThat(stored).doesNotContain("13812345678").doesNotContain("5678");
		assertThat(this.cipher.decrypt(stored)).isEqualTo("13812345678");
		assertThat(this.cipher.encrypt(null)).isNull();
		assertThat(this.cipher.decrypt(null)).isNull();
	}

	@Test
	void aRandomNonceMakesTwoEncryptionsOfTheSameNumberDiffer() {
		String a = this.cipher.encrypt("13812345678");
		String b = this.cipher.encrypt("13812345678");
		assertThat(a).isNotEqualTo(b);
		byte[] ra = Base64.getDecoder().decode(a.substring("sm4g1:k1:".length()));
		byte[] rb = Base64.getDecoder().decode(b.substring("sm4g1:k1:".length()));
		// nonce 12 + ciphertext 11 + tag 16
		assertThat(ra).hasSize(12 + 11 + 16);
		assertThat(java.util.Arrays.copyOf(ra, 12)).isNotEqualTo(java.util.Arrays.copyOf(rb, 12));
	}

	@Test
	void aTamperedValueIsRefused() {
		String stored = this.cipher.encrypt("13812345678");
		byte[] raw = Base64.getDecoder().decode(stored.substring("sm4g1:k1:".length()));
		for (int i = 0; i < raw.length; i++) {
			byte[] changed = raw.clone();
			changed[i] ^= 0x01;
			String tampered = "sm4g1:" + Base64.getEncoder().encodeToString(changed);
			assertThatThrownBy(() -> this.cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("integrity");
		}
		assertThatThrownBy(() -> this.cipher.decrypt("sm4g1:AAAA")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.cipher.decrypt("sm4g1:not base64!")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aValueWrittenUnderAnotherKeyIsRefused() {
		PersonalDataCipher other = PersonalDataCipher.fromBase64("ZmVkY2JhOTg3NjU0MzIxMA==");
		String stored = other.encrypt("13812345678");
		assertThatThrownBy(() -> this.cipher.decrypt(stored)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("another key");
	}

	@Test
	void plaintextFromBeforeIsRecognisedAndReturnedAsItIs() {
		assertThat(PersonalDataCipher.isEncrypted("13812345678")).isFalse();
		assertThat(PersonalDataCipher.isEncrypted("010-12345678")).isFalse();
		assertThat(PersonalDataCipher.isEncrypted(null)).isFalse();
		assertThat(this.cipher.decrypt("13812345678")).isEqualTo("13812345678");
	}

	@Test
	void aKeyMustBeBase64OfSixteenBytesAndTheMessageNeverShowsIt() {
		assertThatThrownBy(() -> PersonalDataCipher.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("16 bytes")
			.hasMessageNotContaining("c2hvcnQ=");
		assertThatThrownBy(() -> PersonalDataCipher.fromBase64("%%%secret%%%"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageNotContaining("secret");
		assertThat(this.cipher.toString()).doesNotContain(KEY);
	}

	@Test
	void productionWithoutAKeyRefusesAndAConfiguredKeyWins(@TempDir Path dataDir) {
		assertThatThrownBy(() -> PersonalDataCipherConfiguration.cipher("", false, dataDir))
			.hasMessageContaining("Refusing to start: no SM4 key")
			.hasMessageContaining("ZHONGCHUANG_CRYPTO_SM4_KEY");
		assertThatThrownBy(() -> PersonalDataCipherConfiguration.cipher("dG9vc2hvcnQ=", false, dataDir))
			.hasMessageContaining("Refusing to start")
			.hasMessageNotContaining("dG9vc2hvcnQ=");
		PersonalDataCipher configured = PersonalDataCipherConfiguration.cipher(KEY, false, dataDir);
		assertThat(this.cipher.decrypt(configured.encrypt("13812345678"))).isEqualTo("13812345678");
		assertThat(dataDir.resolve("sm4.key")).doesNotExist();
	}

	@Test
	void demoWithoutAKeyCreatesOneKeyFileOnceAndReusesIt(@TempDir Path dataDir) throws Exception {
		Path dir = dataDir.resolve("data");
		PersonalDataCipher first = PersonalDataCipherConfiguration.cipher(null, true, dir);
		Path file = dir.resolve("sm4.key");
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String key = Files.readString(file).strip();
		assertThat(Base64.getDecoder().decode(key)).hasSize(16);
		String stored = first.encrypt("13812345678");

		PersonalDataCipher second = PersonalDataCipherConfiguration.cipher("", true, dir);
		assertThat(Files.readString(file).strip()).isEqualTo(key);
		assertThat(second.decrypt(stored)).isEqualTo("13812345678");

		PersonalDataCipher elsewhere = PersonalDataCipherConfiguration.cipher("", true, dataDir.resolve("other"));
		assertThatThrownBy(() -> elsewhere.decrypt(stored)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void valuesNameTheirKeyAndTheFormatFromBeforeKeyIdsReadsAsKeyOne() {
		String stored = this.cipher.encrypt("13812345678");
		assertThat(stored).startsWith("sm4g1:k1:");
		assertThat(PersonalDataCipher.keyId(stored)).hasValue(1);
		// the format written before key ids: sm4g1: + the same base64
		String legacy = "sm4g1:" + stored.substring("sm4g1:k1:".length());
		assertThat(PersonalDataCipher.keyId(legacy)).hasValue(1);
		assertThat(this.cipher.decrypt(legacy)).isEqualTo("13812345678");
		assertThat(PersonalDataCipher.keyId("13812345678")).isEmpty();

		byte[] key1 = Base64.getDecoder().decode(KEY);
		byte[] key2 = "another-16-bytes".getBytes();
		PersonalDataCipher rotated = new PersonalDataCipher(new Keyring(2, java.util.Map.of(1, key1, 2, key2)));
		String underTwo = rotated.encrypt("13900001111");
		assertThat(underTwo).startsWith("sm4g1:k2:");
		assertThat(rotated.decrypt(stored)).isEqualTo("13812345678");
		assertThat(rotated.decrypt(legacy)).isEqualTo("13812345678");
		assertThatThrownBy(() -> this.cipher.decrypt(underTwo)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SM4 key 2");
		PersonalDataCipher onlyTwo = new PersonalDataCipher(new Keyring(2, java.util.Map.of(2, key2)));
		assertThat(onlyTwo.decrypt(underTwo)).isEqualTo("13900001111");
		assertThatThrownBy(() -> onlyTwo.decrypt(stored)).hasMessageContaining("SM4 key 1");
	}

	@Test
	void configuredRetiredKeysAndNumberedKeyFilesMakeTheKeyring(@TempDir Path dataDir) {
		String key2 = Base64.getEncoder().encodeToString("another-16-bytes".getBytes());
		PersonalDataCipher configured = PersonalDataCipherConfiguration.cipher(key2, 2, "1:" + KEY, false, dataDir);
		assertThat(configured.currentKeyId()).isEqualTo(2);
		assertThat(configured.keyring().retiredIds()).containsExactly(1);
		assertThat(configured.decrypt(this.cipher.encrypt("x"))).isEqualTo("x");
		assertThatThrownBy(() -> PersonalDataCipherConfiguration.cipher(key2, 2, "1:c2hvcnQ=", false, dataDir))
			.hasMessageContaining("Refusing to start")
			.hasMessageNotContaining("c2hvcnQ=");

		PersonalDataCipher first = PersonalDataCipherConfiguration.cipher("", true, dataDir);
		String underOne = first.encrypt("13812345678");
		assertThat(Keyring.createNext(dataDir, "sm4.key", 16)).isEqualTo(2);
		PersonalDataCipher second = PersonalDataCipherConfiguration.cipher("", true, dataDir);
		assertThat(second.currentKeyId()).isEqualTo(2);
		assertThat(second.encrypt("a")).startsWith("sm4g1:k2:");
		assertThat(second.decrypt(underOne)).isEqualTo("13812345678");
	}

}
