package cn.zhongchuang.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Attachment metadata in PostgreSQL; a deleted row stays, marked with who and when. */
@Repository
class AttachmentRecords {

	private final JdbcClient jdbc;

	AttachmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises uploads to one owner and category until the transaction ends, so that
	 * two at once cannot both pass the count limit.
	 */
	void lockOwner(String ownerType, String ownerId, String category) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "attachment\u001f" + ownerType + "\u001f" + ownerId + "\u001f" + category)
			.query()
			.singleValue();
	}

	long countLive(String ownerType, String ownerId, String category) {
		return this.jdbc.sql("""
				SELECT count(*) FROM attachment
				WHERE owner_type = :type AND owner_id = :owner AND category = :category AND deleted_at IS NULL
				""")
			.param("type", ownerType)
			.param("owner", ownerId)
			.param("category", category)
			.query(Long.class)
			.single();
	}

	long insert(String ownerType, String ownerId, String category, String displayName, String key, String mediaType,
			long size, String sha256, Instant at, String by) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO attachment (owner_type, owner_id, category, display_name, storage_key, media_type, size_bytes,
					  sha256, uploaded_at, uploaded_by)
					VALUES (:type, :owner, :category, :name, :key, :mediaType, :size, :sha256, :at, :by)
					""")
			.param("type", ownerType)
			.param("owner", ownerId)
			.param("category", category)
			.param("name", displayName)
			.param("key", key)
			.param("mediaType", mediaType)
			.param("size", size)
			.param("sha256", sha256)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Row> findLive(long id) {
		return this.jdbc.sql("SELECT * FROM attachment WHERE id = :id AND deleted_at IS NULL")
			.param("id", id)
			.query(AttachmentRecords::map)
			.optional();
	}

	List<AttachmentRef> listLive(String ownerType, String ownerId) {
		return this.jdbc.sql("""
				SELECT * FROM attachment WHERE owner_type = :type AND owner_id = :owner AND deleted_at IS NULL
				ORDER BY category, id
				""")
			.param("type", ownerType)
			.param("owner", ownerId)
			.query(AttachmentRecords::map)
			.list()
			.stream()
			.map(Row::ref)
			.toList();
	}

	/** Only a live attachment can be deleted: false when it is gone already. */
	boolean markDeleted(long id, Instant at, String by) {
		return this.jdbc
			.sql("UPDATE attachment SET deleted_at = :at, deleted_by = :by WHERE id = :id AND deleted_at IS NULL")
			.param("id", id)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("by", by)
			.update() == 1;
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return new Row(new AttachmentRef(rs.getLong("id"), rs.getString("owner_type"), rs.getString("owner_id"),
				rs.getString("category"), rs.getString("display_name"), rs.getString("media_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(),
				rs.getString("uploaded_by")), rs.getString("storage_key"));
	}

	/** The metadata and the key, which never leaves this module. */
	record Row(AttachmentRef ref, String storageKey) {
	}

}
