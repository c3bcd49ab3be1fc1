package cn.zhongchuang.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;
import cn.zhongchuang.platform.PageResult;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Notifications in PostgreSQL, plain SQL; every read is for one recipient, every update
 * checks the version.
 */
@Repository
class NotificationRecords {

	private final JdbcClient jdbc;

	NotificationRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long recipientId, String title, String body, String link, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO notification (recipient_id, title, body, link, created_at)
				VALUES (:recipient, :title, :body, :link, :at)
				""")
			.param("recipient", recipientId)
			.param("title", title)
			.param("body", body)
			.param("link", link)
			.param("at", ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The recipient's own notification; another user's answers like a missing one. */
	Optional<Notification> find(long id, long recipientId) {
		return this.jdbc.sql("SELECT * FROM notification WHERE id = :id AND recipient_id = :r")
			.param("id", id)
			.param("r", recipientId)
			.query(NotificationRecords::map)
			.optional();
	}

	void update(Notification n) {
		int rows = this.jdbc.sql("""
				UPDATE notification SET read_at = :readAt, version = version + 1
				WHERE id = :id AND recipient_id = :r AND version = :version
				""")
			.param("readAt", ts(n.readAt()))
			.param("id", n.id())
			.param("r", n.recipientId())
			.param("version", n.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("notification " + n.id() + " was changed by someone else");
		}
	}

	int markAllRead(long recipientId, Instant at) {
		return this.jdbc.sql("""
				UPDATE notification SET read_at = :at, version = version + 1
				WHERE recipient_id = :r AND read_at IS NULL
				""").param("at", ts(at)).param("r", recipientId).update();
	}

	long unreadCount(long recipientId) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :r AND read_at IS NULL")
			.param("r", recipientId)
			.query(Long.class)
			.single();
	}

	/** Unread first, newest first within each. */
	PageResult<Notification> page(long recipientId, boolean unreadOnly, Integer page, Integer size) {
		return list(recipientId, unreadOnly).page(ListParams.page(page, size)).results();
	}

	/**
	 * 消息中心: by default unread first, newest first within each; the date: when it was
	 * sent.
	 */
	static final ListSpec LIST = ListSpec.builder()
		.sort("status", "(read_at IS NULL)", "created_at")
		.sort("created", "created_at")
		.sort("title", "title")
		.defaultSort("status", false)
		.instants("created_at")
		.build();

	/** The notifications of one recipient, only the unread if asked. */
	ListQuery<Notification> list(long recipientId, boolean unreadOnly) {
		ListQuery<Notification> list = ListQuery
			.of(this.jdbc, LIST, "SELECT * FROM notification", NotificationRecords::map)
			.where("recipient_id = :r", "r", recipientId);
		return unreadOnly ? list.where("read_at IS NULL") : list;
	}

	boolean anyFor(long recipientId) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :r")
			.param("r", recipientId)
			.query(Long.class)
			.single() > 0;
	}

	private static OffsetDateTime ts(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

	static Notification map(ResultSet rs, int n) throws SQLException {
		return new Notification(rs.getLong("id"), rs.getLong("recipient_id"), rs.getString("title"),
				rs.getString("body"), rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at"),
				rs.getInt("version"));
	}

}
