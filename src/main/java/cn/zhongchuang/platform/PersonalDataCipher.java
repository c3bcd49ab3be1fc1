package cn.zhongchuang.platform;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 encryption at rest for personal data (phone numbers, ID numbers): SM4-GCM with a
 * random 12-byte nonce per value and a 128-bit tag, stored as text
 * {@code sm4g1:k<key id>:} + base64 of nonce, ciphertext and tag. The key id names the
 * key of the {@link Keyring} the value was written under; a value {@code sm4g1:} + base64
 * without a key id (written before keys rotated) is under key 1. New values are written
 * under the current key; retired keys are still read until
 * {@link PersonalDataKeyRotation} has rewritten every value. A value without the prefix
 * is plaintext left from before encryption was introduced: {@link #decrypt} returns it as
 * it is and the start-up backfill encrypts it once (see {@link EncryptedColumn}). A
 * tampered value or one written under a key the keyring lacks is refused with an
 * exception, never returned as garbage. The keys come from
 * {@code zhongchuang.crypto.sm4-key} (and {@code …sm4-key-id}, {@code …sm4-retired-keys})
 * or the data directory's files and are never logged.
 */
public final class PersonalDataCipher {

	/** The prefix of every encrypted value; the digit is the format version. */
	public static final String PREFIX = "sm4g1:";

	private static final int KEY_BYTES = 16;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final Pattern KEYED = Pattern.compile("k([1-9][0-9]{0,5}):");

	private final Keyring keyring;

	private final SecureRandom random = new SecureRandom();

	/** A cipher with one 16-byte SM4 key, key id 1. */
	public PersonalDataCipher(byte[] key) {
		this(Keyring.single(checked(key)));
	}

	/** A cipher with a keyring of 16-byte SM4 keys. */
	public PersonalDataCipher(Keyring keyring) {
		for (int id : keyring.ids()) {
			checked(keyring.key(id).orElseThrow());
		}
		this.keyring = keyring;
	}

	private static byte[] checked(byte[] key) {
		if (key == null || key.length != KEY_BYTES) {
			throw new IllegalArgumentException("an SM4 key has 16 bytes");
		}
		return key;
	}

	/** The id of the key new values are written under. */
	public int currentKeyId() {
		return this.keyring.currentId();
	}

	/** The keyring (current and retired keys). */
	public Keyring keyring() {
		return this.keyring;
	}

	/**
	 * The id of the key a stored encrypted value was written under (1 for values without
	 * one); empty for plaintext and null.
	 */
	public static OptionalInt keyId(String stored) {
		if (!isEncrypted(stored)) {
			return OptionalInt.empty();
		}
		Matcher m = KEYED.matcher(stored).region(PREFIX.length(), stored.length());
		return m.lookingAt() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.of(1);
	}

	/** The prefix of values written under key {@code id}, e.g. {@code sm4g1:k2:}. */
	public static String prefix(int id) {
		return PREFIX + "k" + id + ":";
	}

	/**
	 * A cipher with a key given as base64 of 16 bytes, as in configuration.
	 * @throws IllegalArgumentException when the text is not base64 of 16 bytes (the
	 * message never contains the key)
	 */
	public static PersonalDataCipher fromBase64(String base64Key) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64Key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the SM4 key is not valid base64");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException(
					"the SM4 key must be 16 bytes in base64 (openssl rand -base64 16), got " + key.length + " bytes");
		}
		return new PersonalDataCipher(key);
	}

	/** Whether a stored value is in the encrypted format (else it is plaintext). */
	public static boolean isEncrypted(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	/** The value to store for {@code plain}; null stays null. */
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		GCMModeCipher gcm = gcm(true, this.keyring.current(), nonce);
		byte[] input = plain.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(input.length)];
		System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
		int n = gcm.processBytes(input, 0, input.length, out, NONCE_BYTES);
		try {
			gcm.doFinal(out, NONCE_BYTES + n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException("SM4-GCM encryption failed", ex);
		}
		return prefix(this.keyring.currentId()) + Base64.getEncoder().encodeToString(out);
	}

	/**
	 * The plaintext of a stored value; null stays null, a value without the prefix is
	 * returned unchanged (plaintext from before).
	 * @throws IllegalStateException when the value was tampered with or written under
	 * another key
	 */
	public String decrypt(String stored) {
		if (!isEncrypted(stored)) {
			return stored;
		}
		int id = keyId(stored).getAsInt();
		byte[] key = this.keyring.key(id)
			.orElseThrow(() -> new IllegalStateException("encrypted personal data was written under SM4 key " + id
					+ ", which the keyring no longer has (rotate-keys before removing a key)"));
		Matcher m = KEYED.matcher(stored).region(PREFIX.length(), stored.length());
		int start = m.lookingAt() ? m.end() : PREFIX.length();
		byte[] all;
		try {
			all = Base64.getDecoder().decode(stored.substring(start));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("encrypted personal data is damaged (not base64)");
		}
		if (all.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new IllegalStateException("encrypted personal data is damaged (too short)");
		}
		GCMModeCipher gcm = gcm(false, key, Arrays.copyOf(all, NONCE_BYTES));
		byte[] out = new byte[gcm.getOutputSize(all.length - NONCE_BYTES)];
		int n = gcm.processBytes(all, NONCE_BYTES, all.length - NONCE_BYTES, out, 0);
		try {
			n += gcm.doFinal(out, n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException(
					"encrypted personal data fails its integrity check: tampered with, or written under another key");
		}
		return new String(out, 0, n, StandardCharsets.UTF_8);
	}

	private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce) {
		GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
		return gcm;
	}

	@Override
	public String toString() {
		return "PersonalDataCipher[SM4-GCM, current key " + this.keyring.currentId() + "]";
	}

}
