package cn.zhongchuang.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.platform.EncryptedColumn;
import cn.zhongchuang.platform.PersonalDataCipher;

import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Notices, their items and objections in PostgreSQL; every update checks the version.
 */
@Repository
class NoticeRecords {

	private final JdbcClient jdbc;

	// the objector's phone is stored SM4-encrypted (security.md, data)
	private final PersonalDataCipher cipher;

	NoticeRecords(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Bean
	static EncryptedColumn objectionPhone() {
		return new EncryptedColumn("notice_objection", "phone");
	}

	Optional<Notice> find(long id) {
		return this.jdbc.sql("SELECT * FROM notice WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs, items(rs.getLong("id"))))
			.optional();
	}

	/**
	 * Notices whose region lies in the scope, newest first; {@code status} may be null.
	 */
	List<Notice> list(List<String> scope, List<String> statuses) {
		return this.jdbc.sql(
				"SELECT * FROM notice WHERE region_code = ANY(:scope) AND status = ANY(:statuses) ORDER BY id DESC LIMIT 500")
			.param("scope", scope.toArray(String[]::new))
			.param("statuses", statuses.toArray(String[]::new))
			.query((rs, n) -> map(rs, items(rs.getLong("id"))))
			.list();
	}

	/** Published, closed and withdrawn notices, for the public pages and API. */
	List<Notice> listPublic() {
		return this.jdbc.sql("SELECT * FROM notice WHERE status <> 'DRAFT' ORDER BY starts_on DESC, id DESC LIMIT 500")
			.query((rs, n) -> map(rs, items(rs.getLong("id"))))
			.list();
	}

	Notice save(Notice n) {
		if (n.id() == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("""
						INSERT INTO notice (policy_id, region_code, title, issuing_authority, status, working_days, created_by, created_at)
						VALUES (:policy, :region, :title, :authority, :status, :days, :by, :at)
						""")
				.param("policy", n.policyId())
				.param("region", n.regionCode())
				.param("title", n.title())
				.param("authority", n.issuingAuthority())
				.param("status", n.status().name())
				.param("days", n.workingDays())
				.param("by", n.createdBy())
				.param("at", ts(n.createdAt()))
				.update(keys, "id");
			long id = keys.getKey().longValue();
			int position = 0;
			for (Notice.Item item : n.items()) {
				NoticeItem i = item.item();
				this.jdbc
					.sql("""
							INSERT INTO notice_item (notice_id, position, subject_type, subject_id, institution_name, operator_name,
							  credit_code, kind, specialization, level, region_code)
							VALUES (:notice, :pos, :type, :subject, :name, :operator, :credit, :kind, :spec, :level, :region)
							""")
					.param("notice", id)
					.param("pos", ++position)
					.param("type", i.subjectType())
					.param("subject", i.subjectId())
					.param("name", i.institutionName())
					.param("operator", i.operatorName())
					.param("credit", i.creditCode())
					.param("kind", i.kind())
					.param("spec", i.specialization())
					.param("level", i.level())
					.param("region", i.regionCode())
					.update();
			}
			return find(id).orElseThrow();
		}
		int rows = this.jdbc
			.sql("""
					UPDATE notice SET status = :status, starts_on = :starts, ends_on = :ends, calendar_warning = :warning,
					  published_at = :published, closed_at = :closed, withdrawn_at = :withdrawnAt, withdrawn_by = :withdrawnBy,
					  withdrawal_reason = :withdrawalReason, version = version + 1
					WHERE id = :id AND version = :version
					""")
			.param("status", n.status().name())
			.param("starts", n.startsOn())
			.param("ends", n.endsOn())
			.param("warning", n.calendarWarning())
			.param("published", ts(n.publishedAt()))
			.param("closed", ts(n.closedAt()))
			.param("withdrawnAt", ts(n.withdrawnAt()))
			.param("withdrawnBy", n.withdrawnBy())
			.param("withdrawalReason", n.withdrawalReason())
			.param("id", n.id())
			.param("version", n.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("notice " + n.id() + " was changed by someone else");
		}
		return find(n.id()).orElseThrow();
	}

	Optional<Objection> findObjection(long id) {
		return this.jdbc.sql("SELECT * FROM notice_objection WHERE id = :id")
			.param("id", id)
			.query(this::mapObjection)
			.optional();
	}

	List<Objection> objections(long noticeId) {
		return this.jdbc.sql("SELECT * FROM notice_objection WHERE notice_id = :id ORDER BY id")
			.param("id", noticeId)
			.query(this::mapObjection)
			.list();
	}

	long countOpenObjections(long noticeId) {
		return this.jdbc.sql("SELECT count(*) FROM notice_objection WHERE notice_id = :id AND status = 'OPEN'")
			.param("id", noticeId)
			.query(Long.class)
			.single();
	}

	/** Objections not yet answered on the notices of the regions. */
	long countOpenObjections(java.util.Collection<String> regionCodes) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notice_objection o JOIN notice n ON n.id = o.notice_id
				WHERE o.status = 'OPEN' AND n.region_code = ANY(:regions)
				""").param("regions", regionCodes.toArray(String[]::new)).query(Long.class).single();
	}

	Objection save(Objection o) {
		if (o.id() == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO notice_objection (notice_id, item_id, name, phone, content, lodged_at, status)
					VALUES (:notice, :item, :name, :phone, :content, :at, :status)
					""")
				.param("notice", o.noticeId())
				.param("item", o.itemId())
				.param("name", o.name())
				.param("phone", this.cipher.encrypt(o.phone()))
				.param("content", o.content())
				.param("at", ts(o.lodgedAt()))
				.param("status", o.status().name())
				.update(keys, "id");
			return findObjection(keys.getKey().longValue()).orElseThrow();
		}
		int rows = this.jdbc.sql("""
				UPDATE notice_objection SET status = :status, outcome = :outcome, investigation = :investigation,
				  answer = :answer, answered_by = :by, answered_at = :at, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("status", o.status().name())
			.param("outcome", (o.outcome() != null) ? o.outcome().name() : null)
			.param("investigation", o.investigation())
			.param("answer", o.answer())
			.param("by", o.answeredBy())
			.param("at", ts(o.answeredAt()))
			.param("id", o.id())
			.param("version", o.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("objection " + o.id() + " was changed by someone else");
		}
		return findObjection(o.id()).orElseThrow();
	}

	private List<Notice.Item> items(long noticeId) {
		return this.jdbc.sql("SELECT * FROM notice_item WHERE notice_id = :id ORDER BY position")
			.param("id", noticeId)
			.query((rs, n) -> new Notice.Item(rs.getLong("id"),
					new NoticeItem(rs.getString("subject_type"), rs.getLong("subject_id"),
							rs.getString("institution_name"), rs.getString("operator_name"),
							rs.getString("credit_code"), rs.getString("kind"), rs.getString("specialization"),
							rs.getString("level"), rs.getString("region_code"))))
			.list();
	}

	private static Notice map(ResultSet rs, List<Notice.Item> items) throws SQLException {
		return new Notice(rs.getLong("id"), rs.getString("policy_id"), rs.getString("region_code"),
				rs.getString("title"), rs.getString("issuing_authority"), Notice.Status.valueOf(rs.getString("status")),
				rs.getInt("working_days"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getString("calendar_warning"), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "published_at"), instant(rs, "closed_at"), rs.getInt("version"),
				items)
			.withdrawal(instant(rs, "withdrawn_at"), rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"));
	}

	private Objection mapObjection(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		return new Objection(rs.getLong("id"), rs.getLong("notice_id"), rs.getLong("item_id"), rs.getString("name"),
				this.cipher.decrypt(rs.getString("phone")), rs.getString("content"), instant(rs, "lodged_at"),
				Objection.Status.valueOf(rs.getString("status")),
				(outcome != null) ? Objection.Outcome.valueOf(outcome) : null, rs.getString("investigation"),
				rs.getString("answer"), rs.getString("answered_by"), instant(rs, "answered_at"), rs.getInt("version"));
	}

	private static OffsetDateTime ts(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}
