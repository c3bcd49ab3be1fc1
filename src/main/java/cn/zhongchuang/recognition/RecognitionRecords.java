package cn.zhongchuang.recognition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.SealText;
import cn.zhongchuang.audit.Seals;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;
import cn.zhongchuang.platform.PageResult;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Recognitions and their number counters in PostgreSQL. */
@Repository
class RecognitionRecords {

	/** The kind of a recognition's seal, in its canonical text and the seal API. */
	static final String SEAL_KIND = "recognition";

	private final JdbcClient jdbc;

	private final Seals seals;

	RecognitionRecords(JdbcClient jdbc, Seals seals) {
		this.jdbc = jdbc;
		this.seals = seals;
	}

	// seals

	/**
	 * Seals a recognition as stored now (made, revoked or lapsed); with
	 * {@code onlyUnsealed} only while it has no seal.
	 */
	boolean seal(long id, boolean onlyUnsealed) {
		return this.jdbc.sql("SELECT * FROM recognition WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> this.seals.seal(sealText(rs)))
			.optional()
			.map((seal) -> Seals.store(this.jdbc, "recognition", id, seal, onlyUnsealed, null))
			.orElse(false);
	}

	/** The check of a recognition's seal; empty when missing. */
	Optional<SealCheck> sealCheck(long id) {
		return this.jdbc.sql("SELECT * FROM recognition WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> this.seals.verifyStored(sealText(rs), rs))
			.optional();
	}

	/**
	 * Seals at most {@code limit} recognitions that have no seal (from before seals, or
	 * loaded in bulk) with one read and one update; returns how many.
	 */
	int sealUnsealed(int limit) {
		List<Long> ids = new java.util.ArrayList<>();
		List<String> values = new java.util.ArrayList<>();
		List<Integer> keys = new java.util.ArrayList<>();
		this.jdbc.sql("SELECT * FROM recognition WHERE seal IS NULL ORDER BY id LIMIT :limit")
			.param("limit", limit)
			.query((rs) -> {
				Seals.Seal seal = this.seals.seal(sealText(rs));
				ids.add(rs.getLong("id"));
				values.add(seal.value());
				keys.add(seal.keyId());
			});
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				UPDATE recognition r SET seal = v.seal, seal_key_id = v.key
				FROM (SELECT unnest(:ids) AS id, unnest(:seals) AS seal, unnest(:keys) AS key) v
				WHERE r.id = v.id AND r.seal IS NULL
				""")
			.param("ids", ids.toArray(Long[]::new))
			.param("seals", values.toArray(String[]::new))
			.param("keys", keys.toArray(Integer[]::new))
			.update();
	}

	/**
	 * The canonical text of a recognition: number and verification code, the institution
	 * and its operator, kind, level, region, policy, issuing authority and date, its
	 * basis (document or recommendation), who recorded it and when, its status and the
	 * end (revocation or lapse: date, reason, announcement, plaque removal, who, when).
	 */
	private static SealText sealText(ResultSet rs) throws SQLException {
		return Seals.text(SEAL_KIND)
			.field("id", rs.getLong("id"))
			.field("number", rs.getString("number"))
			.field("verificationCode", rs.getString("verification_code"))
			.field("subjectType", rs.getString("subject_type"))
			.field("subjectId", rs.getLong("subject_id"))
			.field("institutionName", rs.getString("institution_name"))
			.field("operatorName", rs.getString("operator_name"))
			.field("creditCode", rs.getString("credit_code"))
			.field("kind", rs.getString("kind"))
			.field("specialization", rs.getString("specialization"))
			.field("level", rs.getString("level"))
			.field("region", rs.getString("region_code"))
			.field("policy", rs.getString("policy_id"))
			.field("issuingAuthority", rs.getString("issuing_authority"))
			.field("recognizedOn", rs.getObject("recognized_on", LocalDate.class))
			.field("designation", rs.getString("designation"))
			.field("documentNumber", rs.getString("document_number"))
			.field("documentDate", rs.getObject("document_date", LocalDate.class))
			.field("recommendation", rs.getObject("recommendation_id", Long.class))
			.field("status", rs.getString("status"))
			.field("createdBy", rs.getString("created_by"))
			.field("createdAt", rs.getObject("created_at", OffsetDateTime.class))
			.field("endedOn", rs.getObject("ended_on", LocalDate.class))
			.field("endReason", rs.getString("end_reason"))
			.field("announcement", rs.getString("announcement"))
			.field("plaqueRemovalOn", rs.getObject("plaque_removal_on", LocalDate.class))
			.field("endedBy", rs.getString("ended_by"))
			.field("endedAt", rs.getObject("ended_at", OffsetDateTime.class));
	}

	/**
	 * The next number for a prefix and year: the counter row is locked (SELECT … FOR
	 * UPDATE) until the transaction ends, so concurrent recognitions queue up and a
	 * rolled-back one gives its number back.
	 */
	int nextNumber(String prefix, int year) {
		this.jdbc.sql("""
				INSERT INTO recognition_counter (prefix, year, last_number) VALUES (:prefix, :year, 0)
				ON CONFLICT (prefix, year) DO NOTHING
				""").param("prefix", prefix).param("year", year).update();
		int last = this.jdbc
			.sql("SELECT last_number FROM recognition_counter WHERE prefix = :prefix AND year = :year FOR UPDATE")
			.param("prefix", prefix)
			.param("year", year)
			.query(Integer.class)
			.single();
		this.jdbc.sql("UPDATE recognition_counter SET last_number = :n WHERE prefix = :prefix AND year = :year")
			.param("n", last + 1)
			.param("prefix", prefix)
			.param("year", year)
			.update();
		return last + 1;
	}

	boolean exists(String subjectType, long subjectId, String policyId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM recognition WHERE subject_type = :type AND subject_id = :id AND policy_id = :policy
				""")
			.param("type", subjectType)
			.param("id", subjectId)
			.param("policy", policyId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Recognition> find(long id) {
		return this.jdbc.sql("SELECT * FROM recognition WHERE id = :id")
			.param("id", id)
			.query(RecognitionRecords::map)
			.optional();
	}

	Optional<Recognition> findByNumber(String number) {
		return this.jdbc.sql("SELECT * FROM recognition WHERE number = :n")
			.param("n", number)
			.query(RecognitionRecords::map)
			.optional();
	}

	Optional<Recognition> findByCode(String code) {
		return this.jdbc.sql("SELECT * FROM recognition WHERE verification_code = :c")
			.param("c", code)
			.query(RecognitionRecords::map)
			.optional();
	}

	Recognition save(Recognition r) {
		if (r.id() == null) {
			RecognitionRequest q = r.request();
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("""
						INSERT INTO recognition (number, verification_code, subject_type, subject_id, institution_name, operator_name,
						  credit_code, kind, specialization, level, region_code, policy_id, issuing_authority, recognized_on, status,
						  created_by, created_at, institution_id, source, designation, document_number, document_date,
						  evidence_attachment_id, recommendation_id)
						VALUES (:number, :code, :type, :subject, :name, :operator, :credit, :kind, :spec, :level, :region, :policy,
						  :authority, :on, :status, :by, :at, :institution, :source, :designation, :document, :documentDate,
						  :evidence, :recommendation)
						""")
				.param("institution", q.institutionId())
				.param("source", r.source())
				.param("designation", r.basis().designation(), java.sql.Types.VARCHAR)
				.param("document", r.basis().documentNumber(), java.sql.Types.VARCHAR)
				.param("documentDate", r.basis().documentDate(), java.sql.Types.DATE)
				.param("evidence", r.basis().evidenceAttachmentId(), java.sql.Types.BIGINT)
				.param("recommendation", r.basis().recommendationId(), java.sql.Types.BIGINT)
				.param("number", r.number(), java.sql.Types.VARCHAR)
				.param("code", r.verificationCode())
				.param("type", q.subjectType())
				.param("subject", q.subjectId())
				.param("name", q.institutionName())
				.param("operator", q.operatorName())
				.param("credit", q.creditCode())
				.param("kind", q.kind())
				.param("spec", q.specialization())
				.param("level", q.level())
				.param("region", q.regionCode())
				.param("policy", q.policyId(), java.sql.Types.VARCHAR)
				.param("authority", q.issuingAuthority())
				.param("on", q.recognizedOn())
				.param("status", r.status().name())
				.param("by", r.createdBy())
				.param("at", r.createdAt().atOffset(ZoneOffset.UTC))
				.update(keys, "id");
			seal(keys.getKey().longValue(), false);
			return find(keys.getKey().longValue()).orElseThrow();
		}
		Recognition.Ending e = r.ending();
		int rows = this.jdbc
			.sql("""
					UPDATE recognition SET status = :status, ended_on = :on, end_reason = :reason, announcement = :announcement,
					  plaque_removal_on = :plaque, ended_by = :by, ended_at = :at, version = version + 1
					WHERE id = :id AND version = :version
					""")
			.param("status", r.status().name())
			.param("on", (e != null) ? e.on() : null, java.sql.Types.DATE)
			.param("reason", (e != null) ? e.reason() : null, java.sql.Types.VARCHAR)
			.param("announcement", (e != null) ? e.announcement() : null, java.sql.Types.VARCHAR)
			.param("plaque", (e != null) ? e.plaqueRemovalOn() : null, java.sql.Types.DATE)
			.param("by", (e != null) ? e.by() : null, java.sql.Types.VARCHAR)
			.param("at", (e != null) ? e.at().atOffset(ZoneOffset.UTC) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("id", r.id())
			.param("version", r.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("recognition " + r.id() + " was changed by someone else");
		}
		// the end (revocation or lapse) is a decision too: sealed with the recognition
		seal(r.id(), false);
		return find(r.id()).orElseThrow();
	}

	/**
	 * Registry search: region codes (already expanded to descendants; null for all),
	 * level, keyword.
	 */
	PageResult<Recognition> search(List<String> regions, String level, String keyword, boolean activeOnly, Integer page,
			Integer size) {
		return search(regions, level, keyword, activeOnly ? "ACTIVE" : null, page, size);
	}

	PageResult<Recognition> search(List<String> regions, String level, String keyword, String status, Integer page,
			Integer size) {
		return list(regions, level, keyword, status).page(ListParams.page(page, size)).results();
	}

	/** The sorts of a list of titles, newest first by default; the date: 认定日期. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("recognized", "recognized_on")
		.sort("number", "number")
		.sort("name", "institution_name")
		.sort("operator", "operator_name")
		.sort("level", "level")
		.sort("region", "region_code")
		.sort("status", "status")
		.defaultSort("recognized", false)
		.dates("recognized_on")
		.build();

	/** Titles within the region codes (null for all), by status, level and keyword. */
	ListQuery<Recognition> list(List<String> regions, String level, String keyword, String status) {
		ListQuery<Recognition> list = ListQuery
			.of(this.jdbc, LIST, "SELECT * FROM recognition", RecognitionRecords::map)
			.filter(status, "status = :status", "status")
			.filter(level, "level = :level", "level")
			.keyword(keyword, "(institution_name ILIKE :kw OR operator_name ILIKE :kw OR number ILIKE :kw"
					+ " OR credit_code ILIKE :kw)");
		return (regions != null) ? list.where("region_code = ANY(:scope)", "scope", regions.toArray(String[]::new))
				: list;
	}

	/** Revocations and lapses, newest first, within the region codes (null for all). */
	List<Recognition> ended(List<String> regions, int limit) {
		StringBuilder where = new StringBuilder(" WHERE status <> 'ACTIVE' AND announcement IS NOT NULL");
		Map<String, Object> params = new LinkedHashMap<>();
		if (regions != null) {
			where.append(" AND region_code = ANY(:scope)");
			params.put("scope", regions.toArray(String[]::new));
		}
		return this.jdbc.sql("SELECT * FROM recognition" + where + " ORDER BY ended_on DESC, id DESC LIMIT :limit")
			.params(params)
			.param("limit", limit)
			.query(RecognitionRecords::map)
			.list();
	}

	List<Recognition> ofCreditCode(String creditCode) {
		return this.jdbc.sql("SELECT * FROM recognition WHERE credit_code = :c ORDER BY recognized_on DESC, id DESC")
			.param("c", creditCode)
			.query(RecognitionRecords::map)
			.list();
	}

	List<Recognition> activeWithin(List<String> regions, String policyId) {
		return this.jdbc.sql("""
				SELECT * FROM recognition WHERE status = 'ACTIVE' AND region_code = ANY(:scope) AND policy_id = :policy
				ORDER BY region_code, number
				""")
			.param("scope", regions.toArray(String[]::new))
			.param("policy", policyId)
			.query(RecognitionRecords::map)
			.list();
	}

	/** The ACTIVE title of the institution at this level, if it holds one. */
	Optional<Recognition> activeAt(long institutionId, String level) {
		return this.jdbc
			.sql("SELECT * FROM recognition WHERE institution_id = :i AND level = :level AND status = 'ACTIVE' LIMIT 1")
			.param("i", institutionId)
			.param("level", level)
			.query(RecognitionRecords::map)
			.optional();
	}

	/** Points an external title at the scan of its document. */
	void attachEvidence(long id, long attachmentId) {
		this.jdbc.sql("UPDATE recognition SET evidence_attachment_id = :a WHERE id = :id")
			.param("a", attachmentId)
			.param("id", id)
			.update();
	}

	/** Every title of the institutions, newest first. */
	List<Recognition> ofInstitutions(java.util.Collection<Long> institutionIds) {
		if (institutionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT * FROM recognition WHERE institution_id = ANY(:ids) ORDER BY recognized_on DESC, id DESC")
			.param("ids", institutionIds.toArray(Long[]::new))
			.query(RecognitionRecords::map)
			.list();
	}

	/** Every title of one institution, the newest first. */
	List<Recognition> ofInstitution(long institutionId) {
		return this.jdbc.sql("SELECT * FROM recognition WHERE institution_id = :i ORDER BY recognized_on DESC, id DESC")
			.param("i", institutionId)
			.query(RecognitionRecords::map)
			.list();
	}

	long countOf(String subjectType) {
		return this.jdbc.sql("SELECT count(*) FROM recognition WHERE subject_type = :t")
			.param("t", subjectType)
			.query(Long.class)
			.single();
	}

	private static Recognition map(ResultSet rs, int n) throws SQLException {
		RecognitionRequest request = new RecognitionRequest(rs.getString("subject_type"), rs.getLong("subject_id"),
				rs.getString("institution_name"), rs.getString("operator_name"), rs.getString("credit_code"),
				rs.getString("kind"), rs.getString("specialization"), rs.getString("level"),
				rs.getString("region_code"), rs.getString("policy_id"), rs.getString("issuing_authority"),
				rs.getObject("recognized_on", LocalDate.class), rs.getLong("institution_id"));
		return new Recognition(rs.getLong("id"), rs.getString("number"), rs.getString("verification_code"), request,
				Recognition.Status.valueOf(rs.getString("status")), ending(rs), rs.getString("source"), basis(rs),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

	private static Recognition.Basis basis(ResultSet rs) throws SQLException {
		return new Recognition.Basis(rs.getString("designation"), rs.getString("document_number"),
				rs.getObject("document_date", LocalDate.class), rs.getObject("evidence_attachment_id", Long.class),
				rs.getObject("recommendation_id", Long.class));
	}

	private static Recognition.Ending ending(ResultSet rs) throws SQLException {
		LocalDate on = rs.getObject("ended_on", LocalDate.class);
		if (on == null) {
			return null;
		}
		java.sql.Timestamp at = rs.getTimestamp("ended_at");
		return new Recognition.Ending(on, rs.getString("end_reason"), rs.getString("announcement"),
				rs.getObject("plaque_removal_on", LocalDate.class), rs.getString("ended_by"),
				(at != null) ? at.toInstant() : null);
	}

}
