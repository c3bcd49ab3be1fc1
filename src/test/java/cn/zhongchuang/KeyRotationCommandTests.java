package cn.zhongchuang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhongchuang.platform.EncryptedColumn;
import cn.zhongchuang.platform.KeyRotationCommand;
import cn.zhongchuang.platform.Keyring;
import cn.zhongchuang.platform.PersonalDataCipher;
import cn.zhongchuang.platform.PersonalDataKeyRotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rotate-keys} command on a data directory, as an operator runs it: a demo
 * start leaves personal data under key 1; {@code rotate-keys --new-key} creates key 2 and
 * rewrites everything; with key 1's file deleted, the next start reads every value as
 * before and the database holds nothing under key 1.
 */
class KeyRotationCommandTests {

	@Test
	void rotateKeysWithANewKeyRewritesEverythingAndKeyOneCanThenBeDeleted(@TempDir Path dataDir) throws Exception {
		Map<String, String> before;
		try (ConfigurableApplicationContext demo = start(dataDir)) {
			before = plaintexts(demo);
		}
		assertThat(before).isNotEmpty();
		assertThat(Keyring.files(dataDir, "sm4.key")).containsOnlyKeys(1);

		assertThat(KeyRotationCommand.run(ZhongchuangApplication.class,
				new String[] { "rotate-keys", "--new-key", "--batch-size=7", "--zhongchuang.data-dir=" + dataDir }))
			.isTrue();
		assertThat(Keyring.files(dataDir, "sm4.key")).containsOnlyKeys(1, 2);

		Files.delete(dataDir.resolve("sm4.key"));
		try (ConfigurableApplicationContext after = start(dataDir)) {
			PersonalDataCipher cipher = after.getBean(PersonalDataCipher.class);
			assertThat(cipher.keyring().ids()).containsExactly(2);
			assertThat(plaintexts(after)).isEqualTo(before);
			JdbcClient jdbc = after.getBean(JdbcClient.class);
			for (EncryptedColumn c : after.getBean(PersonalDataKeyRotation.class).columns()) {
				assertThat(jdbc
					.sql("SELECT count(*) FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL AND " + c.column()
							+ " NOT LIKE 'sm4g1:k2:%'")
					.query(Long.class)
					.single()).as("%s outside key 2", c).isZero();
			}
			assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SM4_KEY_ROTATION'")
				.query(Long.class)
				.single()).isPositive();
		}
	}

	private static Map<String, String> plaintexts(ConfigurableApplicationContext context) {
		PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Map<String, String> all = new LinkedHashMap<>();
		for (EncryptedColumn c : context.getBean(PersonalDataKeyRotation.class).columns()) {
			jdbc.sql("SELECT " + c.idColumn() + " AS id, " + c.column() + " AS v FROM " + c.table() + " WHERE "
					+ c.column() + " IS NOT NULL ORDER BY 1")
				.query((rs) -> {
					all.put(c + "#" + rs.getLong("id"), cipher.decrypt(rs.getString("v")));
				});
		}
		return all;
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(ZhongchuangApplication.class).run("--zhongchuang.data-dir=" + dataDir,
				"--server.port=0", "--logging.level.root=WARN");
	}

}
