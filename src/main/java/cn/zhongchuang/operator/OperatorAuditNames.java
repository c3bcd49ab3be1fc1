package cn.zhongchuang.operator;

import cn.zhongchuang.audit.AuditObjectNames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the audit page names an operator: by its name. */
@Configuration(proxyBeanMethods = false)
class OperatorAuditNames {

	@Bean
	AuditObjectNames operatorObjectNames(JdbcClient jdbc) {
		return AuditObjectNames.bySql("operator_organisation", jdbc,
				"SELECT id, name FROM operator_organisation WHERE id = ANY(:ids)");
	}

}
