package cn.zhongchuang.operator;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zhongchuang.platform.ListQuery;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every kind of operator record in PostgreSQL with the same plain SQL: the columns are
 * the kind's record components in snake_case (compile-time names, never user input),
 * every row is filtered by its organisation, and every update and delete carries the
 * version. A kind that belongs to one institution keeps it in {@code institution_id}; the
 * operator's own records list the institutions they serve in
 * {@code operator_record_assignment}.
 */
@Repository
class RecordTable {

	private final JdbcClient jdbc;

	RecordTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	<F extends Record & RecordData> Optional<OperatorRecord<F>> find(RecordKind<F> kind, long operatorId, long id) {
		return this.jdbc.sql("SELECT * FROM " + kind.table() + " WHERE id = :id AND operator_id = :op")
			.param("id", id)
			.param("op", operatorId)
			.query(mapper(kind))
			.optional()
			.map((r) -> withAssignments(kind, List.of(r)).get(0));
	}

	/**
	 * Every record of the kind of one organisation, in the kind's order; only those
	 * serving {@code institutionId} when it is given.
	 */
	<F extends Record & RecordData> List<OperatorRecord<F>> all(RecordKind<F> kind, long operatorId,
			Long institutionId) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(kind, operatorId, institutionId, params);
		return withAssignments(kind,
				this.jdbc.sql("SELECT * FROM " + kind.table() + where + " ORDER BY " + kind.orderBy())
					.params(params)
					.query(mapper(kind))
					.list());
	}

	/**
	 * The kind's list of one organisation, optionally under one parent record, serving
	 * one institution and matching a keyword in any text field; sorted, paged, filtered
	 * by date and exported as {@link RecordKind#listSpec()} allows. The rows come without
	 * the institutions they serve: {@link #withAssignments} adds them to a page,
	 * {@link #assignments} to an export.
	 */
	<F extends Record & RecordData> ListQuery<OperatorRecord<F>> list(RecordKind<F> kind, long operatorId,
			Long parentId, Long institutionId, String keyword) {
		ListQuery<OperatorRecord<F>> list = ListQuery
			.of(this.jdbc, kind.listSpec(), "SELECT * FROM " + kind.table(), mapper(kind))
			.where("operator_id = :op", "op", operatorId);
		if (institutionId != null && kind.perInstitution()) {
			list.where("institution_id = :institution", "institution", institutionId);
		}
		else if (institutionId != null) {
			list.where(
					"id IN (SELECT record_id FROM operator_record_assignment"
							+ " WHERE record_kind = :recordKind AND institution_id = :institution)",
					"institution", institutionId)
				.param("recordKind", kind.key());
		}
		if (kind.parent() != null) {
			list.where(kind.parentColumn() + " = :parent", "parent", parentId);
		}
		String texts = kind.fields()
			.stream()
			.filter((c) -> c.getType() == String.class)
			.map((c) -> RecordKind.column(c.getName()))
			.collect(Collectors.joining(", "));
		return list.keyword(keyword, "concat_ws(' ', " + texts + ") ILIKE :kw");
	}

	/**
	 * The institutions each of the organisation's own records of the kind serves (empty
	 * for a kind that belongs to one institution).
	 */
	Map<Long, java.util.Set<Long>> assignments(RecordKind<?> kind, long operatorId) {
		Map<Long, java.util.Set<Long>> assigned = new HashMap<>();
		if (kind.perInstitution()) {
			return assigned;
		}
		this.jdbc
			.sql("SELECT a.record_id, a.institution_id FROM operator_record_assignment a JOIN " + kind.table()
					+ " r ON r.id = a.record_id WHERE a.record_kind = :kind AND r.operator_id = :op")
			.param("kind", kind.key())
			.param("op", operatorId)
			.query((rs) -> {
				assigned.computeIfAbsent(rs.getLong("record_id"), (k) -> new java.util.TreeSet<>())
					.add(rs.getLong("institution_id"));
			});
		return assigned;
	}

	/** How many records of the kind the organisation keeps, or serve one institution. */
	long count(RecordKind<?> kind, long operatorId, Long institutionId) {
		Map<String, Object> params = new LinkedHashMap<>();
		return this.jdbc.sql("SELECT count(*) FROM " + kind.table() + where(kind, operatorId, institutionId, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/** How many child records (counselling, investments) hang under each parent. */
	Map<Long, Long> childCounts(RecordKind<?> child, long operatorId) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc
			.sql("SELECT " + child.parentColumn() + " AS parent, count(*) AS n FROM " + child.table()
					+ " WHERE operator_id = :op GROUP BY " + child.parentColumn())
			.param("op", operatorId)
			.query((rs) -> {
				counts.put(rs.getLong("parent"), rs.getLong("n"));
			});
		return counts;
	}

	<F extends Record & RecordData> OperatorRecord<F> save(RecordKind<F> kind, OperatorRecord<F> r, Instant now) {
		Map<String, Object> params = values(kind, r.data());
		if (kind.perInstitution()) {
			params.put("institutionId", r.placement().institutionId());
		}
		long id;
		if (r.id() == null) {
			StringBuilder columns = new StringBuilder("operator_id, created_at");
			StringBuilder values = new StringBuilder(":operatorId, :createdAt");
			if (kind.parent() != null) {
				columns.append(", ").append(kind.parentColumn());
				values.append(", :parentId");
			}
			for (String field : params.keySet()) {
				columns.append(", ").append(RecordKind.column(field));
				values.append(", :").append(field);
			}
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("INSERT INTO " + kind.table() + " (" + columns + ") VALUES (" + values + ")")
				.params(params)
				.param("operatorId", r.operatorId())
				.param("parentId", r.parentId())
				.param("createdAt", now.atOffset(ZoneOffset.UTC))
				.update(keys, "id");
			id = keys.getKey().longValue();
		}
		else {
			String assignments = params.keySet()
				.stream()
				.map((field) -> RecordKind.column(field) + " = :" + field)
				.collect(Collectors.joining(", "));
			int rows = this.jdbc
				.sql("UPDATE " + kind.table() + " SET " + assignments + ", version = version + 1"
						+ " WHERE id = :id AND operator_id = :operatorId AND version = :version")
				.params(params)
				.param("id", r.id())
				.param("operatorId", r.operatorId())
				.param("version", r.version())
				.update();
			if (rows != 1) {
				throw new OptimisticLockingFailureException(
						kind.table() + " " + r.id() + " was changed by someone else");
			}
			id = r.id();
		}
		if (!kind.perInstitution()) {
			assign(kind, id, r.placement().assignedTo());
		}
		return find(kind, r.operatorId(), id).orElseThrow();
	}

	void delete(RecordKind<?> kind, OperatorRecord<?> r) {
		if (!kind.perInstitution()) {
			assign(kind, r.id(), java.util.Set.of());
		}
		int rows = this.jdbc
			.sql("DELETE FROM " + kind.table() + " WHERE id = :id AND operator_id = :op AND version = :version")
			.param("id", r.id())
			.param("op", r.operatorId())
			.param("version", r.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException(kind.table() + " " + r.id() + " was changed by someone else");
		}
	}

	/**
	 * The organisation's rows, narrowed to one institution: its own column for a kind
	 * that belongs to one, the assignment table for the operator's records.
	 */
	private static String where(RecordKind<?> kind, long operatorId, Long institutionId, Map<String, Object> params) {
		params.put("op", operatorId);
		if (institutionId == null) {
			return " WHERE operator_id = :op";
		}
		params.put("institution", institutionId);
		if (kind.perInstitution()) {
			return " WHERE operator_id = :op AND institution_id = :institution";
		}
		params.put("recordKind", kind.key());
		return " WHERE operator_id = :op AND id IN (SELECT record_id FROM operator_record_assignment"
				+ " WHERE record_kind = :recordKind AND institution_id = :institution)";
	}

	private void assign(RecordKind<?> kind, long id, java.util.Set<Long> institutions) {
		this.jdbc.sql("DELETE FROM operator_record_assignment WHERE record_kind = :kind AND record_id = :id")
			.param("kind", kind.key())
			.param("id", id)
			.update();
		for (Long institution : institutions) {
			this.jdbc
				.sql("INSERT INTO operator_record_assignment (record_kind, record_id, institution_id)"
						+ " VALUES (:kind, :id, :institution)")
				.param("kind", kind.key())
				.param("id", id)
				.param("institution", institution)
				.update();
		}
	}

	/** The records with the institutions each of the operator's own records serves. */
	<F extends Record & RecordData> List<OperatorRecord<F>> withAssignments(RecordKind<F> kind,
			List<OperatorRecord<F>> records) {
		if (kind.perInstitution() || records.isEmpty()) {
			return records;
		}
		Map<Long, java.util.Set<Long>> assigned = new HashMap<>();
		this.jdbc
			.sql("SELECT record_id, institution_id FROM operator_record_assignment"
					+ " WHERE record_kind = :kind AND record_id IN (:ids)")
			.param("kind", kind.key())
			.param("ids", records.stream().map(OperatorRecord::id).toList())
			.query((rs) -> {
				assigned.computeIfAbsent(rs.getLong("record_id"), (k) -> new java.util.TreeSet<>())
					.add(rs.getLong("institution_id"));
			});
		return records.stream()
			.map((r) -> new OperatorRecord<>(r.id(), r.operatorId(), r.parentId(), r.data(),
					OperatorRecord.Placement.assigned(assigned.getOrDefault(r.id(), java.util.Set.of())), r.version()))
			.toList();
	}

	private static Map<String, Object> values(RecordKind<?> kind, Record data) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (RecordComponent c : kind.fields()) {
			try {
				Object value = c.getAccessor().invoke(data);
				params.put(c.getName(), (value instanceof Enum<?> e) ? e.name() : value);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return params;
	}

	private static <F extends Record & RecordData> RowMapper<OperatorRecord<F>> mapper(RecordKind<F> kind) {
		RecordComponent[] components = kind.type().getRecordComponents();
		Constructor<F> constructor;
		try {
			constructor = kind.type()
				.getDeclaredConstructor(
						java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			constructor.setAccessible(true);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
		return (rs, n) -> {
			Object[] values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				values[i] = read(rs, RecordKind.column(components[i].getName()), components[i].getType());
			}
			try {
				Long parentId = (kind.parent() != null) ? rs.getLong(kind.parentColumn()) : null;
				OperatorRecord.Placement placement = kind.perInstitution()
						? OperatorRecord.Placement.in(rs.getLong("institution_id"))
						: OperatorRecord.Placement.assigned(java.util.Set.of());
				return new OperatorRecord<>(rs.getLong("id"), rs.getLong("operator_id"), parentId,
						constructor.newInstance(values), placement, rs.getInt("version"));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object read(ResultSet rs, String column, Class<?> type) throws SQLException {
		if (type == boolean.class) {
			return rs.getBoolean(column);
		}
		if (type == BigDecimal.class) {
			return rs.getBigDecimal(column);
		}
		if (type == LocalDate.class || type == Integer.class || type == Long.class) {
			return rs.getObject(column, type);
		}
		String value = rs.getString(column);
		if (value != null && type.isEnum()) {
			return Enum.valueOf((Class<Enum>) type, value);
		}
		return value;
	}

}
