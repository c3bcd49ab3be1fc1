package cn.zhongchuang.platform;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The key rotation command of the operations manual: <pre>
 * java -jar zhongchuang.jar rotate-keys [--new-key] [--batch-size=500] [--zhongchuang.data-dir=./data]
 * </pre> It starts the application without serving (like {@code restore}), rewrites every
 * encrypted column under the current SM4 key ({@link PersonalDataKeyRotation}) and says
 * which retired keys are no longer used. In production the keys come from the
 * configuration: put the new key in {@code ZHONGCHUANG_CRYPTO_SM4_KEY} with a new
 * {@code ZHONGCHUANG_CRYPTO_SM4_KEY_ID}, the old one into
 * {@code ZHONGCHUANG_CRYPTO_SM4_RETIRED_KEYS}, restart the nodes one by one, run this
 * command with the same environment (the nodes keep serving), then drop the retired key
 * and restart again. With the keys in the data directory, {@code --new-key} first creates
 * the next key file ({@code sm4.key.N}), which becomes current. A run that stops is
 * resumed by running the command again (without {@code --new-key}).
 */
public final class KeyRotationCommand {

	private KeyRotationCommand() {
	}

	/** Runs {@code rotate-keys} when the arguments ask for it. */
	public static boolean run(Class<?> application, String[] args) {
		if (args.length < 1 || !args[0].equals("rotate-keys")) {
			return false;
		}
		Path dataDir = Path
			.of(option(args, "zhongchuang.data-dir")
				.orElse(Optional.ofNullable(System.getenv("ZHONGCHUANG_DATA_DIR")).orElse("./data")))
			.toAbsolutePath()
			.normalize();
		boolean configured = System.getenv("ZHONGCHUANG_CRYPTO_SM4_KEY") != null
				&& !System.getenv("ZHONGCHUANG_CRYPTO_SM4_KEY").isBlank();
		if (List.of(args).contains("--new-key")) {
			if (configured) {
				throw new IllegalStateException(
						"The SM4 keys come from ZHONGCHUANG_CRYPTO_SM4_KEY: put the new key there "
								+ "(with ZHONGCHUANG_CRYPTO_SM4_KEY_ID and the old one in ZHONGCHUANG_CRYPTO_SM4_RETIRED_KEYS) "
								+ "instead of --new-key");
			}
			int id = Keyring.createNext(dataDir, PersonalDataCipherConfiguration.KEY_FILE, 16);
			System.out.println("新密钥 / new SM4 key " + id + " in " + dataDir);
		}
		int batchSize = option(args, "batch-size").map(Integer::parseInt).orElse(500);
		PersonalDataKeyRotation.Result result = rotate(application, dataDir, batchSize);
		System.out
			.println((result.complete() ? "密钥轮换完成 / rotation complete" : "密钥轮换未完成，请再次运行 / run again") + ": current key "
					+ result.keyId() + ", rewritten " + result.rewritten() + ", left " + result.remaining());
		if (result.complete() && !configured) {
			Map<Integer, Path> files = Keyring.files(dataDir, PersonalDataCipherConfiguration.KEY_FILE);
			files.remove(result.keyId());
			files.values()
				.forEach((f) -> System.out.println("no longer used, may be removed (keep it with old backups): " + f));
		}
		if (!result.complete()) {
			System.exit(1);
		}
		return true;
	}

	/** Starts the application on {@code dataDir} without serving and rotates. */
	public static PersonalDataKeyRotation.Result rotate(Class<?> application, Path dataDir, int batchSize) {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		List<String> args = new ArrayList<>();
		args.add("--zhongchuang.data-dir=" + dataDir);
		args.add("--zhongchuang.keys-from-data-dir=true");
		args.add("--zhongchuang.demo-data=false");
		// needed only to start on a database without accounts; replaced by theirs
		args.add("--zhongchuang.admin.initial-password=Rz9!" + Base64.getEncoder().encodeToString(random));
		args.add("--spring.main.banner-mode=off");
		args.add("--server.port=0");
		try (ConfigurableApplicationContext context = new SpringApplication(application)
			.run(args.toArray(String[]::new))) {
			return context.getBean(PersonalDataKeyRotation.class).rotate(batchSize);
		}
	}

	private static Optional<String> option(String[] args, String name) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return Optional.of(arg.substring(name.length() + 3));
			}
		}
		return Optional.empty();
	}

}
