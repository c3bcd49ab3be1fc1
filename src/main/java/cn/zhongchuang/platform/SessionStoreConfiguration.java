package cn.zhongchuang.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL: attributes are written with {@code INSERT … ON CONFLICT DO
 * UPDATE}, so two parallel requests of one session that both add an attribute no longer
 * collide on {@code spring_session_attributes_pk} (issue 13 finding 7: a 500 before).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
