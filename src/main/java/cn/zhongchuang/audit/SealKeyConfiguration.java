package cn.zhongchuang.audit;

import java.nio.file.Path;

import cn.zhongchuang.platform.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the seal keys come from (see {@link Seals}): {@code zhongchuang.seal.hmac-key}
 * ({@code ZHONGCHUANG_SEAL_HMAC_KEY}), its id {@code zhongchuang.seal.key-id}
 * ({@code ZHONGCHUANG_SEAL_KEY_ID}, default 1) and retired keys still verified
 * {@code zhongchuang.seal.retired-keys} ({@code ZHONGCHUANG_SEAL_RETIRED_KEYS},
 * {@code id:base64,…}); production (no demo data) refuses to start without a key; a demo
 * keeps them in the data directory ({@code seal-hmac.key} = key 1,
 * {@code seal-hmac.key.N}, the highest current).
 */
@Configuration(proxyBeanMethods = false)
class SealKeyConfiguration {

	static final String KEY_FILE = "seal-hmac.key";

	private static final Logger log = LoggerFactory.getLogger(SealKeyConfiguration.class);

	@Bean
	Seals seals(@Value("${zhongchuang.seal.hmac-key:}") String configured,
			@Value("${zhongchuang.seal.key-id:1}") int keyId,
			@Value("${zhongchuang.seal.retired-keys:}") String retired, @Value("${zhongchuang.demo-data}") boolean demo,
			@Value("${zhongchuang.keys-from-data-dir:false}") boolean fromDataDir,
			@Value("${zhongchuang.data-dir}") String dataDir) {
		return seals(configured, keyId, retired, demo || fromDataDir, Path.of(dataDir));
	}

	static Seals seals(String configured, int keyId, String retired, boolean filesAllowed, Path dataDir) {
		try {
			if (configured != null && !configured.isBlank()) {
				return new Seals(Keyring.fromConfiguration(configured, keyId, retired));
			}
			if (!filesAllowed) {
				throw new IllegalStateException("Refusing to start: no key for the seals (HMAC-SM3) configured. "
						+ "Set ZHONGCHUANG_SEAL_HMAC_KEY (zhongchuang.seal.hmac-key), e.g. from openssl rand -base64 32.");
			}
			Path dir = dataDir.toAbsolutePath().normalize();
			boolean generated = Keyring.files(dir, KEY_FILE).isEmpty();
			Seals seals = new Seals(Keyring.fromFiles(dir, KEY_FILE, 32));
			if (generated) {
				log.info("Generated the seal key in {} (demo and development only)", dir.resolve(KEY_FILE));
			}
			return seals;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Refusing to start: the seal keys: " + ex.getMessage()
					+ " (ZHONGCHUANG_SEAL_HMAC_KEY, _KEY_ID, _RETIRED_KEYS; base64 of at least 16 bytes).");
		}
	}

}
