package cn.zhongchuang.mentor;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.zhongchuang.platform.EncryptedColumn;
import cn.zhongchuang.platform.PublicPaths;
import cn.zhongchuang.platform.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public registry's paths, the two encrypted personal columns and the key of the ID
 * number's blind index ({@code zhongchuang.mentor.id-index-key} /
 * {@code ZHONGCHUANG_MENTOR_ID_INDEX_KEY}, base64 of at least 16 bytes; a demo or
 * development start keeps {@code mentor-id-index.key} in the data directory; production
 * refuses to start without one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MentorSettings.class)
class MentorConfiguration {

	static final String KEY_FILE = "mentor-id-index.key";

	private static final Logger log = LoggerFactory.getLogger(MentorConfiguration.class);

	@Bean
	PublicPaths publicMentorRegistry() {
		return PublicPaths.pages("/mentors", "/api/v1/mentors");
	}

	@Bean
	static EncryptedColumn mentorIdNumber() {
		return new EncryptedColumn("mentor_certification", "id_number");
	}

	@Bean
	static EncryptedColumn mentorPhone() {
		return new EncryptedColumn("mentor_certification", "phone");
	}

	@Bean
	MentorIdIndex mentorIdIndex(@Value("${zhongchuang.mentor.id-index-key:}") String configured,
			@Value("${zhongchuang.demo-data}") boolean demo,
			@Value("${zhongchuang.keys-from-data-dir:false}") boolean fromDataDir,
			@Value("${zhongchuang.data-dir}") String dataDir) {
		if (!configured.isBlank()) {
			try {
				return MentorIdIndex.fromBase64(configured);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Refusing to start: " + ex.getMessage()
						+ " (ZHONGCHUANG_MENTOR_ID_INDEX_KEY, zhongchuang.mentor.id-index-key).");
			}
		}
		if (!demo && !fromDataDir) {
			throw new IllegalStateException("Refusing to start: no key for the mentor ID number index configured. "
					+ "Set ZHONGCHUANG_MENTOR_ID_INDEX_KEY (zhongchuang.mentor.id-index-key), e.g. from openssl rand -base64 32.");
		}
		Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve(KEY_FILE);
		boolean generated = !Files.exists(file);
		MentorIdIndex index = MentorIdIndex.fromBase64(SecretFiles.readOrCreate(file, 32));
		if (generated) {
			log.info("Generated the mentor ID index key in {} (demo and development only)", file);
		}
		return index;
	}

}
