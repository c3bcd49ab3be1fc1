package cn.zhongchuang.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates and texts as pages show them. */
class PageFormatTests {

	final StaticMessageSource messages = new StaticMessageSource();

	final PageFormat fmt;

	PageFormatTests() {
		this.messages.addMessage("fact.operator.stableRevenue", Locale.SIMPLIFIED_CHINESE, "稳定收入");
		this.messages.addMessage("audit.action.LOGIN", Locale.SIMPLIFIED_CHINESE, "登录");
		this.fmt = new PageFormat(null, this.messages,
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(cn.zhongchuang.identity.Accounts.class),
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(cn.zhongchuang.policy.PolicyCatalog.class));
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void datesInChinese() {
		assertThat(this.fmt.date(LocalDate.of(2026, 12, 1))).isEqualTo("2026年12月1日");
		assertThat(this.fmt.date("2026-03-05")).isEqualTo("2026年3月5日");
		assertThat(this.fmt.date(null)).isEmpty();
		assertThat(this.fmt.month(YearMonth.of(2026, 1))).isEqualTo("2026年1月");
		// 16:05 UTC is past midnight in Beijing
		assertThat(this.fmt.dateTime(Instant.parse("2026-11-30T16:05:00Z"))).isEqualTo("2026年12月1日 00:05");
	}

	@Test
	void textsLoseTheirIsoDatesAndFactPaths() {
		assertThat(this.fmt.text("整改期限 2027-01-14 已过")).isEqualTo("整改期限 2027年1月14日 已过");
		assertThat(this.fmt.text("缺少事实：operator.stableRevenue")).isEqualTo("缺少事实：稳定收入");
		// unknown paths and ordinary words stay as they are
		assertThat(this.fmt.text("见 www.example.cn")).isEqualTo("见 www.example.cn");
		assertThat(this.fmt.label("audit.action", "LOGIN")).isEqualTo("登录");
	}

}
