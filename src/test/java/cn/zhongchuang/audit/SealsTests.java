package cn.zhongchuang.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import cn.zhongchuang.platform.Keyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seal primitive: the documented canonical text, HMAC-SM3 under the current key, a
 * seal under a retired key still valid, a removed key reported as such, any change of a
 * field or of the seal detected; where the keys come from.
 */
class SealsTests {

	static final byte[] KEY_1 = "seal-key-one-of-at-least-16-bytes".getBytes(StandardCharsets.US_ASCII);

	static final byte[] KEY_2 = "seal-key-two-of-at-least-16-bytes".getBytes(StandardCharsets.US_ASCII);

	static SealText text(String reasons) {
		return Seals.text("application-decision").field("id", 7L).field("reasons", reasons).field("stage", null);
	}

	@Test
	void theCanonicalTextIsLinesOfNameAndValueWithNullApartFromEmpty() {
		assertThat(text("同意\n第二行 \\ 完").text())
			.isEqualTo("zhongchuang-seal-v1\napplication-decision\nid=7\nreasons=同意\\n第二行 \\\\ 完\nstage\n");
		assertThat(Seals.text("k").field("a", "").text()).isNotEqualTo(Seals.text("k").field("a", null).text());
		assertThat(Seals.text("k").field("at", java.time.Instant.parse("2026-12-01T02:03:04.5Z")).text())
			.endsWith("at=2026-12-01T02:03:04.500000Z\n");
	}

	@Test
	void aSealVerifiesUntilAFieldOrTheSealChanges() {
		Seals seals = new Seals(Keyring.single(KEY_1));
		Seals.Seal seal = seals.seal(text("同意"));
		assertThat(seal.keyId()).isEqualTo(1);
		assertThat(seal.value()).matches("[0-9a-f]{64}");
		assertThat(seals.verify(text("同意"), 1, seal.value()).status()).isEqualTo(SealCheck.Status.VALID);
		assertThat(seals.verify(text("不同意"), 1, seal.value()).status()).isEqualTo(SealCheck.Status.INVALID);
		assertThat(seals.verify(text("同意"), 1, "0".repeat(64)).status()).isEqualTo(SealCheck.Status.INVALID);
		assertThat(seals.verify(text("同意"), null, null).status()).isEqualTo(SealCheck.Status.UNSEALED);
		assertThat(new Seals(Keyring.single(KEY_2)).verify(text("同意"), 1, seal.value()).valid())
			.as("another key with the same id")
			.isFalse();
		assertThat(new SealCheck(SealCheck.Status.INVALID, 1).text()).isEqualTo("签章校验失败（记录可能被篡改）");
		assertThat(new SealCheck(SealCheck.Status.VALID, 1).text()).isEqualTo("签章有效");
	}

	@Test
	void aSealUnderARetiredKeyStillVerifiesAfterTheKeyRotates() {
		Seals.Seal old = new Seals(Keyring.single(KEY_1)).seal(text("同意"));
		Seals rotated = new Seals(new Keyring(2, Map.of(1, KEY_1, 2, KEY_2)));
		assertThat(rotated.verify(text("同意"), old.keyId(), old.value()).valid()).isTrue();
		Seals.Seal fresh = rotated.seal(text("同意"));
		assertThat(fresh.keyId()).isEqualTo(2);
		assertThat(rotated.verify(text("同意"), 2, fresh.value()).valid()).isTrue();
		Seals retiredRemoved = new Seals(new Keyring(2, Map.of(2, KEY_2)));
		assertThat(retiredRemoved.verify(text("同意"), 1, old.value()).status()).isEqualTo(SealCheck.Status.UNKNOWN_KEY);
	}

	@Test
	void productionNeedsAConfiguredKeyAndADemoKeepsNumberedKeyFiles(@TempDir Path dataDir) throws Exception {
		assertThatThrownBy(() -> SealKeyConfiguration.seals("", 1, "", false, dataDir))
			.hasMessageContaining("Refusing to start: no key for the seals")
			.hasMessageContaining("ZHONGCHUANG_SEAL_HMAC_KEY");
		assertThatThrownBy(() -> SealKeyConfiguration.seals("c2hvcnQ=", 1, "", false, dataDir))
			.hasMessageContaining("Refusing to start")
			.hasMessageNotContaining("c2hvcnQ=");
		String b1 = java.util.Base64.getEncoder().encodeToString(KEY_1);
		String b2 = java.util.Base64.getEncoder().encodeToString(KEY_2);
		Seals configured = SealKeyConfiguration.seals(b2, 2, "1:" + b1, false, dataDir);
		assertThat(configured.currentKeyId()).isEqualTo(2);
		Seals.Seal old = new Seals(Keyring.single(KEY_1)).seal(text("x"));
		assertThat(configured.verify(text("x"), 1, old.value()).valid()).isTrue();
		assertThat(dataDir.resolve(SealKeyConfiguration.KEY_FILE)).doesNotExist();

		Seals demo = SealKeyConfiguration.seals("", 1, "", true, dataDir);
		assertThat(demo.currentKeyId()).isEqualTo(1);
		assertThat(Files.readString(dataDir.resolve("seal-hmac.key")).strip()).isNotEmpty();
		assertThat(Keyring.createNext(dataDir, SealKeyConfiguration.KEY_FILE, 32)).isEqualTo(2);
		Seals next = SealKeyConfiguration.seals("", 1, "", true, dataDir);
		assertThat(next.currentKeyId()).as("the highest key file is current").isEqualTo(2);
		Seals.Seal underOne = demo.seal(text("y"));
		assertThat(next.verify(text("y"), 1, underOne.value()).valid()).isTrue();
	}

}
