package cn.zhongchuang.notice;

import cn.zhongchuang.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notices and the objection form are open to anyone (with CSRF on the form). */
@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

	@Bean
	PublicPaths publicNotices() {
		return PublicPaths.pages("/notices", "/notices/**", "/api/v1/notices", "/api/v1/notices/**");
	}

}
