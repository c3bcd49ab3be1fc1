package cn.zhongchuang.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import cn.zhongchuang.policy.PolicyCatalog;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Chinese first; {@code ?lang=en} switches to English and a cookie remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("ZCLANG");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * In place of Boot's resource URL filter (it backs off when one is defined): the same
	 * rewriting of webjar links, no lookup of other links.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> webJarLinkFilter() {
		var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new WebJarLinkFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/** Public pages kept per node under the database's change counter. */
	@Bean
	FilterRegistrationBean<PublicPageCache> publicPageCache(JdbcClient jdbc, PolicyCatalog packs,
			LocaleResolver localeResolver, Clock clock) {
		return new FilterRegistrationBean<>(new PublicPageCache(jdbc, packs, localeResolver, clock));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
