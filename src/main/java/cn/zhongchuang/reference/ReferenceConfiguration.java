package cn.zhongchuang.reference;

import cn.zhongchuang.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

	/** Other government systems call these without signing in; they change no state. */
	@Bean
	PublicPaths publicReferenceApi() {
		return PublicPaths.statelessApi("/api/v1/reference/**");
	}

}
