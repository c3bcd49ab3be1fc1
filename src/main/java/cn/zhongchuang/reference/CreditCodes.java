package cn.zhongchuang.reference;

import java.util.Map;

/**
 * 统一社会信用代码（GB 32100-2015）的校验与生成。
 * <p>
 * 结构：第 1 位登记管理部门代码，第 2 位机构类别代码，第 3–8 位登记管理机关行政区划码，第 9–17 位组织机构代码 （GB 11714，自带第 17 位校验位），第
 * 18 位校验码。两项校验都做：只查第 18 位会放过组织机构代码本身抄错后又重算了 校验码的代码。
 * <p>
 * 输入先做友好化处理：去掉首尾空白（含全角空格），全角数字/字母转半角，小写字母转大写——用户常从 Word 或输入法里粘贴。
 */
public final class CreditCodes {

	/** 代码字符集，下标即取值 0–30；不用 I、O、S、V、Z，以免与 1、0、5、U、2 混淆。 */
	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final int[] ORGANISATION_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	/**
	 * 登记管理部门代码 → 允许的机构类别代码（第 2 位）。GB 32100-2015 表 1，另加其后启用的 A（中央军委改革和编制办公室） 与
	 * N（农业农村部门，农村集体经济组织）。新增类别时只改这里。
	 */
	static final Map<Character, String> CATEGORIES = Map.ofEntries(
			// 机构编制：机关、事业单位、中央编办直接管理机构编制的群众团体、其他
			Map.entry('1', "1239"),
			// 外交：外国常驻新闻机构、其他
			Map.entry('2', "19"),
			// 司法行政：律师执业机构、公证处、基层法律服务所、司法鉴定机构、仲裁委员会、其他
			Map.entry('3', "123459"),
			// 文化：外国在华文化中心、其他
			Map.entry('4', "19"),
			// 民政：社会团体、民办非企业单位、基金会、其他
			Map.entry('5', "1239"),
			// 旅游：外国旅游部门常驻代表机构、港澳台地区旅游部门常驻内地（大陆）代表机构、其他
			Map.entry('6', "129"),
			// 宗教：宗教活动场所、宗教院校、其他
			Map.entry('7', "129"),
			// 工会：基层工会、其他
			Map.entry('8', "19"),
			// 工商（市场监管）：企业、个体工商户、农民专业合作社
			Map.entry('9', "123"),
			// 中央军委改革和编制办公室：军队事业单位、其他
			Map.entry('A', "19"),
			// 农业农村：组级、村级、乡镇级集体经济组织、其他
			Map.entry('N', "1239"),
			// 其他
			Map.entry('Y', "1"));

	private CreditCodes() {
	}

	/**
	 * 校验统一社会信用代码。不抛异常，{@code null} 与空白视为无效。
	 */
	public static CreditCodeCheck check(String code) {
		String c = normalize(code);
		if (c == null || c.isEmpty()) {
			return CreditCodeCheck.invalid("统一社会信用代码为空");
		}
		int length = c.codePointCount(0, c.length());
		if (length != 18) {
			return CreditCodeCheck.invalid("统一社会信用代码应为18位，实际为" + length + "位");
		}
		// 长度已确认为 18 个码点；含代理对时必有非法字符，下面逐码点报告位置
		int position = 1;
		for (int i = 0; i < c.length(); position++) {
			int cp = c.codePointAt(i);
			if (cp > 0xFFFF || ALPHABET.indexOf(cp) < 0) {
				return CreditCodeCheck.invalid("第" + position + "位字符“" + display(cp) + "”不合法：只能使用数字和除I、O、S、V、Z以外的大写字母");
			}
			i += Character.charCount(cp);
		}
		String category = c.substring(0, 2);
		String region = isDigits(c.substring(2, 8)) ? c.substring(2, 8) : null;
		String allowed = CATEGORIES.get(c.charAt(0));
		if (allowed == null) {
			return CreditCodeCheck.invalid("第1位登记管理部门代码“" + c.charAt(0) + "”不存在", region, category);
		}
		if (allowed.indexOf(c.charAt(1)) < 0) {
			return CreditCodeCheck.invalid("第2位机构类别代码“" + c.charAt(1) + "”与登记管理部门代码“" + c.charAt(0) + "”不匹配（可用："
					+ String.join("、", allowed.split("")) + "）", region, category);
		}
		if (region == null) {
			return CreditCodeCheck.invalid("第3–8位登记管理机关行政区划码应为6位数字", null, category);
		}
		char organisationCheck = organisationCheckCharacter(c.substring(8, 16));
		if (c.charAt(16) != organisationCheck) {
			return CreditCodeCheck.invalid("第9–17位组织机构代码校验失败（第17位应为" + organisationCheck + "）", region, category);
		}
		char check = checkCharacter(c.substring(0, 17));
		if (c.charAt(17) != check) {
			return CreditCodeCheck.invalid("校验码错误（第18位应为" + check + "）", region, category);
		}
		return CreditCodeCheck.ok(region, category);
	}

