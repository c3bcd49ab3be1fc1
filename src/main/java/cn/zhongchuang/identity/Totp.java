package cn.zhongchuang.identity;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords of RFC 6238 as authenticator apps compute them:
 * HMAC-SHA1, six digits, a 30-second step, secrets in RFC 4648 base32. Pure functions, no
 * state.
 */
final class Totp {

	static final int DIGITS = 6;

	static final long STEP_SECONDS = 30;

	/** Steps either side of the current one that are still accepted (clock drift). */
	static final int WINDOW = 1;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new 160-bit secret, base32 without padding (32 characters). */
	static String newSecret() {
		byte[] key = new byte[20];
		RANDOM.nextBytes(key);
		return base32(key);
	}

	/** The time step an instant falls in (Unix time divided by 30 s). */
	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one step with the given number of digits (RFC 4226 truncation). */
	static String code(byte[] key, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			long modulus = (long) Math.pow(10, digits);
			String text = Long.toString(binary % modulus);
			return "0".repeat(digits - text.length()) + text;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 unavailable", ex);
		}
	}

	/** The six-digit code of a base32 secret at an instant. */
	static String code(String base32Secret, Instant at) {
		return code(decode(base32Secret), step(at), DIGITS);
	}

	/**
	 * The step whose code the user typed, searching the current step and {@link #WINDOW}
	 * either side; only steps after {@code lastUsedStep} count, so a code is accepted at
	 * most once.
	 * @param lastUsedStep the step last accepted for this secret, or a negative number
	 * @return the matching step, empty when the code is wrong, reused or malformed
	 */
	static OptionalLong match(String base32Secret, String typed, Instant now, long lastUsedStep) {
		String digits = (typed != null) ? typed.replaceAll("[\\s-]", "") : "";
		if (!digits.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		byte[] key = decode(base32Secret);
		long current = step(now);
		for (long s = current - WINDOW; s <= current + WINDOW; s++) {
			boolean equal = MessageDigest.isEqual(code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII),
					digits.getBytes(StandardCharsets.US_ASCII));
			if (equal && s > lastUsedStep) {
				return OptionalLong.of(s);
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * Whether the code is right for a step already used: a replay, told apart from a
	 * wrong code only for the audit trail.
	 */
	static boolean isReplay(String base32Secret, String typed, Instant now, long lastUsedStep) {
		String digits = (typed != null) ? typed.replaceAll("[\\s-]", "") : "";
		if (lastUsedStep < 0 || !digits.matches("[0-9]{" + DIGITS + "}")) {
			return false;
		}
		byte[] key = decode(base32Secret);
		long current = step(now);
		for (long s = current - WINDOW; s <= Math.min(current + WINDOW, lastUsedStep); s++) {
			if (code(key, s, DIGITS).equals(digits)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The key URI authenticator apps read (Google Authenticator key URI format):
	 * otpauth://totp/ISSUER:ACCOUNT?secret=...&amp;issuer=...
	 */
	static String uri(String issuer, String account, String base32Secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	/** The secret in groups of four for typing by hand. */
	static String grouped(String base32Secret) {
		return base32Secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	static String base32(byte[] data) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] decode(String base32) {
		String text = base32.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not base32: " + c);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
