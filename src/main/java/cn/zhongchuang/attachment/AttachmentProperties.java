package cn.zhongchuang.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhongchuang.attachments.store}: where attachment content lives. Only
 * {@code database} is built in; see {@link AttachmentStore} for adding another.
 */
@ConfigurationProperties("zhongchuang.attachments")
record AttachmentProperties(@DefaultValue(AttachmentProperties.DATABASE) String store) {

	static final String DATABASE = "database";

	AttachmentProperties {
		if (!DATABASE.equals(store)) {
			throw new IllegalArgumentException(
					"zhongchuang.attachments.store must be 'database' (no other attachment store is built in), not '"
							+ store + "'");
		}
	}

}
