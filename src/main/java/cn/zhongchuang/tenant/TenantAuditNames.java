package cn.zhongchuang.tenant;

import cn.zhongchuang.audit.AuditObjectNames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the audit page names a tenant: by its name. */
@Configuration(proxyBeanMethods = false)
class TenantAuditNames {

	@Bean
	AuditObjectNames tenantObjectNames(JdbcClient jdbc) {
		return AuditObjectNames.bySql("tenant", jdbc, "SELECT id, name FROM tenant WHERE id = ANY(:ids)");
	}

}
