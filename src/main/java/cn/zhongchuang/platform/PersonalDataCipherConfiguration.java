package cn.zhongchuang.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the SM4 key for personal data comes from: {@code zhongchuang.crypto.sm4-key}
 * (environment {@code ZHONGCHUANG_CRYPTO_SM4_KEY}, base64 of 16 bytes). Without it,
 * production (no demo data) refuses to start, like for a missing administrator password;
 * a demo or development start generates a random key once and keeps it in the data
 * directory (file sm4.key, owner-only permissions), so its data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataCipherConfiguration {

	static final String KEY_FILE = "sm4.key";

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCipherConfiguration.class);

	@Bean
	PersonalDataCipher personalDataCipher(@Value("${zhongchuang.crypto.sm4-key:}") String configuredKey,
			@Value("${zhongchuang.demo-data}") boolean demo, @Value("${zhongchuang.data-dir}") String dataDir) {
		return cipher(configuredKey, demo, Path.of(dataDir));
	}

	static PersonalDataCipher cipher(String configuredKey, boolean demo, Path dataDir) {
		if (configuredKey != null && !configuredKey.isBlank()) {
			try {
				return PersonalDataCipher.fromBase64(configuredKey);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Refusing to start: " + ex.getMessage()
						+ " (ZHONGCHUANG_CRYPTO_SM4_KEY, zhongchuang.crypto.sm4-key).");
			}
		}
		if (!demo) {
			throw new IllegalStateException("Refusing to start: no SM4 key for personal data configured. "
					+ "Set ZHONGCHUANG_CRYPTO_SM4_KEY (zhongchuang.crypto.sm4-key), e.g. from openssl rand -base64 16.");
		}
		Path file = dataDir.toAbsolutePath().normalize().resolve(KEY_FILE);
		boolean generated = !Files.exists(file);
		PersonalDataCipher cipher = PersonalDataCipher.fromBase64(SecretFiles.readOrCreate(file, 16));
		if (generated) {
			log.info("Generated the SM4 key for personal data in {} (demo and development only)", file);
		}
		return cipher;
	}

}
