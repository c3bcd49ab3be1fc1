package cn.zhongchuang.identity;

import cn.zhongchuang.audit.AuditObjectNames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the audit page names a user: by the display name. */
@Configuration(proxyBeanMethods = false)
class UserAuditNames {

	@Bean
	AuditObjectNames userObjectNames(JdbcClient jdbc) {
		return AuditObjectNames.bySql("user", jdbc,
				"SELECT id, display_name AS name FROM user_account WHERE id = ANY(:ids)");
	}

}
