package cn.zhongchuang.region;

import cn.zhongchuang.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionConfiguration {

	/**
	 * Region codes are public reference data: the self-check and the registry pick
	 * regions too.
	 */
	@Bean
	PublicPaths publicRegionApi() {
		return PublicPaths.pages("/api/v1/regions", "/api/v1/regions/**");
	}

}
