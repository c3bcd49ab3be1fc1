package cn.zhongchuang.institution;

import cn.zhongchuang.audit.AuditObjectNames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the audit page names an institution: by its name. */
@Configuration(proxyBeanMethods = false)
class InstitutionAuditNames {

	@Bean
	AuditObjectNames institutionObjectNames(JdbcClient jdbc) {
		return AuditObjectNames.bySql("institution", jdbc, "SELECT id, name FROM institution WHERE id = ANY(:ids)");
	}

}
