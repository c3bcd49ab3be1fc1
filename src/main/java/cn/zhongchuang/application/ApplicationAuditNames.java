package cn.zhongchuang.application;

import cn.zhongchuang.audit.AuditObjectNames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the audit page names an application: the space's name and 认定申请. */
@Configuration(proxyBeanMethods = false)
class ApplicationAuditNames {

	@Bean
	AuditObjectNames applicationObjectNames(JdbcClient jdbc) {
		return AuditObjectNames.bySql("application", jdbc,
				"SELECT id, space_name || ' 认定申请' AS name FROM application WHERE id = ANY(:ids)");
	}

}
