package cn.zhongchuang.policy;

import cn.zhongchuang.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	/**
	 * The policy engine is public: prospective applicants and other systems use it as a
	 * self-check.
	 */
	@Bean
	PublicPaths publicPolicyApi() {
		return PublicPaths.statelessApi("/api/v1/policies", "/api/v1/policies/**");
	}

	@Bean
	PublicPaths publicSelfCheckPages() {
		return PublicPaths.pages("/self-check", "/self-check/**", "/policies", "/policies/**");
	}

}
