package cn.zhongchuang.attachment;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default store: the bytes in PostgreSQL (table {@code attachment_blob}), in the same
 * transaction as the metadata, so an upload or a deletion is all or nothing.
 */
class DatabaseAttachmentStore implements AttachmentStore {

	private final JdbcClient jdbc;

	DatabaseAttachmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void put(String key, InputStream content, long size) {
		SqlTypeValue bytes = (ps, index, sqlType, typeName) -> ps.setBinaryStream(index, content, size);
		this.jdbc.sql("INSERT INTO attachment_blob (storage_key, content) VALUES (:key, :content)")
			.param("key", key)
			.param("content", bytes)
			.update();
	}

	@Override
	public InputStream get(String key) {
		byte[] content = this.jdbc.sql("SELECT content FROM attachment_blob WHERE storage_key = :key")
			.param("key", key)
			.query((rs, n) -> rs.getBytes("content"))
			.optional()
			.orElseThrow(() -> new IllegalStateException("no content stored under attachment key " + key));
		return new ByteArrayInputStream(content);
	}

	@Override
	public void delete(String key) {
		this.jdbc.sql("DELETE FROM attachment_blob WHERE storage_key = :key").param("key", key).update();
	}

}
