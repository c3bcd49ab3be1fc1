package cn.zhongchuang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;
import cn.zhongchuang.platform.PageResult;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rectification orders and condition-change reports in PostgreSQL. */
@Repository
class SupervisionRecords {

	private final JdbcClient jdbc;

	SupervisionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(RectificationOrder o) {
		return insertOnce(o).orElseThrow();
	}

	/**
	 * Inserts the order; an order opened on an assessment result that exists already for
	 * its round and recognition inserts nothing (empty).
	 */
	Optional<Long> insertOnce(RectificationOrder o) {
		return this.jdbc
			.sql("""
					INSERT INTO rectification_order (recognition_id, recognition_number, institution_name, operator_name,
					  credit_code, region_code, policy_id, reason, issued_on, deadline, status, issued_by, issued_role, issued_at,
					  assessment_round_id)
					VALUES (:rec, :number, :name, :operator, :credit, :region, :policy, :reason, :issued, :deadline, :status,
					  :by, :role, :at, :round)
					ON CONFLICT (assessment_round_id, recognition_id) WHERE assessment_round_id IS NOT NULL DO NOTHING
					RETURNING id
					""")
			.param("rec", o.recognitionId)
			.param("number", o.recognitionNumber)
			.param("name", o.institutionName)
			.param("operator", o.operatorName)
			.param("credit", o.creditCode)
			.param("region", o.regionCode)
			.param("policy", o.policyId)
			.param("reason", o.reason)
			.param("issued", o.issuedOn)
			.param("deadline", o.deadline)
			.param("status", o.status.name())
			.param("by", o.issuedBy)
			.param("role", o.issuedRole)
			.param("at", o.issuedAt.atOffset(ZoneOffset.UTC))
			.param("round", o.assessmentRoundId, Types.BIGINT)
			.query(Long.class)
			.optional();
	}

