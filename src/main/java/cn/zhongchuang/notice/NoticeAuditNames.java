package cn.zhongchuang.notice;

import cn.zhongchuang.audit.AuditObjectNames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the audit page names a notice: by its title. */
@Configuration(proxyBeanMethods = false)
class NoticeAuditNames {

	@Bean
	AuditObjectNames noticeObjectNames(JdbcClient jdbc) {
		return AuditObjectNames.bySql("notice", jdbc, "SELECT id, title AS name FROM notice WHERE id = ANY(:ids)");
	}

}
