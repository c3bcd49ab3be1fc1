package cn.zhongchuang.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.SealText;
import cn.zhongchuang.audit.Seals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * HMAC-SM3 seals of published assessment results: each result of a round is sealed when
 * the round is published (after the lapse rule has marked it), and checked whenever it is
 * shown.
 */
@Component
class ResultSeals {

	/** The kind of a result's seal, in its canonical text and the seal API. */
	static final String KIND = "assessment-result";

	private static final String ROW = """
			SELECT x.*, r.policy_id AS round_policy_id, r.year AS round_year, r.region_code AS round_region_code,
			       r.published_on AS round_published_on, r.published_by AS round_published_by
			FROM assessment_result x JOIN assessment_round r ON r.id = x.round_id
			WHERE r.status = 'PUBLISHED'
			""";

	private final JdbcClient jdbc;

	private final Seals seals;

	ResultSeals(JdbcClient jdbc, Seals seals) {
		this.jdbc = jdbc;
		this.seals = seals;
	}

	/** Seals every result of a published round as stored now; returns how many. */
	int sealRound(long roundId) {
		return seal(ROW + " AND x.round_id = :id", roundId, false, Integer.MAX_VALUE);
	}

	/** Seals the results of published rounds that have none (from before seals). */
	int sealUnsealed(int limit) {
		return seal(ROW + " AND x.seal IS NULL", null, true, limit);
	}

	private int seal(String sql, Long roundId, boolean onlyUnsealed, int limit) {
		record Sealed(long id, Seals.Seal seal) {
		}
		var statement = this.jdbc.sql(sql + " ORDER BY x.id LIMIT :limit").param("limit", limit);
		if (roundId != null) {
			statement = statement.param("id", roundId);
		}
		List<Sealed> sealed = statement.query((rs, n) -> new Sealed(rs.getLong("id"), this.seals.seal(text(rs))))
			.list();
		int n = 0;
		for (Sealed s : sealed) {
			n += Seals.store(this.jdbc, "assessment_result", s.id(), s.seal(), onlyUnsealed, null) ? 1 : 0;
		}
		return n;
	}

	/**
	 * The checks of a published round's results by result id; empty for an open round.
	 */
	Map<Long, SealCheck> checks(long roundId) {
		Map<Long, SealCheck> checks = new LinkedHashMap<>();
		this.jdbc.sql(ROW + " AND x.round_id = :id ORDER BY x.id").param("id", roundId).query((rs) -> {
			checks.put(rs.getLong("id"), check(rs));
		});
		return checks;
	}

	/** A published result's round and the check of its seal. */
	Optional<Checked> check(long resultId) {
		return this.jdbc.sql(ROW + " AND x.id = :id")
			.param("id", resultId)
			.query((rs, n) -> new Checked(rs.getLong("round_id"), check(rs)))
			.optional();
	}

	private SealCheck check(ResultSet rs) throws SQLException {
		return this.seals.verifyStored(text(rs), rs);
	}

	/**
	 * The canonical text of a published result: the round (policy, year, region, when and
	 * by whom published), the institution (recognition, number, names, credit code,
	 * region), the scores as stored, total, grade, where the scores come from, whether it
	 * did not take part, and whether its recognition lapsed by this round.
	 */
	private static SealText text(ResultSet rs) throws SQLException {
		return Seals.text(KIND)
			.field("id", rs.getLong("id"))
			.field("round", rs.getLong("round_id"))
			.field("policy", rs.getString("round_policy_id"))
			.field("year", rs.getInt("round_year"))
			.field("roundRegion", rs.getString("round_region_code"))
			.field("publishedOn", rs.getObject("round_published_on", LocalDate.class))
			.field("publishedBy", rs.getString("round_published_by"))
			.field("recognition", rs.getLong("recognition_id"))
			.field("recognitionNumber", rs.getString("recognition_number"))
			.field("institutionName", rs.getString("institution_name"))
			.field("operatorName", rs.getString("operator_name"))
			.field("creditCode", rs.getString("credit_code"))
			.field("region", rs.getString("region_code"))
			.field("scores", rs.getString("scores"))
			.field("total", rs.getBigDecimal("total"))
			.field("grade", rs.getString("grade"))
			.field("scoredBy", rs.getString("scored_by"))
			.field("scoreSource", rs.getString("score_source"))
			.field("expertCount", rs.getObject("expert_count", Integer.class))
			.field("notAssessed", rs.getBoolean("not_assessed"))
			.field("lapsed", rs.getBoolean("lapsed"));
	}

	/** A result's round and its seal check. */
	record Checked(long roundId, SealCheck seal) {
	}

}