	void update(RectificationOrder o) {
		int rows = this.jdbc.sql("""
				UPDATE rectification_order SET status = :status, answer = :answer, answered_by = :answeredBy,
				  answered_at = :answeredAt, decision_note = :note, decided_by = :decidedBy, decided_at = :decidedAt,
				  lapsed = :lapsed, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("status", o.status.name())
			.param("answer", o.answer, Types.VARCHAR)
			.param("answeredBy", o.answeredBy, Types.VARCHAR)
			.param("answeredAt", ts(o.answeredAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("note", o.decisionNote, Types.VARCHAR)
			.param("decidedBy", o.decidedBy, Types.VARCHAR)
			.param("decidedAt", ts(o.decidedAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("lapsed", o.lapsed)
			.param("id", o.id)
			.param("version", o.version)
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("rectification order " + o.id + " was changed by someone else");
		}
	}

	Optional<RectificationOrder> find(long id) {
		return this.jdbc.sql("SELECT * FROM rectification_order WHERE id = :id")
			.param("id", id)
			.query(SupervisionRecords::order)
			.optional();
	}

	/** OPEN orders whose deadline is before the day. */
	List<Long> overdue(LocalDate day) {
		return this.jdbc.sql("SELECT id FROM rectification_order WHERE status = 'OPEN' AND deadline < :day ORDER BY id")
			.param("day", day)
			.query(Long.class)
			.list();
	}

	PageResult<RectificationOrder> orders(List<String> regions, String creditCode, String status, String keyword,
			Integer page) {
		return orders(regions, creditCode, status, keyword, page, null);
	}

	PageResult<RectificationOrder> orders(List<String> regions, String creditCode, String status, String keyword,
			Integer page, Integer size) {
		return orderList(regions, creditCode, status, keyword).page(ListParams.page(page, size)).results();
	}

	/** 整改通知: newest first; the date: 下达日期. */
	static final ListSpec ORDERS = ListSpec.builder()
		.sort("issued", "issued_on")
		.sort("number", "recognition_number")
		.sort("name", "institution_name")
		.sort("deadline", "deadline")
		.sort("status", "status")
		.defaultSort("issued", false)
		.dates("issued_on")
		.build();

	/**
	 * The orders within the regions (null: any) or of one credit code (null: any), by
	 * status and keyword.
	 */
	ListQuery<RectificationOrder> orderList(List<String> regions, String creditCode, String status, String keyword) {
		ListQuery<RectificationOrder> list = ListQuery
			.of(this.jdbc, ORDERS, "SELECT * FROM rectification_order", SupervisionRecords::order)
			.filter(creditCode, "credit_code = :credit", "credit")
			.filter(status, "status = :status", "status")
			.keyword(keyword,
					"(institution_name ILIKE :kw OR operator_name ILIKE :kw OR recognition_number ILIKE :kw)");
		return (regions != null) ? list.where("region_code = ANY(:scope)", "scope", regions.toArray(String[]::new))
				: list;
	}

	long insert(ConditionChange c) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO condition_change (recognition_id, recognition_number, institution_name, credit_code, region_code,
					  policy_id, kind, occurred_on, reported_on, description, limit_months, late, reported_by, reported_at)
					VALUES (:rec, :number, :name, :credit, :region, :policy, :kind, :occurred, :reported, :description, :limit,
					  :late, :by, :at)
					""")
			.param("rec", c.recognitionId())
			.param("number", c.recognitionNumber())
			.param("name", c.institutionName())
			.param("credit", c.creditCode())
			.param("region", c.regionCode())
			.param("policy", c.policyId())
			.param("kind", c.kind().name())
			.param("occurred", c.occurredOn())
			.param("reported", c.reportedOn())
			.param("description", c.description())
			.param("limit", c.limitMonths(), Types.INTEGER)
			.param("late", c.late())
			.param("by", c.reportedBy())
			.param("at", c.reportedAt().atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ConditionChange> findChange(long id) {
		return this.jdbc.sql("SELECT * FROM condition_change WHERE id = :id")
			.param("id", id)
			.query(SupervisionRecords::change)
			.optional();
	}

	List<ConditionChange> changes(List<String> regions, String creditCode, boolean lateOnly, int limit) {
		StringBuilder where = new StringBuilder(" WHERE true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (regions != null) {
			where.append(" AND region_code = ANY(:scope)");
			params.put("scope", regions.toArray(String[]::new));
		}
		if (creditCode != null) {
			where.append(" AND credit_code = :credit");
			params.put("credit", creditCode);
		}
		if (lateOnly) {
			where.append(" AND late");
		}
		return this.jdbc.sql("SELECT * FROM condition_change" + where + " ORDER BY reported_at DESC, id DESC LIMIT :l")
			.params(params)
			.param("l", limit)
			.query(SupervisionRecords::change)
			.list();
	}

	private static java.time.OffsetDateTime ts(Instant i) {
		return (i != null) ? i.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(Timestamp t) {
		return (t != null) ? t.toInstant() : null;
	}

	private static RectificationOrder order(ResultSet rs, int n) throws SQLException {
		return new RectificationOrder(rs.getLong("id"), rs.getLong("recognition_id"),
				rs.getString("recognition_number"), rs.getString("institution_name"), rs.getString("operator_name"),
				rs.getString("credit_code"), rs.getString("region_code"), rs.getString("policy_id"),
				rs.getString("reason"), rs.getObject("issued_on", LocalDate.class),
				rs.getObject("deadline", LocalDate.class), RectificationOrder.Status.valueOf(rs.getString("status")),
				rs.getString("answer"), rs.getString("answered_by"), instant(rs.getTimestamp("answered_at")),
				rs.getString("decision_note"), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
				rs.getBoolean("lapsed"), rs.getString("issued_by"), rs.getString("issued_role"),
				instant(rs.getTimestamp("issued_at")), rs.getInt("version"),
				rs.getObject("assessment_round_id", Long.class));
	}

	private static ConditionChange change(ResultSet rs, int n) throws SQLException {
		return new ConditionChange(rs.getLong("id"), rs.getLong("recognition_id"), rs.getString("recognition_number"),
				rs.getString("institution_name"), rs.getString("credit_code"), rs.getString("region_code"),
				rs.getString("policy_id"), ConditionChange.Kind.valueOf(rs.getString("kind")),
				rs.getObject("occurred_on", LocalDate.class), rs.getObject("reported_on", LocalDate.class),
				rs.getString("description"), (Integer) rs.getObject("limit_months"), rs.getBoolean("late"),
				rs.getString("reported_by"), instant(rs.getTimestamp("reported_at")));
	}

}