	/**
	 * 规范化输入以便存储与比较：去首尾空白、全角转半角、ASCII 小写转大写；不做其他改动，{@code null} 返回 {@code null}。
	 */
	public static String normalize(String code) {
		if (code == null) {
			return null;
		}
		String stripped = code.strip();
		StringBuilder out = new StringBuilder(stripped.length());
		for (int i = 0; i < stripped.length(); i++) {
			char ch = stripped.charAt(i);
			if (ch >= '\uFF01' && ch <= '\uFF5E') {
				// 全角 ASCII 区与半角相差固定偏移
				ch = (char) (ch - 0xFEE0);
			}
			if (ch >= 'a' && ch <= 'z') {
				ch = (char) (ch - 'a' + 'A');
			}
			out.append(ch);
		}
		return out.toString();
	}

	/**
	 * 生成一个两项校验都正确的代码（供测试数据生成器使用）。例如 {@code generate(“9”, “1”, “440300”, “19220382”)} 得到
	 * {@code 914403001922038216}。
	 * @param authority 第 1 位登记管理部门代码，如 {@code “9”}
	 * @param category 第 2 位机构类别代码，如 {@code “1”}（与第 1 位合起来即 {@code 91} 企业）
	 * @param region6 6 位行政区划码
	 * @param organisationCode8 组织机构代码本体的前 8 位（数字或字符集内的大写字母），校验位由本方法计算
	 * @throws IllegalArgumentException 参数不合规
	 */
	public static String generate(String authority, String category, String region6, String organisationCode8) {
		if (authority == null || authority.length() != 1 || !CATEGORIES.containsKey(authority.charAt(0))) {
			throw new IllegalArgumentException("登记管理部门代码无效：" + authority);
		}
		if (category == null || category.length() != 1 || CATEGORIES.get(authority.charAt(0)).indexOf(category) < 0) {
			throw new IllegalArgumentException("机构类别代码与登记管理部门不匹配：" + authority + category);
		}
		if (region6 == null || region6.length() != 6 || !isDigits(region6)) {
			throw new IllegalArgumentException("行政区划码应为6位数字：" + region6);
		}
		if (organisationCode8 == null || organisationCode8.length() != 8
				|| !organisationCode8.chars().allMatch((ch) -> ALPHABET.indexOf(ch) >= 0)) {
			throw new IllegalArgumentException("组织机构代码本体应为8位数字或大写字母（不含I、O、S、V、Z）：" + organisationCode8);
		}
		String first16 = authority + category + region6 + organisationCode8;
		return withCheckCharacter(first16 + organisationCheckCharacter(organisationCode8));
	}

	/**
	 * 给前 17 位补上第 18 位校验码（不检查组织机构代码校验位）。
	 * @throws IllegalArgumentException 不是 17 位字符集内的字符
	 */
	public static String withCheckCharacter(String first17) {
		if (first17 == null || first17.length() != 17 || !first17.chars().allMatch((ch) -> ALPHABET.indexOf(ch) >= 0)) {
			throw new IllegalArgumentException("应为17位数字或大写字母（不含I、O、S、V、Z）：" + first17);
		}
		return first17 + checkCharacter(first17);
	}

	/** GB 32100 第 18 位：C18 = 31 − (Σ 值×权 mod 31)，31 记为 0。 */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/**
	 * GB 11714 校验位：C9 = 11 − (Σ 值×权 mod 11)，10 记为 X，11 记为 0。注意这里字母按 A–Z 顺序取 10–35（与信用代码
	 * 字符集的取值不同，例如 J 在这里是 19，在信用代码里是 18）。
	 */
	static char organisationCheckCharacter(String first8) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			char ch = first8.charAt(i);
			int value = (ch >= '0' && ch <= '9') ? ch - '0' : ch - 'A' + 10;
			sum += value * ORGANISATION_WEIGHTS[i];
		}
		int c9 = 11 - sum % 11;
		return (c9 == 10) ? 'X' : (c9 == 11) ? '0' : (char) ('0' + c9);
	}

	private static boolean isDigits(String s) {
		return s.chars().allMatch((ch) -> ch >= '0' && ch <= '9');
	}

	/** 控制字符等不可见字符以 U+XXXX 展示，免得提示里出现“第5位字符“”不合法”。 */
	private static String display(int cp) {
		if (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)) {
			return String.format("U+%04X", cp);
		}
		return new String(Character.toChars(cp));
	}

}
