package cn.zhongchuang.statistics;

import cn.zhongchuang.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The overview and the public statistics page are open to anyone: counts only. */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

	@Bean
	PublicPaths publicStatistics() {
		return PublicPaths.pages("/statistics", "/statistics/data", "/api/v1/statistics/overview");
	}

}
