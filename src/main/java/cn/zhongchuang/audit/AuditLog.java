package cn.zhongchuang.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.zhongchuang.platform.ListQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit trail: search for the auditor and a streaming walk for chain
 * verification.
 */
@Repository
class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The auditor's search, sortable, the date range on the time of the event (China
	 * days, inclusive). {@code scope} null means everything; otherwise only rows of these
	 * region codes.
	 */
	ListQuery<StoredEvent> list(AuditQuery q, List<String> scope) {
		ListQuery<StoredEvent> list = ListQuery
			.of(this.jdbc, AuditQuery.LIST, "SELECT * FROM audit_event", AuditLog::map)
			.filter(like(q.actor()), "actor ILIKE :actor", "actor")
			.filter(like(q.action()), "action ILIKE :action", "action")
			.filter(like(q.objectType()), "object_type ILIKE :object_type", "object_type")
			.filter(q.objectId(), "object_id = :object_id", "object_id")
			.filter((q.result() != null) ? q.result().name() : null, "result = :result", "result")
			.filter(q.ip(), "ip = :ip", "ip");
		return (scope != null) ? list.where("region_code = ANY(:scope)", "scope", scope.toArray(String[]::new)) : list;
	}

	void forEachInOrder(Consumer<StoredEvent> consumer) {
		try (var stream = this.jdbc.sql("SELECT * FROM audit_event ORDER BY id").query(AuditLog::map).stream()) {
			stream.forEach(consumer);
		}
	}

	List<String> actions() {
		return new ArrayList<>(
				this.jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action").query(String.class).list());
	}

	private static String like(String value) {
		return (value != null && !value.isBlank())
				? "%" + value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : null;
	}

	static StoredEvent map(ResultSet rs, int n) throws SQLException {
		return new StoredEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("actor_role"), rs.getString("ip"), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("result"), rs.getString("detail"),
				rs.getString("region_code"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
