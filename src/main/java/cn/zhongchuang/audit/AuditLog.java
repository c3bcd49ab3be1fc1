package cn.zhongchuang.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.PageResult;

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

	/** {@code scope} null means everything; otherwise only rows of these region codes. */
	PageResult<StoredEvent> search(AuditQuery q, List<String> scope) {
		StringBuilder where = new StringBuilder(" WHERE TRUE");
		Map<String, Object> params = new LinkedHashMap<>();
		if (q.from() != null) {
			where.append(" AND occurred_at >= :from");
			params.put("from", startOf(q.from()));
		}
		if (q.to() != null) {
			where.append(" AND occurred_at < :to");
			params.put("to", startOf(q.to().plusDays(1)));
		}
		like(where, params, "actor", q.actor());
		like(where, params, "action", q.action());
		like(where, params, "object_type", q.objectType());
		if (hasText(q.objectId())) {
			where.append(" AND object_id = :object_id");
			params.put("object_id", q.objectId().strip());
		}
		if (q.result() != null) {
			where.append(" AND result = :result");
			params.put("result", q.result().name());
		}
		if (hasText(q.ip())) {
			where.append(" AND ip = :ip");
			params.put("ip", q.ip().strip());
		}
		if (scope != null) {
			where.append(" AND region_code = ANY(:scope)");
			params.put("scope", scope.toArray(String[]::new));
		}
		long total = this.jdbc.sql("SELECT count(*) FROM audit_event" + where)
			.params(params)
			.query(Long.class)
			.single();
		int size = PageResult.clampSize(q.size());
		int page = PageResult.clampPage(q.page());
		List<StoredEvent> rows = this.jdbc
			.sql("SELECT * FROM audit_event" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", PageResult.offset(page, size))
			.query(AuditLog::map)
			.list();
		return new PageResult<>(rows, total, page, size);
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

	private static void like(StringBuilder where, Map<String, Object> params, String column, String value) {
		if (hasText(value)) {
			where.append(" AND ").append(column).append(" ILIKE :").append(column);
			params.put(column, "%" + value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
	}

	private static boolean hasText(String s) {
		return s != null && !s.isBlank();
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
	}

	static StoredEvent map(ResultSet rs, int n) throws SQLException {
		return new StoredEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("actor_role"), rs.getString("ip"), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("result"), rs.getString("detail"),
				rs.getString("region_code"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
