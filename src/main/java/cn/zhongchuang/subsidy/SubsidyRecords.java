package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Programmes, rates and awards in PostgreSQL. */
@Repository
class SubsidyRecords {

	private static final String TOTALS = """
			SELECT count(a.id) AS awards, coalesce(sum(a.amount), 0) AS awarded,
			  coalesce(sum(a.amount) FILTER (WHERE a.disbursed_on IS NOT NULL), 0) AS disbursed,
			  coalesce(sum(a.recovered_amount), 0) AS recovered
			""";

	private final JdbcClient jdbc;

	SubsidyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertProgramme(Programme p) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO subsidy_programme (name, year, region_code, budget, basis, assessment_round_id, policy_id,
				  created_by, created_role, created_at, subject, stage)
				VALUES (:name, :year, :region, :budget, :basis, :round, :policy, :by, :role, :at, :subject, :stage)
				""")
			.param("subject", p.subject())
			.param("stage", p.stage(), Types.VARCHAR)
			.param("name", p.name())
			.param("year", p.year())
			.param("region", p.regionCode())
			.param("budget", p.budget())
			.param("basis", p.basis())
			.param("round", p.assessmentRoundId(), Types.BIGINT)
			.param("policy", p.policyId(), Types.VARCHAR)
			.param("by", p.createdBy())
			.param("role", p.createdRole())
			.param("at", p.createdAt().atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		p.rates()
			.forEach((k, v) -> this.jdbc
				.sql("INSERT INTO subsidy_rate (programme_id, rate_key, amount) VALUES (:id, :k, :v)")
				.param("id", id)
				.param("k", k)
				.param("v", v)
				.update());
		return id;
	}

	Optional<Programme> findProgramme(long id) {
		return this.jdbc.sql("SELECT * FROM subsidy_programme WHERE id = :id")
			.param("id", id)
			.query(this::programme)
			.optional();
	}

	/**
	 * Locks the programme row: awards of one programme are written one transaction at a
	 * time.
	 */
	Programme lockProgramme(long id) {
		return this.jdbc.sql("SELECT * FROM subsidy_programme WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::programme)
			.single();
	}

	void setStatus(long id, String status, int version) {
		int n = this.jdbc
			.sql("UPDATE subsidy_programme SET status = :s, version = version + 1 WHERE id = :id AND version = :v")
			.param("s", status)
			.param("id", id)
			.param("v", version)
			.update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("subsidy_programme " + id);
		}
	}

	/** 奖补管理: newest year first; the date: when the programme was set up. */
	static final ListSpec PROGRAMMES = ListSpec.builder()
		.sort("year", "year")
		.sort("name", "name")
		.sort("region", "region_code")
		.sort("basis", "basis")
		.sort("status", "status")
		.sort("budget", "budget")
		.sort("created", "created_at")
		.defaultSort("year", false)
		.instants("created_at")
		.build();

	/** The programmes within the regions, of one year if given. */
	ListQuery<Programme> programmes(List<String> regions, Integer year) {
		return ListQuery.of(this.jdbc, PROGRAMMES, "SELECT * FROM subsidy_programme", this::programme)
			.where("region_code = ANY(:scope)", "scope", regions.toArray(String[]::new))
			.filter(year, "year = :year", "year");
	}

	/** The money of the programme: label and key are filled by the caller. */
	Totals totals(Programme p) {
		return this.jdbc.sql(TOTALS + " FROM subsidy_award a WHERE a.programme_id = :id")
			.param("id", p.id())
			.query((rs, n) -> new Totals(p.name(), String.valueOf(p.id()), rs.getLong("awards"), p.budget(),
					rs.getBigDecimal("awarded"), rs.getBigDecimal("disbursed"), rs.getBigDecimal("recovered")))
			.single();
	}

	/** Per region of the awards (label is the region code, named by the caller). */
	List<Totals> totalsByRegion(long programmeId) {
		return this.jdbc
			.sql(TOTALS + ", a.region_code FROM subsidy_award a WHERE a.programme_id = :id"
					+ " GROUP BY a.region_code ORDER BY a.region_code")
			.param("id", programmeId)
			.query((rs, n) -> new Totals(rs.getString("region_code"), rs.getString("region_code"), rs.getLong("awards"),
					null, rs.getBigDecimal("awarded"), rs.getBigDecimal("disbursed"), rs.getBigDecimal("recovered")))
			.list();
	}

	/**
	 * Awards less recovered: what the budget must cover. Call with the programme locked.
	 */
	BigDecimal committed(long programmeId) {
		return this.jdbc
			.sql("SELECT coalesce(sum(amount), 0) - coalesce(sum(recovered_amount), 0) FROM subsidy_award"
					+ " WHERE programme_id = :id")
			.param("id", programmeId)
			.query(BigDecimal.class)
			.single();
	}

	long insertAward(Award a) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO subsidy_award (programme_id, recognition_id, recognition_number, institution_name,
				  operator_name, credit_code, region_code, amount, reason, awarded_by, awarded_at)
				VALUES (:programme, :rec, :number, :name, :operator, :credit, :region, :amount, :reason, :by, :at)
				""")
			.param("programme", a.programmeId())
			.param("rec", a.recognitionId())
			.param("number", a.recognitionNumber())
			.param("name", a.institutionName())
			.param("operator", a.operatorName())
			.param("credit", a.creditCode())
			.param("region", a.regionCode())
			.param("amount", a.amount())
			.param("reason", a.reason())
			.param("by", a.awardedBy())
			.param("at", a.awardedAt().atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<Long> awardedRecognitions(long programmeId) {
		return this.jdbc.sql("SELECT recognition_id FROM subsidy_award WHERE programme_id = :id")
			.param("id", programmeId)
			.query(Long.class)
			.list();
	}

	Optional<Award> findAward(long id) {
		return this.jdbc.sql("SELECT * FROM subsidy_award WHERE id = :id")
			.param("id", id)
			.query(SubsidyRecords::award)
			.optional();
	}

	List<Award> awards(long programmeId) {
		return this.jdbc.sql("SELECT * FROM subsidy_award WHERE programme_id = :id ORDER BY region_code, id")
			.param("id", programmeId)
			.query(SubsidyRecords::award)
			.list();
	}

	List<Award> awardsOfCreditCode(String creditCode) {
		return this.jdbc.sql("SELECT * FROM subsidy_award WHERE credit_code = :c ORDER BY awarded_at DESC, id DESC")
			.param("c", creditCode)
			.query(SubsidyRecords::award)
			.list();
	}

	List<Award> awardsOfRecognition(long recognitionId) {
		return this.jdbc.sql("SELECT * FROM subsidy_award WHERE recognition_id = :r ORDER BY id")
			.param("r", recognitionId)
			.query(SubsidyRecords::award)
			.list();
	}

	void disburse(long id, LocalDate on, String voucher, int version) {
		check(this.jdbc.sql("""
				UPDATE subsidy_award SET status = 'DISBURSED', disbursed_on = :on, voucher_no = :voucher,
				  version = version + 1
				WHERE id = :id AND version = :v AND status = 'AWARDED'
				""").param("on", on).param("voucher", voucher).param("id", id).param("v", version).update(), id);
	}

	void recoveryDue(long id, String reason, LocalDate on, Long sanctionId, int version) {
		check(this.jdbc.sql("""
				UPDATE subsidy_award SET status = 'RECOVERY_DUE', recovery_reason = :reason, recovery_due_on = :on,
				  sanction_id = coalesce(:sanction, sanction_id), version = version + 1
				WHERE id = :id AND version = :v AND status IN ('AWARDED', 'DISBURSED')
				""")
			.param("reason", reason)
			.param("on", on)
			.param("sanction", sanctionId, Types.BIGINT)
			.param("id", id)
			.param("v", version)
			.update(), id);
	}

	/**
	 * Marks the award as concerned by a finding without recovery; false when it already
	 * was.
	 */
	boolean flag(long id, long sanctionId) {
		return this.jdbc.sql(
				"UPDATE subsidy_award SET sanction_id = :s, version = version + 1 WHERE id = :id AND sanction_id IS NULL")
			.param("s", sanctionId)
			.param("id", id)
			.update() == 1;
	}

	void recover(long id, LocalDate on, BigDecimal amount, String note, int version) {
		check(this.jdbc.sql("""
				UPDATE subsidy_award SET status = 'RECOVERED', recovered_on = :on, recovered_amount = :amount,
				  recovery_note = :note, version = version + 1
				WHERE id = :id AND version = :v AND status = 'RECOVERY_DUE'
				""")
			.param("on", on)
			.param("amount", amount)
			.param("note", note, Types.VARCHAR)
			.param("id", id)
			.param("v", version)
			.update(), id);
	}

	private static void check(int updated, long id) {
		if (updated != 1) {
			throw new OptimisticLockingFailureException("subsidy_award " + id);
		}
	}

	private Programme programme(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		this.jdbc.sql("SELECT rate_key, amount FROM subsidy_rate WHERE programme_id = :id ORDER BY rate_key")
			.param("id", id)
			.query((r, i) -> rates.put(r.getString("rate_key"), r.getBigDecimal("amount")))
			.list();
		return new Programme(id, rs.getString("name"), rs.getInt("year"), rs.getString("region_code"),
				rs.getBigDecimal("budget"), rs.getString("basis"), (Long) rs.getObject("assessment_round_id"),
				rs.getString("policy_id"), rs.getString("status"), rs.getString("created_by"),
				rs.getString("created_role"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"), rates,
				rs.getString("subject"), rs.getString("stage"));
	}

	private static Award award(ResultSet rs, int n) throws SQLException {
		return new Award(rs.getLong("id"), rs.getLong("programme_id"), rs.getLong("recognition_id"),
				rs.getString("recognition_number"), rs.getString("institution_name"), rs.getString("operator_name"),
				rs.getString("credit_code"), rs.getString("region_code"), rs.getBigDecimal("amount"),
				rs.getString("reason"), rs.getString("status"), rs.getString("awarded_by"),
				rs.getTimestamp("awarded_at").toInstant(), rs.getObject("disbursed_on", LocalDate.class),
				rs.getString("voucher_no"), (Long) rs.getObject("sanction_id"), rs.getString("recovery_reason"),
				rs.getObject("recovery_due_on", LocalDate.class), rs.getObject("recovered_on", LocalDate.class),
				rs.getBigDecimal("recovered_amount"), rs.getString("recovery_note"), rs.getInt("version"));
	}

}
