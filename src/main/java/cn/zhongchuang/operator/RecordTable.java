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

import cn.zhongchuang.platform.PageResult;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every kind of operator record in PostgreSQL with the same plain SQL: the columns are
 * the kind's record components in snake_case (compile-time names, never user input),
 * every row is filtered by its organisation, and every update and delete carries the
 * version.
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
			.optional();
	}

	/** Every record of the kind of one organisation, in the kind's order. */
	<F extends Record & RecordData> List<OperatorRecord<F>> all(RecordKind<F> kind, long operatorId) {
		return this.jdbc.sql("SELECT * FROM " + kind.table() + " WHERE operator_id = :op ORDER BY " + kind.orderBy())
			.param("op", operatorId)
			.query(mapper(kind))
			.list();
	}

	/**
	 * One page, optionally under one parent record and matching a keyword in any text
	 * field.
	 */
	<F extends Record & RecordData> PageResult<OperatorRecord<F>> page(RecordKind<F> kind, long operatorId,
			Long parentId, String keyword, Integer page) {
		StringBuilder where = new StringBuilder(" WHERE operator_id = :op");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("op", operatorId);
		if (kind.parent() != null) {
			where.append(" AND ").append(kind.parentColumn()).append(" = :parent");
			params.put("parent", parentId);
		}
		if (keyword != null && !keyword.isBlank()) {
			String texts = kind.fields()
				.stream()
				.filter((c) -> c.getType() == String.class)
				.map((c) -> RecordKind.column(c.getName()))
				.collect(Collectors.joining(", "));
			where.append(" AND concat_ws(' ', ").append(texts).append(") ILIKE :kw");
			params.put("kw", "%" + keyword.strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = this.jdbc.sql("SELECT count(*) FROM " + kind.table() + where)
			.params(params)
			.query(Long.class)
			.single();
		int size = PageResult.DEFAULT_SIZE;
		int current = PageResult.clampPage(page);
		List<OperatorRecord<F>> rows = this.jdbc
			.sql("SELECT * FROM " + kind.table() + where + " ORDER BY " + kind.orderBy()
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", PageResult.offset(current, size))
			.query(mapper(kind))
			.list();
		return new PageResult<>(rows, total, current, size);
	}

	long count(RecordKind<?> kind, long operatorId) {
		return this.jdbc.sql("SELECT count(*) FROM " + kind.table() + " WHERE operator_id = :op")
			.param("op", operatorId)
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
			return find(kind, r.operatorId(), keys.getKey().longValue()).orElseThrow();
		}
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
			throw new OptimisticLockingFailureException(kind.table() + " " + r.id() + " was changed by someone else");
		}
		return find(kind, r.operatorId(), r.id()).orElseThrow();
	}

	void delete(RecordKind<?> kind, OperatorRecord<?> r) {
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
				return new OperatorRecord<>(rs.getLong("id"), rs.getLong("operator_id"), parentId,
						constructor.newInstance(values), rs.getInt("version"));
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
