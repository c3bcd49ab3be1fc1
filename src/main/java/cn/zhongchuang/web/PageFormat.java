package cn.zhongchuang.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.region.Regions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as pages show them, for every template: {@code ${@fmt.date(x)}} gives 2026年12月1日,
 * {@code ${@fmt.dateTime(x)}} 2026年12月1日 14:05 (Beijing time), {@code ${@fmt.month(x)}}
 * 2026年12月. Takes any of the date types, an ISO text or null (empty). ISO stays in the
 * API and in exports. {@code ${@fmt.region(code)}} names a region (兰州市城关区) instead of its
 * code.
 */
@Component("fmt")
public class PageFormat {

	private final Regions regions;

	private final MessageSource messages;

	private final ObjectProvider<Accounts> accounts;

	private final ObjectProvider<PolicyCatalog> policies;

	PageFormat(Regions regions, MessageSource messages, ObjectProvider<Accounts> accounts,
			ObjectProvider<PolicyCatalog> policies) {
		this.regions = regions;
		this.messages = messages;
		this.accounts = accounts;
		this.policies = policies;
	}

	/** A policy by its title (《兰州市众创空间认定管理办法》) instead of its id. */
	public String policy(String id) {
		if (id == null || id.isBlank()) {
			return "";
		}
		PolicyCatalog catalog = this.policies.getIfAvailable();
		if (catalog == null) {
			return id;
		}
		try {
			return catalog.latest(id).title();
		}
		catch (RuntimeException ex) {
			// an id no pack knows (any more): shown as it is rather than failing the page
			return id;
		}
	}

	/**
	 * A person by their display name instead of their sign-in name: {@code system} and
	 * unknown names stay as they are.
	 */
	public String user(String username) {
		if (username == null || username.isBlank()) {
			return "";
		}
		if ("system".equals(username)) {
			return label("role", "SYSTEM");
		}
		Accounts directory = this.accounts.getIfAvailable();
		return (directory != null) ? directory.find(username).map(Accounts.Entry::displayName).orElse(username)
				: username;
	}

	/**
	 * The words for a code of the kind named by {@code prefix} ({@code audit.action},
	 * {@code audit.object}, …) from the messages: {@code ${@fmt.label('audit.action',
	 * e.action)}} gives 登录 for LOGIN. Without a message the code is shown as it is.
	 */
	public String label(String prefix, Object code) {
		if (code == null) {
			return "";
		}
		return this.messages.getMessage(prefix + "." + code, null, code.toString(), LocaleContextHolder.getLocale());
	}

	public String region(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String name = this.regions.fullName(code);
		return (name != null && !name.isBlank()) ? name : code;
	}

	private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern
		.compile("(?<!\\d)(\\d{4}-\\d{2}-\\d{2})(T[0-9:.]+Z?)?(?!\\d)");

	private static final java.util.regex.Pattern FACT_PATH = java.util.regex.Pattern
		.compile("(?<![\\w.])[a-z][A-Za-z0-9]*(?:\\[\\d+])?(?:\\.[a-z][A-Za-z0-9]*(?:\\[\\d+])?)+(?![\\w.])");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	public String date(Object value) {
		LocalDate date = localDate(value);
		if (date == null && value instanceof YearMonth month) {
			return month(month);
		}
		return (date != null) ? ChinaTime.format(date) : asText(value);
	}

	public String dateTime(Object value) {
		ZonedDateTime at = zoned(value);
		if (at == null) {
			return date(value);
		}
		return ChinaTime.format(at.toLocalDate()) + " " + TIME.format(at);
	}

	/**
	 * A free text as pages show it: the ISO dates in it (an announcement, a notification,
	 * an audit detail written before dates were formatted) as 2026年12月1日.
	 */
	public String text(String value) {
		if (value == null) {
			return "";
		}
		java.util.regex.Matcher m = ISO_DATE.matcher(value);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			LocalDate date = parse(m.group(1));
			String shown = (date != null) ? ChinaTime.format(date) : m.group();
			if (date != null && m.group(2) != null && m.group(2).endsWith("Z")) {
				try {
					shown = dateTime(Instant.parse(m.group()));
				}
				catch (DateTimeParseException ex) {
					// keep the day alone
				}
			}
			m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(shown));
		}
		m.appendTail(out);
		return factLabels(out.toString());
	}

	/** Fact paths in a text ({@code 缺少事实：operator.stableRevenue}) as their labels. */
	private String factLabels(String text) {
		java.util.regex.Matcher m = FACT_PATH.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String key = "fact." + m.group().replaceAll("\\[\\d+]", "");
			String label = this.messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
			m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement((label != null) ? label : m.group()));
		}
		m.appendTail(out);
		return out.toString();
	}

	public String month(Object value) {
		YearMonth month = null;
		if (value instanceof YearMonth m) {
			month = m;
		}
		else if (value instanceof String s && s.matches("\\d{4}-\\d{2}")) {
			month = YearMonth.parse(s);
		}
		else {
			LocalDate d = localDate(value);
			month = (d != null) ? YearMonth.from(d) : null;
		}
		return (month != null) ? month.getYear() + "年" + month.getMonthValue() + "月" : asText(value);
	}

	private static String asText(Object value) {
		return (value != null) ? value.toString() : "";
	}

	static LocalDate localDate(Object value) {
		if (value instanceof LocalDate d) {
			return d;
		}
		if (value instanceof LocalDateTime t) {
			return t.toLocalDate();
		}
		if (value instanceof String s) {
			return parse(s);
		}
		ZonedDateTime z = zoned(value);
		return (z != null) ? z.toLocalDate() : null;
	}

	private static LocalDate parse(String s) {
		if (s.length() >= 10 && s.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
			try {
				return LocalDate.parse(s.substring(0, 10));
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static ZonedDateTime zoned(Object value) {
		if (value instanceof Instant i) {
			return i.atZone(ChinaTime.ZONE);
		}
		if (value instanceof OffsetDateTime o) {
			return o.atZoneSameInstant(ChinaTime.ZONE);
		}
		if (value instanceof ZonedDateTime z) {
			return z.withZoneSameInstant(ChinaTime.ZONE);
		}
		if (value instanceof LocalDateTime t) {
			return t.atZone(ChinaTime.ZONE);
		}
		if (value instanceof java.sql.Timestamp t) {
			return t.toInstant().atZone(ChinaTime.ZONE);
		}
		return null;
	}

}
