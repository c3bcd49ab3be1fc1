package cn.zhongchuang.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the demo and development starts keep in the data directory (an SM4 key, the
 * audit HMAC key, the embedded database's role passwords): created once with random
 * bytes, readable by the owner only (mode 600), reused on every later start. Production
 * takes its secrets from configuration instead.
 */
public final class SecretFiles {

	private SecretFiles() {
	}

	/**
	 * The base64 text kept in {@code file}, created with {@code bytes} random bytes on
	 * first use.
	 */
	public static String readOrCreate(Path file, int bytes) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] secret = new byte[bytes];
				new SecureRandom().nextBytes(secret);
				try {
					if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
						Files.createFile(file,
								PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					}
					else {
						Files.createFile(file);
					}
					Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n",
							StandardCharsets.US_ASCII);
				}
				catch (FileAlreadyExistsException ex) {
					// created by a concurrent start: use that one
				}
			}
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the secret file " + file, ex);
		}
	}

}
