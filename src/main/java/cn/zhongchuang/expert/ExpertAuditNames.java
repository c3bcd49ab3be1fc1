package cn.zhongchuang.expert;

import cn.zhongchuang.audit.AuditObjectNames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the audit page names an expert: by the name. */
@Configuration(proxyBeanMethods = false)
class ExpertAuditNames {

	@Bean
	AuditObjectNames expertObjectNames(JdbcClient jdbc) {
		return AuditObjectNames.bySql("expert", jdbc,
				"SELECT id, name || '（专家）' AS name FROM expert WHERE id = ANY(:ids)");
	}

}
