package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry, the verification page and the list of institutions holding a title are
 * open to anyone ({@code /api/v1/institutions/{id}/facts} is not: one segment only).
 */
@Configuration(proxyBeanMethods = false)
class RecognitionConfiguration {

	@Bean
	PublicPaths publicRegistry() {
		return PublicPaths.pages("/registry", "/registry/**", "/verify", "/verify/**", "/api/v1/registry",
				"/api/v1/registry/**", "/api/v1/institutions", "/api/v1/institutions/*");
	}

}
