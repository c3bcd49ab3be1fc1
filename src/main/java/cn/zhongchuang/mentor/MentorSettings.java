package cn.zhongchuang.mentor;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The system's settings for 创业导师认定 (the seed names the certification but neither a term
 * nor a number format): {@code zhongchuang.mentor.term-years} (default 3: a certificate
 * is valid from the day of certification to the day before the same date that many years
 * later), {@code …number-format} (default {@code {prefix}〔{year}〕{seq}号}, {@code seq}
 * three digits, one sequence per province and year) and {@code …prefixes} by province
 * code (default 320000 = 苏创导; a province without one gets its name without 省/市/自治区 + 创导).
 */
@ConfigurationProperties("zhongchuang.mentor")
record MentorSettings(Integer termYears, String numberFormat, Map<String, String> prefixes) {

	MentorSettings {
		termYears = (termYears == null) ? 3 : termYears;
		if (termYears < 1 || termYears > 10) {
			throw new IllegalArgumentException("zhongchuang.mentor.term-years must be 1 to 10");
		}
		numberFormat = (numberFormat == null || numberFormat.isBlank()) ? "{prefix}〔{year}〕{seq}号" : numberFormat;
		if (!numberFormat.contains("{seq}")) {
			throw new IllegalArgumentException("zhongchuang.mentor.number-format must contain {seq}");
		}
		prefixes = (prefixes == null || prefixes.isEmpty()) ? Map.of("320000", "苏创导") : Map.copyOf(prefixes);
	}

	String number(String provinceCode, String provinceName, int year, int seq) {
		String prefix = this.prefixes.get(provinceCode);
		if (prefix == null) {
			prefix = provinceName.replaceAll("(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$", "") + "创导";
		}
		return this.numberFormat.replace("{prefix}", prefix)
			.replace("{year}", String.valueOf(year))
			.replace("{seq}", String.format("%03d", seq));
	}

}
