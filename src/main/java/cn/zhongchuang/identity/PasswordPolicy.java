package cn.zhongchuang.identity;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * 等保 password rules: at least 8 characters from at least 3 of the classes upper case,
 * lower case, digits and symbols; not the login name; not a well-known default.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final Set<String> WELL_KNOWN = Set.of("password", "password1", "admin123", "admin@123", "Admin@123",
			"Admin123!", "12345678", "123456789", "qwerty123", "Demo@2026", "P@ssw0rd", "Passw0rd!", "Zc@123456");

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "@#%&*+-=?";

	private static final SecureRandom random = new SecureRandom();

	private PasswordPolicy() {
	}

	/** The reason the password is refused, in Chinese, or empty when acceptable. */
	static Optional<String> violation(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("密码至少 " + MIN_LENGTH + " 位");
		}
		if (password.length() > 128) {
			return Optional.of("密码不能超过 128 位");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch((c) -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			return Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少三类");
		}
		if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			return Optional.of("密码不能包含登录名");
		}
		if (isWellKnown(password)) {
			return Optional.of("该密码过于常见，请换一个");
		}
		return Optional.empty();
	}

	static boolean isWellKnown(String password) {
		return WELL_KNOWN.stream().anyMatch((p) -> p.equalsIgnoreCase(password));
	}

	/**
	 * A random temporary password that satisfies the policy, for an administrator's
	 * reset.
	 */
	static String temporary() {
		StringBuilder sb = new StringBuilder();
		String all = UPPER + LOWER + DIGITS + SYMBOLS;
		sb.append(pick(UPPER)).append(pick(LOWER)).append(pick(DIGITS)).append(pick(SYMBOLS));
		for (int i = 0; i < 8; i++) {
			sb.append(pick(all));
		}
		return sb.toString();
	}

	private static char pick(String alphabet) {
		return alphabet.charAt(random.nextInt(alphabet.length()));
	}

}
