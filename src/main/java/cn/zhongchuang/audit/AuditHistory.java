package cn.zhongchuang.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of one object as the audit trail records it, newest first: what a detail
 * page shows under 变更记录. The caller has checked that the user may see the object.
 */
@Service
public class AuditHistory {

	private final JdbcClient jdbc;

	AuditHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Entry> of(String objectType, Object objectId, int limit) {
		return this.jdbc.sql("""
				SELECT occurred_at, actor, action, result, detail FROM audit_event
				WHERE object_type = :type AND object_id = :id
				ORDER BY id DESC LIMIT :limit
				""")
			.param("type", objectType)
			.param("id", String.valueOf(objectId))
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query((rs, n) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("result"), rs.getString("detail")))
			.list();
	}

	/** One recorded act: when, by whom (user name), what (action code and text). */
	public record Entry(Instant at, String actor, String action, String result, String detail) {
	}

}
