package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Annual filings, assessment rounds and results in PostgreSQL. */
@Repository
class AssessmentRecords {

	private final JdbcClient jdbc;

	AssessmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// annual filings

	long insertFiling(Filing f, String by, Instant at) {
		return this.jdbc
			.sql("""
					INSERT INTO annual_filing (recognition_id, recognition_number, institution_name, operator_name, credit_code,
					  region_code, policy_id, year, due_on, status, created_by, updated_at)
					VALUES (:rec, :number, :name, :operator, :credit, :region, :policy, :year, :due, 'DRAFT', :by, :at)
					RETURNING id
					""")
			.param("rec", f.recognitionId())
			.param("number", f.recognitionNumber())
			.param("name", f.institutionName())
			.param("operator", f.operatorName())
			.param("credit", f.creditCode())
			.param("region", f.regionCode())
			.param("policy", f.policyId())
			.param("year", f.year())
			.param("due", f.dueOn())
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	void updateFiling(long id, int version, String status, LocalDate submittedOn, boolean late, Instant at) {
		int rows = this.jdbc.sql("""
				UPDATE annual_filing SET status = :status, submitted_on = :submitted, late = :late, updated_at = :at,
				  version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("status", status)
			.param("submitted", submittedOn, Types.DATE)
			.param("late", late)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("annual filing " + id + " was changed by someone else");
		}
	}

	void replaceFigures(long filingId, List<Filing.Figure> figures) {
		this.jdbc.sql("DELETE FROM annual_filing_figure WHERE filing_id = :id").param("id", filingId).update();
		for (Filing.Figure f : figures) {
			this.jdbc.sql("""
					INSERT INTO annual_filing_figure (filing_id, code, value, computed, source)
					VALUES (:id, :code, :value, :computed, :source)
					""")
				.param("id", filingId)
				.param("code", f.code())
				.param("value", f.value())
				.param("computed", f.computed())
				.param("source", f.source(), Types.VARCHAR)
				.update();
		}
	}

	Optional<Filing> findFiling(long id) {
		return this.jdbc.sql("SELECT * FROM annual_filing WHERE id = :id")
			.param("id", id)
			.query(this::filing)
			.optional();
	}

	Optional<Filing> findFiling(long recognitionId, int year) {
		return this.jdbc.sql("SELECT * FROM annual_filing WHERE recognition_id = :rec AND year = :year")
			.param("rec", recognitionId)
			.param("year", year)
			.query(this::filing)
			.optional();
	}

	Optional<Filing> lockFiling(long id) {
		return this.jdbc.sql("SELECT * FROM annual_filing WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::filing)
			.optional();
	}

	Map<Long, Filing> filings(Collection<Long> recognitionIds, int year) {
		Map<Long, Filing> out = new LinkedHashMap<>();
		if (recognitionIds.isEmpty()) {
			return out;
		}
		this.jdbc.sql("SELECT * FROM annual_filing WHERE recognition_id = ANY(:ids) AND year = :year")
			.param("ids", recognitionIds.toArray(Long[]::new))
			.param("year", year)
			.query(this::filing)
			.list()
			.forEach((f) -> out.put(f.recognitionId(), f));
		return out;
	}

	private Filing filing(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<Filing.Figure> figures = this.jdbc
			.sql("SELECT code, value, computed, source FROM annual_filing_figure WHERE filing_id = :id")
			.param("id", id)
			.query((r, i) -> new Filing.Figure(r.getString("code"), r.getBigDecimal("value"), r.getBoolean("computed"),
					r.getString("source")))
			.list();
		List<String> order = AnnualFilings.FIGURES.stream().map(AnnualFilings.FigureDef::code).toList();
		figures = figures.stream().sorted(java.util.Comparator.comparingInt((f) -> order.indexOf(f.code()))).toList();
		return new Filing(id, rs.getLong("recognition_id"), rs.getString("recognition_number"),
				rs.getString("institution_name"), rs.getString("operator_name"), rs.getString("credit_code"),
				rs.getString("region_code"), rs.getString("policy_id"), rs.getInt("year"),
				rs.getObject("due_on", LocalDate.class), rs.getString("status"),
				rs.getObject("submitted_on", LocalDate.class), rs.getBoolean("late"), rs.getInt("version"), figures);
	}

	// assessment rounds

	boolean roundExists(String policyId, int year, String regionCode) {
		return this.jdbc
			.sql("SELECT count(*) FROM assessment_round WHERE policy_id = :p AND year = :y AND region_code = :r")
			.param("p", policyId)
			.param("y", year)
			.param("r", regionCode)
			.query(Long.class)
			.single() > 0;
	}

	long insertRound(String policyId, int year, String regionCode, String by, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO assessment_round (policy_id, year, region_code, status, opened_by, opened_at)
				VALUES (:p, :y, :r, 'OPEN', :by, :at) RETURNING id
				""")
			.param("p", policyId)
			.param("y", year)
			.param("r", regionCode)
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	void insertResult(long roundId, long recognitionId, String number, String name, String operator, String credit,
			String region) {
		this.jdbc.sql("""
				INSERT INTO assessment_result (round_id, recognition_id, recognition_number, institution_name,
				  operator_name, credit_code, region_code)
				VALUES (:round, :rec, :number, :name, :operator, :credit, :region)
				""")
			.param("round", roundId)
			.param("rec", recognitionId)
			.param("number", number)
			.param("name", name)
			.param("operator", operator)
			.param("credit", credit)
			.param("region", region)
			.update();
	}

	void publishRound(long id, int version, LocalDate on, String by) {
		int rows = this.jdbc.sql("""
				UPDATE assessment_round SET status = 'PUBLISHED', published_on = :on, published_by = :by,
				  version = version + 1
				WHERE id = :id AND version = :version AND status = 'OPEN'
				""").param("on", on).param("by", by).param("id", id).param("version", version).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("assessment round " + id + " was changed by someone else");
		}
	}

	Optional<AssessmentRound> findRound(long id) {
		return this.jdbc.sql("SELECT * FROM assessment_round WHERE id = :id")
			.param("id", id)
			.query(AssessmentRecords::round)
			.optional();
	}

	List<AssessmentRound> rounds(List<String> regions, boolean publishedOnly) {
		return this.jdbc
			.sql("SELECT * FROM assessment_round WHERE (CAST(:all AS boolean) OR region_code = ANY(:scope))"
					+ (publishedOnly ? " AND status = 'PUBLISHED'" : "") + " ORDER BY year DESC, id DESC LIMIT 200")
			.param("all", regions == null)
			.param("scope", (regions == null) ? new String[0] : regions.toArray(String[]::new))
			.query(AssessmentRecords::round)
			.list();
	}

	/** 考核 rounds of the bureau: newest year first; the date: 公布日期. */
	static final ListSpec ROUNDS = ListSpec.builder()
		.sort("year", "year")
		.sort("policy", "policy_id")
		.sort("region", "region_code")
		.sort("status", "status")
		.sort("published", "published_on")
		.defaultSort("year", false)
		.dates("published_on")
		.build();

	/** The rounds within the regions as a sortable list (no cap: the list pages). */
	ListQuery<AssessmentRound> roundList(List<String> regions) {
		return ListQuery.of(this.jdbc, ROUNDS, "SELECT * FROM assessment_round", AssessmentRecords::round)
			.where("region_code = ANY(:scope)", "scope", regions.toArray(String[]::new));
	}

	private static AssessmentRound round(ResultSet rs, int n) throws SQLException {
		return new AssessmentRound(rs.getLong("id"), rs.getString("policy_id"), rs.getInt("year"),
				rs.getString("region_code"), rs.getString("status"), rs.getString("opened_by"),
				rs.getObject("published_on", LocalDate.class), rs.getInt("version"));
	}

	// results

	List<AssessmentResult> results(long roundId) {
		return this.jdbc
			.sql("SELECT * FROM assessment_result WHERE round_id = :id ORDER BY region_code, recognition_number")
			.param("id", roundId)
			.query(AssessmentRecords::result)
			.list();
	}

	Optional<AssessmentResult> findResult(long id) {
		return this.jdbc.sql("SELECT * FROM assessment_result WHERE id = :id")
			.param("id", id)
			.query(AssessmentRecords::result)
			.optional();
	}

	/**
	 * Published results of a recognition in rounds of earlier years, the latest first.
	 */
	List<PastResult> publishedBefore(long recognitionId, int year) {
		return this.jdbc.sql("""
				SELECT r.year, x.grade FROM assessment_result x JOIN assessment_round r ON r.id = x.round_id
				WHERE x.recognition_id = :rec AND r.status = 'PUBLISHED' AND r.year < :year
				ORDER BY r.year DESC
				""")
			.param("rec", recognitionId)
			.param("year", year)
			.query((rs, i) -> new PastResult(rs.getInt("year"), rs.getString("grade")))
			.list();
	}

	void score(long id, int version, Map<String, BigDecimal> scores, BigDecimal total, String grade, String by) {
		int rows = this.jdbc.sql("""
				UPDATE assessment_result SET scores = :scores, total = :total, grade = :grade, scored_by = :by,
				  score_source = 'BUREAU', bureau_scores = :scores, not_assessed = false, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("scores", text(scores))
			.param("total", total)
			.param("grade", grade)
			.param("by", by)
			.param("id", id)
			.param("version", version)
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("assessment result " + id + " was changed by someone else");
		}
	}

	/** The bureau's own scores of a result whose scores come from an expert panel. */
	void scoreBureauOnly(long id, int version, Map<String, BigDecimal> scores) {
		int rows = this.jdbc.sql("""
				UPDATE assessment_result SET bureau_scores = :scores, version = version + 1
				WHERE id = :id AND version = :version
				""").param("scores", text(scores)).param("id", id).param("version", version).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("assessment result " + id + " was changed by someone else");
		}
	}

	/**
	 * A panel was drawn for the result: its scores wait for the experts' mean.
	 */
	void attachPanel(long id, int version, long panelId) {
		int rows = this.jdbc.sql("""
				UPDATE assessment_result SET expert_panel_id = :panel, expert_count = NULL, scores = NULL,
				  total = NULL, grade = NULL, scored_by = NULL, score_source = NULL, version = version + 1
				WHERE id = :id AND version = :version
				""").param("panel", panelId).param("id", id).param("version", version).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("assessment result " + id + " was changed by someone else");
		}
	}

	/** The experts' mean becomes the result's scores. */
	void adoptExperts(long id, int version, long panelId, Map<String, BigDecimal> scores, BigDecimal total,
			String grade, int experts) {
		int rows = this.jdbc.sql("""
				UPDATE assessment_result SET scores = :scores, total = :total, grade = :grade, scored_by = :by,
				  score_source = 'EXPERTS', expert_count = :n, not_assessed = false, version = version + 1
				WHERE id = :id AND version = :version AND expert_panel_id = :panel
				""")
			.param("scores", text(scores))
			.param("total", total)
			.param("grade", grade)
			.param("by", "专家组 #" + panelId)
			.param("n", experts)
			.param("id", id)
			.param("version", version)
			.param("panel", panelId)
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("assessment result " + id + " was changed by someone else");
		}
	}

	private static String text(Map<String, BigDecimal> scores) {
		StringBuilder text = new StringBuilder();
		scores.forEach(
				(k, v) -> text.append((text.length() > 0) ? ";" : "").append(k).append('=').append(v.toPlainString()));
		return text.toString();
	}

	/** The institution did not take part: no scores, no grade. */
	void markNotAssessed(long id, int version, String by) {
		int rows = this.jdbc.sql("""
				UPDATE assessment_result SET not_assessed = true, scores = NULL, total = NULL, grade = NULL,
				  scored_by = :by, score_source = NULL, version = version + 1
				WHERE id = :id AND version = :version AND expert_panel_id IS NULL
				""").param("by", by).param("id", id).param("version", version).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("assessment result " + id + " was changed by someone else");
		}
	}

	void markLapsed(long resultId) {
		this.jdbc.sql("UPDATE assessment_result SET lapsed = true, version = version + 1 WHERE id = :id")
			.param("id", resultId)
			.update();
	}

	private static AssessmentResult result(ResultSet rs, int n) throws SQLException {
		Map<String, BigDecimal> scores = scores(rs.getString("scores"));
		return new AssessmentResult(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("recognition_id"),
				rs.getString("recognition_number"), rs.getString("institution_name"), rs.getString("operator_name"),
				rs.getString("credit_code"), rs.getString("region_code"), scores, rs.getBigDecimal("total"),
				rs.getString("grade"), rs.getString("scored_by"), rs.getBoolean("lapsed"), rs.getInt("version"),
				rs.getString("score_source"), scores(rs.getString("bureau_scores")),
				rs.getObject("expert_panel_id", Long.class), rs.getObject("expert_count", Integer.class),
				rs.getBoolean("not_assessed"));
	}

	private static Map<String, BigDecimal> scores(String text) {
		Map<String, BigDecimal> scores = new LinkedHashMap<>();
		if (text != null && !text.isBlank()) {
			for (String pair : text.split(";")) {
				int eq = pair.indexOf('=');
				scores.put(pair.substring(0, eq), new BigDecimal(pair.substring(eq + 1)));
			}
		}
		return scores;
	}

	record PastResult(int year, String grade) {
	}

}
