package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry and the verification page are open to anyone. */
@Configuration(proxyBeanMethods = false)
class RecognitionConfiguration {

	@Bean
	PublicPaths publicRegistry() {
		return PublicPaths.pages("/registry", "/registry/**", "/verify", "/verify/**", "/api/v1/registry",
				"/api/v1/registry/**");
	}

}
