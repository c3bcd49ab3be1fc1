package cn.zhongchuang.recognition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
import org.springframework.stereotype.Repository;

/** Recommendations (推荐) in PostgreSQL. */
@Repository
class RecommendationRecords {

	private final JdbcClient jdbc;

	RecommendationRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Recommendation insert(Recommendation r) {
		Recommendation.Subject s = r.subject();
		Recommendation.Route route = r.route();
		Recommendation.Submission by = r.submission();
		long id = this.jdbc.sql("""
				INSERT INTO recommendation (number, institution_id, institution_name, operator_name, credit_code, kind,
				  specialization, region_code, from_recognition_id, from_level, from_authority, to_level, to_authority,
				  to_region, reasons, status, submitted_on, submitted_by, submitted_by_id, submitted_at)
				VALUES (:number, :institution, :name, :operator, :credit, :kind, :spec, :region, :from, :fromLevel,
				  :fromAuthority, :toLevel, :toAuthority, :toRegion, :reasons, :status, :on, :by, :byId, :at)
				RETURNING id
				""")
			.param("number", r.number())
			.param("institution", s.institutionId())
			.param("name", s.institutionName())
			.param("operator", s.operatorName())
			.param("credit", s.creditCode())
			.param("kind", s.kind())
			.param("spec", s.specialization(), Types.VARCHAR)
			.param("region", s.regionCode())
			.param("from", route.fromRecognitionId())
			.param("fromLevel", route.fromLevel())
			.param("fromAuthority", route.fromAuthority())
			.param("toLevel", route.toLevel())
			.param("toAuthority", route.toAuthority())
			.param("toRegion", route.toRegion())
			.param("reasons", r.reasons())
			.param("status", r.status().name())
			.param("on", by.on())
			.param("by", by.by())
			.param("byId", by.byId())
			.param("at", by.at().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		return find(id).orElseThrow();
	}

	/** Writes the decision, version-checked. */
	Recommendation update(Recommendation r) {
		Recommendation.Decision d = r.decision();
		int rows = this.jdbc.sql("""
				UPDATE recommendation SET status = :status, decided_on = :on, decided_by = :by, decided_at = :at,
				  decision_reasons = :reasons, result_recognition_id = :result, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("status", r.status().name())
			.param("on", d.on())
			.param("by", d.by())
			.param("at", d.at().atOffset(ZoneOffset.UTC))
			.param("reasons", d.reasons(), Types.VARCHAR)
			.param("result", d.resultRecognitionId(), Types.BIGINT)
			.param("id", r.id())
			.param("version", r.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("recommendation " + r.id() + " was changed by someone else");
		}
		return find(r.id()).orElseThrow();
	}

	Optional<Recommendation> find(long id) {
		return this.jdbc.sql("SELECT * FROM recommendation WHERE id = :id")
			.param("id", id)
			.query(RecommendationRecords::map)
			.optional();
	}

	/**
	 * The recommendation with its row locked until the transaction ends: two clerks
	 * deciding at once queue up, the second sees the first one's decision.
	 */
	Optional<Recommendation> lock(long id) {
		return this.jdbc.sql("SELECT * FROM recommendation WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(RecommendationRecords::map)
			.optional();
	}

	/** The open one of an institution to a level, if any. */
	Optional<Recommendation> openFor(long institutionId, String toLevel) {
		return this.jdbc
			.sql("SELECT * FROM recommendation WHERE institution_id = :i AND to_level = :l AND status = 'SUBMITTED'")
			.param("i", institutionId)
			.param("l", toLevel)
			.query(RecommendationRecords::map)
			.optional();
	}

	List<Recommendation> ofInstitution(long institutionId) {
		return this.jdbc
			.sql("SELECT * FROM recommendation WHERE institution_id = :i ORDER BY submitted_at DESC, id DESC")
			.param("i", institutionId)
			.query(RecommendationRecords::map)
			.list();
	}

	/**
	 * One page of recommendations: {@code incoming} those sent to {@code level} in the
	 * region codes, otherwise those sent from {@code level} for institutions in them;
	 * optionally of one status.
	 */
	PageResult<Recommendation> search(boolean incoming, String level, List<String> regions, String status, Integer page,
			Integer size) {
		return list(incoming, level, regions, status).page(ListParams.page(page, size)).results();
	}

	/** 推荐: by default those waiting first, newest first; the date: 推荐日期. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("status", "(status = 'SUBMITTED')", "submitted_at")
		.sort("number", "number")
		.sort("name", "institution_name")
		.sort("from", "from_authority")
		.sort("to", "to_authority")
		.sort("submitted", "submitted_on", "submitted_at")
		.defaultSort("status", false)
		.dates("submitted_on")
		.build();

	/** The same recommendations as a sortable list; {@code level} null: none. */
	ListQuery<Recommendation> list(boolean incoming, String level, List<String> regions, String status) {
		ListQuery<Recommendation> list = ListQuery.of(this.jdbc, LIST, "SELECT * FROM recommendation",
				RecommendationRecords::map);
		if (level == null) {
			return list.where("false");
		}
		return list
			.where(incoming ? "to_level = :level AND to_region = ANY(:scope)"
					: "from_level = :level AND region_code = ANY(:scope)", "level", level)
			.param("scope", regions.toArray(String[]::new))
			.filter(status, "status = :status", "status");
	}

	/** How many wait at {@code level} in the region codes. */
	int waiting(String level, List<String> regions) {
		return this.jdbc.sql("""
				SELECT count(*) FROM recommendation
				WHERE status = 'SUBMITTED' AND to_level = :level AND to_region = ANY(:scope)
				""").param("level", level).param("scope", regions.toArray(String[]::new)).query(Integer.class).single();
	}

	long countOf(String fromAuthority) {
		return this.jdbc.sql("SELECT count(*) FROM recommendation WHERE from_authority = :a")
			.param("a", fromAuthority)
			.query(Long.class)
			.single();
	}

	private static Recommendation map(ResultSet rs, int n) throws SQLException {
		LocalDate decided = rs.getObject("decided_on", LocalDate.class);
		Recommendation.Decision decision = (decided == null) ? null
				: new Recommendation.Decision(decided, rs.getString("decided_by"),
						rs.getTimestamp("decided_at").toInstant(), rs.getString("decision_reasons"),
						rs.getObject("result_recognition_id", Long.class));
		return new Recommendation(rs.getLong("id"), rs.getString("number"),
				new Recommendation.Subject(rs.getLong("institution_id"), rs.getString("institution_name"),
						rs.getString("operator_name"), rs.getString("credit_code"), rs.getString("kind"),
						rs.getString("specialization"), rs.getString("region_code")),
				new Recommendation.Route(
						rs.getLong("from_recognition_id"), rs.getString("from_level"), rs.getString("from_authority"),
						rs.getString("to_level"), rs.getString("to_authority"), rs.getString("to_region")),
				rs.getString("reasons"),
				new Recommendation.Submission(rs.getObject("submitted_on", LocalDate.class),
						rs.getString("submitted_by"), rs.getLong("submitted_by_id"),
						rs.getTimestamp("submitted_at").toInstant()),
				Recommendation.Status.valueOf(rs.getString("status")), decision, rs.getInt("version"));
	}

}
