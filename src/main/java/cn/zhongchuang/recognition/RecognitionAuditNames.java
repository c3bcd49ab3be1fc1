package cn.zhongchuang.recognition;

import cn.zhongchuang.audit.AuditObjectNames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the audit page names a title: the institution and the number. */
@Configuration(proxyBeanMethods = false)
class RecognitionAuditNames {

	@Bean
	AuditObjectNames recognitionObjectNames(JdbcClient jdbc) {
		return AuditObjectNames.bySql("recognition", jdbc,
				"SELECT id, institution_name || '（' || number || '）' AS name FROM recognition WHERE id = ANY(:ids)");
	}

}
