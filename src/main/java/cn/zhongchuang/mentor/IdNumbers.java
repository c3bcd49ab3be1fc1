package cn.zhongchuang.mentor;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 居民身份证号码 (GB 11643-1999): 18 characters, the first 17 digits, a valid birth date at
 * positions 7–14 and the ISO 7064 MOD 11-2 check character (0–9 or X) last.
 */
final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	static String normalise(String id) {
		return (id == null) ? "" : id.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	/** Why the number is not a valid ID number, or null when it is. */
	static String problem(String id) {
		String n = normalise(id);
		if (n.isEmpty()) {
			return "请填写身份证号";
		}
		if (!n.matches("[0-9]{17}[0-9X]")) {
			return "身份证号应为 18 位（前 17 位为数字，末位为数字或 X）";
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
					Integer.parseInt(n.substring(12, 14)));
			if (birth.getYear() < 1900) {
				return "身份证号中的出生日期无效";
			}
		}
		catch (DateTimeException ex) {
			return "身份证号中的出生日期无效";
		}
		if (n.charAt(17) != checkChar(n)) {
			return "身份证号校验位不正确";
		}
		return null;
	}

	static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/**
	 * The number with a valid check character appended to the 17 digits given (tests,
	 * demo).
	 */
	static String withCheck(String first17) {
		return first17 + checkChar(first17);
	}

	/** Shown to staff in lists: the first 6 and the last 4 characters. */
	static String masked(String id) {
		String n = normalise(id);
		return (n.length() < 10) ? "****" : n.substring(0, 6) + "********" + n.substring(n.length() - 4);
	}

}
