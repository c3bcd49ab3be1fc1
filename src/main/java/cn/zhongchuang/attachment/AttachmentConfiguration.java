package cn.zhongchuang.attachment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfiguration {

	@Bean
	@ConditionalOnProperty(name = "zhongchuang.attachments.store", havingValue = AttachmentProperties.DATABASE,
			matchIfMissing = true)
	AttachmentStore databaseAttachmentStore(JdbcClient jdbc) {
		return new DatabaseAttachmentStore(jdbc);
	}

}
