package cn.zhongchuang.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SM4 key rotation over every encrypted column of the running application's database:
 * values under key 1 (both formats) are rewritten under key 2 in batches; a run stopped
 * after some batches and run again completes; afterwards key 1 can be removed, every
 * value still decrypts to what it was and no key-1 ciphertext is left; each batch is
 * audited.
 */
@IntegrationTest
class PersonalDataKeyRotationTests {

	static final byte[] KEY_2 = "rotation-key-2!!".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	PersonalDataKeyRotation rotation;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	JdbcClient jdbc;

	@Value("${zhongchuang.crypto.sm4-key}")
	String key1;

	@AfterEach
	void rotateBackToTheContextsKey() {
		// the shared context reads key 1 only: leave the database as it found it
		PersonalDataKeyRotation.Result back = this.rotation
			.with(new PersonalDataCipher(new Keyring(1, Map.of(1, key1(), 2, KEY_2))))
			.rotate(500);
		assertThat(back.complete()).isTrue();
	}

	@Test
	void everyValueIsRewrittenUnderTheNewKeyAndTheOldKeyCanThenBeRemoved() {
		assertThat(this.rotation.columns()).extracting(EncryptedColumn::toString)
			.contains("user_account.phone", "expert.phone", "operator_organisation.contact_phone",
					"notice_objection.phone", "user_totp.secret");
		// one value in the format from before key ids (sm4g1: without k1:), one plaintext
		String legacyId = this.jdbc.sql("SELECT min(id)::text FROM expert WHERE phone LIKE 'sm4g1:k1:%'")
			.query(String.class)
			.single();
		this.jdbc.sql("UPDATE expert SET phone = 'sm4g1:' || substr(phone, 10) WHERE id = :id::bigint")
			.param("id", legacyId)
			.update();
		this.jdbc
			.sql("UPDATE operator_organisation SET contact_phone = '13900001111' WHERE id = "
					+ "(SELECT min(id) FROM operator_organisation)")
			.update();
		Map<String, String> before = plaintexts(this.cipher);
		assertThat(before).containsEntry(
				"operator_organisation.contact_phone#"
						+ this.jdbc.sql("SELECT min(id) FROM operator_organisation").query(Long.class).single(),
				"13900001111");
		assertThat(before.size()).isGreaterThan(6);
		long auditedBefore = audited();

		PersonalDataKeyRotation toKey2 = this.rotation
			.with(new PersonalDataCipher(new Keyring(2, Map.of(1, key1(), 2, KEY_2))));
		// stopped after two batches of two, as a killed run would be
		PersonalDataKeyRotation.Result partial = toKey2.rotate(2, 2);
		assertThat(partial.complete()).isFalse();
		assertThat(partial.rewritten().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
		assertThat(partial.remaining().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before.size() - 4);
		assertThat(plaintexts(new PersonalDataCipher(new Keyring(2, Map.of(1, key1(), 2, KEY_2)))))
			.as("nothing lost in between")
			.isEqualTo(before);

		PersonalDataKeyRotation.Result rest = toKey2.rotate(3);
		assertThat(rest.complete()).isTrue();
		assertThat(rest.rewritten().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(before.size() - 4);
		for (EncryptedColumn c : this.rotation.columns()) {
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL AND " + c.column()
						+ " NOT LIKE 'sm4g1:k2:%'")
				.query(Long.class)
				.single()).as("values of %s not under key 2", c).isZero();
		}
		// key 1 removed from the keyring: everything still reads as before
		PersonalDataCipher onlyKey2 = new PersonalDataCipher(new Keyring(2, Map.of(2, KEY_2)));
		assertThat(plaintexts(onlyKey2)).isEqualTo(before);
		String sample = this.jdbc.sql("SELECT phone FROM expert WHERE id = :id::bigint")
			.param("id", legacyId)
			.query(String.class)
			.single();
		assertThatThrownBy(() -> this.cipher.decrypt(sample)).hasMessageContaining("SM4 key 2");
		assertThat(audited()).as("each batch and each run audited").isGreaterThanOrEqualTo(auditedBefore + 2 + 1);
	}

	private long audited() {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SM4_KEY_ROTATION'")
			.query(Long.class)
			.single();
	}

	private Map<String, String> plaintexts(PersonalDataCipher with) {
		Map<String, String> all = new LinkedHashMap<>();
		for (EncryptedColumn c : this.rotation.columns()) {
			this.jdbc
				.sql("SELECT " + c.idColumn() + " AS id, " + c.column() + " AS v FROM " + c.table() + " WHERE "
						+ c.column() + " IS NOT NULL ORDER BY 1")
				.query((rs) -> {
					all.put(c + "#" + rs.getLong("id"), with.decrypt(rs.getString("v")));
				});
		}
		return all;
	}

	private byte[] key1() {
		return Base64.getDecoder().decode(this.key1);
	}

}
