package cn.zhongchuang.mentor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.mentor.MentorCertification.Origin;
import cn.zhongchuang.mentor.MentorCertification.Status;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;
import cn.zhongchuang.platform.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Nominations and certificates in PostgreSQL; ID number and phone SM4-encrypted. */
@Repository
class MentorRecords {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final MentorIdIndex index;

	MentorRecords(JdbcClient jdbc, PersonalDataCipher cipher, MentorIdIndex index) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
	}

	long insert(Origin origin, long operatorId, String operatorName, Long operatorMentorId, long institutionId,
			String institutionName, String regionCode, String provinceCode, String name, String idNumber, String phone,
			String field, String employer, String experience, String submittedBy, Instant at) {
		return this.jdbc
			.sql("""
					INSERT INTO mentor_certification (origin, operator_id, operator_name, operator_mentor_id, institution_id,
					  institution_name, region_code, province_code, name, id_number, id_number_index, phone, field, employer,
					  experience, status, submitted_by, submitted_at)
					VALUES (:origin, :operator, :operatorName, :mentor, :institution, :institutionName, :region, :province,
					  :name, :idNumber, :idIndex, :phone, :field, :employer, :experience, 'PENDING', :by, :at)
					RETURNING id
					""")
			.param("origin", origin.name())
			.param("operator", operatorId)
			.param("operatorName", operatorName)
			.param("mentor", operatorMentorId, Types.BIGINT)
			.param("institution", institutionId)
			.param("institutionName", institutionName)
			.param("region", regionCode)
			.param("province", provinceCode)
			.param("name", name)
			.param("idNumber", this.cipher.encrypt(IdNumbers.normalise(idNumber)))
			.param("idIndex", this.index.of(idNumber))
			.param("phone", this.cipher.encrypt(phone))
			.param("field", field)
			.param("employer", employer)
			.param("experience", experience)
			.param("by", submittedBy)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	void attachEvidence(long id, long attachmentId) {
		this.jdbc.sql("UPDATE mentor_certification SET evidence_attachment_id = :a WHERE id = :id")
			.param("a", attachmentId)
			.param("id", id)
			.update();
	}

	Optional<MentorCertification> find(long id) {
		return this.jdbc.sql("SELECT * FROM mentor_certification WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** The certificate in force for the person with this ID number, if any. */
	Optional<MentorCertification> activeFor(String idNumber) {
		return this.jdbc.sql("SELECT * FROM mentor_certification WHERE id_number_index = :i AND status = 'CERTIFIED'")
			.param("i", this.index.of(idNumber))
			.query(this::map)
			.optional();
	}

	/**
	 * The next number of the province's sequence for the year (row-locked, so unique).
	 */
	int nextNumber(String provinceCode, int year) {
		return this.jdbc.sql("""
				INSERT INTO mentor_certificate_counter (province_code, year, last_number) VALUES (:p, :y, 1)
				ON CONFLICT (province_code, year) DO UPDATE SET last_number = mentor_certificate_counter.last_number + 1
				RETURNING last_number
				""").param("p", provinceCode).param("y", year).query(Integer.class).single();
	}

	/**
	 * PENDING → CERTIFIED; false when the row is no longer pending or was changed. Throws
	 * DuplicateKeyException when the person already holds an active certificate (the
	 * unique partial index).
	 */
	boolean certify(long id, int version, String number, LocalDate on, LocalDate until, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE mentor_certification SET status = 'CERTIFIED', certificate_number = :number, certified_on = :on,
				  valid_until = :until, decided_by = :by, decided_at = :at, version = version + 1
				WHERE id = :id AND version = :version AND status = 'PENDING'
				""")
			.param("number", number)
			.param("on", on)
			.param("until", until)
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	boolean refuse(long id, int version, String reason, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE mentor_certification SET status = 'REFUSED', refusal_reason = :reason, decided_by = :by,
				  decided_at = :at, version = version + 1
				WHERE id = :id AND version = :version AND status = 'PENDING'
				""")
			.param("reason", reason)
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	boolean revoke(long id, int version, String reason, LocalDate on, String by) {
		return this.jdbc
			.sql("""
					UPDATE mentor_certification SET status = 'REVOKED', end_reason = :reason, ended_on = :on, ended_by = :by,
					  version = version + 1
					WHERE id = :id AND version = :version AND status = 'CERTIFIED'
					""")
			.param("reason", reason)
			.param("on", on)
			.param("by", by)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * Marks every certificate whose term ended before {@code today} LAPSED (ended the day
	 * after its last valid day), in one statement; returns the rows changed.
	 */
	List<MentorCertification> lapse(LocalDate today) {
		return this.jdbc.sql("""
				UPDATE mentor_certification SET status = 'LAPSED', ended_on = valid_until + 1,
				  end_reason = '证书有效期届满', ended_by = 'system', version = version + 1
				WHERE status = 'CERTIFIED' AND valid_until < :today
				RETURNING *
				""").param("today", today).query(this::map).list();
	}

	/**
	 * Lapses the active certificate of one person if its term has ended (before a
	 * re-certification).
	 */
	List<MentorCertification> lapseFor(String idNumber, LocalDate today) {
		return this.jdbc.sql("""
				UPDATE mentor_certification SET status = 'LAPSED', ended_on = valid_until + 1,
				  end_reason = '证书有效期届满', ended_by = 'system', version = version + 1
				WHERE status = 'CERTIFIED' AND valid_until < :today AND id_number_index = :i
				RETURNING *
				""").param("today", today).param("i", this.index.of(idNumber)).query(this::map).list();
	}

	/** 创业导师认定 (staff): the sorts, newest submission first; the date: 提交日期. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("submitted", "submitted_at")
		.sort("name", "name")
		.sort("institution", "institution_name")
		.sort("status", "status")
		.sort("number", "certificate_number")
		.sort("validUntil", "valid_until")
		.defaultSort("submitted", false)
		.instants("submitted_at")
		.build();

	ListQuery<MentorCertification> list(String keyword, String status) {
		return ListQuery.of(this.jdbc, LIST, "SELECT * FROM mentor_certification", this::map)
			.keyword(keyword,
					"(name ILIKE :kw OR field ILIKE :kw OR employer ILIKE :kw OR institution_name ILIKE :kw"
							+ " OR operator_name ILIKE :kw OR certificate_number ILIKE :kw)")
			.filter(status, "status = :status", "status");
	}

	/**
	 * The public registry: certificates ever given (certified, revoked or lapsed), by
	 * name or field keyword and field, only those in force on {@code inForceOn} when
	 * given; those in force first, then by number.
	 */
	List<MentorCertification> registry(String keyword, String field, LocalDate inForceOn, int offset, int limit) {
		return this.jdbc.sql("SELECT * FROM mentor_certification" + registryWhere(keyword, field, inForceOn)
				+ " ORDER BY (status = 'CERTIFIED') DESC, certified_on DESC, certificate_number LIMIT :limit OFFSET :offset")
			.params(registryParams(keyword, field, inForceOn))
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	long registryCount(String keyword, String field, LocalDate inForceOn) {
		return this.jdbc.sql("SELECT count(*) FROM mentor_certification" + registryWhere(keyword, field, inForceOn))
			.params(registryParams(keyword, field, inForceOn))
			.query(Long.class)
			.single();
	}

	/** The fields (领域) of the registry, for its filter. */
	List<String> registryFields() {
		return this.jdbc.sql("""
				SELECT DISTINCT field FROM mentor_certification WHERE certificate_number IS NOT NULL ORDER BY field
				""").query(String.class).list();
	}

	private static String registryWhere(String keyword, String field, LocalDate inForceOn) {
		return " WHERE certificate_number IS NOT NULL"
				+ ((keyword != null) ? " AND (name ILIKE :kw OR field ILIKE :kw)" : "")
				+ ((field != null) ? " AND field = :field" : "")
				+ ((inForceOn != null) ? " AND status = 'CERTIFIED' AND valid_until >= :today" : "");
	}

	private static java.util.Map<String, Object> registryParams(String keyword, String field, LocalDate inForceOn) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		if (inForceOn != null) {
			p.put("today", inForceOn);
		}
		if (keyword != null) {
			p.put("kw", "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (field != null) {
			p.put("field", field);
		}
		return p;
	}

	/** Recomputes every row's ID index under the current key (after the key changed). */
	int reindex() {
		List<Object[]> rows = this.jdbc.sql("SELECT id, id_number FROM mentor_certification")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
		for (Object[] row : rows) {
			this.jdbc.sql("UPDATE mentor_certification SET id_number_index = :i WHERE id = :id")
				.param("i", this.index.of(this.cipher.decrypt((String) row[1])))
				.param("id", row[0])
				.update();
		}
		return rows.size();
	}

	Optional<String> keyCheck() {
		return this.jdbc.sql("SELECT check_value FROM mentor_index_key_check WHERE id = 1")
			.query(String.class)
			.optional();
	}

	void storeKeyCheck(String value) {
		this.jdbc.sql("""
				INSERT INTO mentor_index_key_check (id, check_value) VALUES (1, :v)
				ON CONFLICT (id) DO UPDATE SET check_value = EXCLUDED.check_value
				""").param("v", value).update();
	}

	private MentorCertification map(ResultSet rs, int n) throws SQLException {
		return new MentorCertification(rs.getLong("id"), Origin.valueOf(rs.getString("origin")),
				rs.getLong("operator_id"), rs.getString("operator_name"),
				rs.getObject("operator_mentor_id", Long.class), rs.getLong("institution_id"),
				rs.getString("institution_name"), rs.getString("region_code"), rs.getString("province_code"),
				rs.getString("name"), this.cipher.decrypt(rs.getString("id_number")),
				this.cipher.decrypt(rs.getString("phone")), rs.getString("field"), rs.getString("employer"),
				rs.getString("experience"), rs.getObject("evidence_attachment_id", Long.class),
				Status.valueOf(rs.getString("status")), rs.getString("submitted_by"), instant(rs, "submitted_at"),
				rs.getString("certificate_number"), rs.getObject("certified_on", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), rs.getString("decided_by"), instant(rs, "decided_at"),
				rs.getString("refusal_reason"), rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"),
				rs.getString("ended_by"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}
