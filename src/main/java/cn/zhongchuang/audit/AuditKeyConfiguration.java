package cn.zhongchuang.audit;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.zhongchuang.platform.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the audit chain's key comes from (see {@link AuditKey}); production (no demo
 * data) refuses to start without one.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

	static final String KEY_FILE = "audit-hmac.key";

	private static final Logger log = LoggerFactory.getLogger(AuditKeyConfiguration.class);

	@Bean
	AuditKey auditKey(@Value("${zhongchuang.audit.hmac-key:}") String configured,
			@Value("${zhongchuang.demo-data}") boolean demo,
			@Value("${zhongchuang.keys-from-data-dir:false}") boolean fromDataDir,
			@Value("${zhongchuang.data-dir}") String dataDir) {
		if (!configured.isBlank()) {
			try {
				return AuditKey.fromBase64(configured);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Refusing to start: " + ex.getMessage()
						+ " (ZHONGCHUANG_AUDIT_HMAC_KEY, zhongchuang.audit.hmac-key).");
			}
		}
		if (!demo && !fromDataDir) {
			throw new IllegalStateException("Refusing to start: no key for the audit chain configured. "
					+ "Set ZHONGCHUANG_AUDIT_HMAC_KEY (zhongchuang.audit.hmac-key), e.g. from openssl rand -base64 32.");
		}
		Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve(KEY_FILE);
		boolean generated = !Files.exists(file);
		AuditKey key = AuditKey.fromBase64(SecretFiles.readOrCreate(file, 32));
		if (generated) {
			log.info("Generated the audit chain key in {} (demo and development only)", file);
		}
		return key;
	}

}
