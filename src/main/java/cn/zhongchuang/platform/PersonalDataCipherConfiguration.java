package cn.zhongchuang.platform;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the SM4 keys for personal data come from. Production: the current key
 * {@code zhongchuang.crypto.sm4-key} (environment {@code ZHONGCHUANG_CRYPTO_SM4_KEY},
 * base64 of 16 bytes), its id {@code zhongchuang.crypto.sm4-key-id}
 * ({@code ZHONGCHUANG_CRYPTO_SM4_KEY_ID}, default 1) and the retired keys still read
 * during a rotation {@code zhongchuang.crypto.sm4-retired-keys}
 * ({@code ZHONGCHUANG_CRYPTO_SM4_RETIRED_KEYS}, {@code id:base64,…}). Without a key,
 * production (no demo data) refuses to start, like for a missing administrator password;
 * a demo or development start (or a command run on a data directory, with
 * {@code zhongchuang.keys-from-data-dir}) keeps the keys in the data directory:
 * {@code sm4.key} is key 1, {@code sm4.key.2}, … later ones, the highest current (see
 * {@link Keyring}), generated once, owner-only.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataCipherConfiguration {

	static final String KEY_FILE = "sm4.key";

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCipherConfiguration.class);

	@Bean
	PersonalDataCipher personalDataCipher(@Value("${zhongchuang.crypto.sm4-key:}") String configuredKey,
			@Value("${zhongchuang.crypto.sm4-key-id:1}") int keyId,
			@Value("${zhongchuang.crypto.sm4-retired-keys:}") String retired,
			@Value("${zhongchuang.demo-data}") boolean demo,
			@Value("${zhongchuang.keys-from-data-dir:false}") boolean fromDataDir,
			@Value("${zhongchuang.data-dir}") String dataDir) {
		return cipher(configuredKey, keyId, retired, demo || fromDataDir, Path.of(dataDir));
	}

	static PersonalDataCipher cipher(String configuredKey, boolean demo, Path dataDir) {
		return cipher(configuredKey, 1, "", demo, dataDir);
	}

	static PersonalDataCipher cipher(String configuredKey, int keyId, String retired, boolean filesAllowed,
			Path dataDir) {
		if (configuredKey != null && !configuredKey.isBlank()) {
			try {
				return new PersonalDataCipher(Keyring.fromConfiguration(configuredKey, keyId, retired));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Refusing to start: the SM4 keys: " + ex.getMessage()
						+ " (ZHONGCHUANG_CRYPTO_SM4_KEY, _KEY_ID, _RETIRED_KEYS; each base64 of 16 bytes).");
			}
		}
		if (!filesAllowed) {
			throw new IllegalStateException("Refusing to start: no SM4 key for personal data configured. "
					+ "Set ZHONGCHUANG_CRYPTO_SM4_KEY (zhongchuang.crypto.sm4-key), e.g. from openssl rand -base64 16.");
		}
		Path dir = dataDir.toAbsolutePath().normalize();
		boolean generated = Keyring.files(dir, KEY_FILE).isEmpty();
		PersonalDataCipher cipher;
		try {
			cipher = new PersonalDataCipher(Keyring.fromFiles(dir, KEY_FILE, 16));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Refusing to start: the SM4 key files in " + dir + ": " + ex.getMessage());
		}
		if (generated) {
			log.info("Generated the SM4 key for personal data in {} (demo and development only)",
					dir.resolve(KEY_FILE));
		}
		return cipher;
	}

}
