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

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.SealText;
import cn.zhongchuang.audit.Seals;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;
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

	/** The kind of a notice's seal, in its canonical text and the seal API. */
	static final String SEAL_KIND = "notice";

	private final JdbcClient jdbc;

	// the objector's phone is stored SM4-encrypted (security.md, data)
	private final PersonalDataCipher cipher;

	private final Seals seals;

	NoticeRecords(JdbcClient jdbc, PersonalDataCipher cipher, Seals seals) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.seals = seals;
	}

	// seals

	/**
	 * Seals a published (or withdrawn) notice as stored now; with {@code onlyUnsealed}
	 * only while it has no seal. False for a draft or a missing notice.
	 */
	boolean seal(long id, boolean onlyUnsealed) {
		return seal(id, onlyUnsealed, this.seals);
	}

	/** The same under the given seal keys (a rotated keyring). */
	boolean seal(long id, boolean onlyUnsealed, Seals under) {
		Optional<SealText> text = sealText(id);
		if (text.isEmpty()) {
			return false;
		}
		return Seals.store(this.jdbc, "notice", id, under.seal(text.get()), onlyUnsealed, "status <> 'DRAFT'");
	}

	/** The check of a notice's seal (unsealed for a draft); empty when missing. */
	Optional<SealCheck> sealCheck(long id) {
		return sealCheck(id, this.seals);
	}

	/** The same under the given seal keys (a rotated keyring). */
	Optional<SealCheck> sealCheck(long id, Seals under) {
		record Stored(Integer keyId, String seal) {
		}
		return this.jdbc.sql("SELECT seal_key_id, seal FROM notice WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Stored(rs.getObject("seal_key_id", Integer.class), rs.getString("seal")))
			.optional()
			.map((s) -> under.verify(sealText(id).orElse(Seals.text(SEAL_KIND)), s.keyId(), s.seal()));
	}

	/** Published notices from before seals. */
	List<Long> unsealed(int limit) {
		return this.jdbc.sql("SELECT id FROM notice WHERE status <> 'DRAFT' AND seal IS NULL ORDER BY id LIMIT :limit")
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * The canonical text of a notice: what was published (title, authority, policy,
	 * region, period, publication time, who drew it up) and every institution listed in
	 * its order, then the withdrawal (when, by whom, why; null before). Empty for a
	 * draft.
	 */
	private Optional<SealText> sealText(long id) {
		Optional<SealText> head = this.jdbc.sql("SELECT * FROM notice WHERE id = :id AND status <> 'DRAFT'")
			.param("id", id)
			.query((rs, n) -> Seals.text(SEAL_KIND)
				.field("id", rs.getLong("id"))
				.field("policy", rs.getString("policy_id"))
				.field("region", rs.getString("region_code"))
				.field("title", rs.getString("title"))
				.field("issuingAuthority", rs.getString("issuing_authority"))
				.field("workingDays", rs.getInt("working_days"))
				.field("startsOn", rs.getObject("starts_on", LocalDate.class))
				.field("endsOn", rs.getObject("ends_on", LocalDate.class))
				.field("calendarWarning", rs.getString("calendar_warning"))
				.field("publishedAt", rs.getObject("published_at", OffsetDateTime.class))
				.field("createdBy", rs.getString("created_by"))
				.field("withdrawnAt", rs.getObject("withdrawn_at", OffsetDateTime.class))
				.field("withdrawnBy", rs.getString("withdrawn_by"))
				.field("withdrawalReason", rs.getString("withdrawal_reason")))
			.optional();
		head.ifPresent((text) -> this.jdbc.sql("SELECT * FROM notice_item WHERE notice_id = :id ORDER BY position, id")
			.param("id", id)
			.query((rs) -> {
				String p = "item." + rs.getInt("position") + ".";
				text.field(p + "id", rs.getLong("id"))
					.field(p + "subjectType", rs.getString("subject_type"))
					.field(p + "subjectId", rs.getLong("subject_id"))
					.field(p + "institutionName", rs.getString("institution_name"))
					.field(p + "operatorName", rs.getString("operator_name"))
					.field(p + "creditCode", rs.getString("credit_code"))
					.field(p + "kind", rs.getString("kind"))
					.field(p + "specialization", rs.getString("specialization"))
					.field(p + "level", rs.getString("level"))
					.field(p + "region", rs.getString("region_code"));
			}));
		return head;
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

	/** 公示管理: the sorts, newest first; the date: 公示开始日期. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("created", "id")
		.sort("title", "title")
		.sort("region", "region_code")
		.sort("starts", "starts_on")
		.sort("status", "status")
		.defaultSort("created", false)
		.dates("starts_on")
		.build();

	/**
	 * Notices whose region lies in the scope, by status and keyword in the title,
	 * sortable.
	 */
	ListQuery<Notice> list(List<String> scope, String status, String keyword) {
		return ListQuery.of(this.jdbc, LIST, "SELECT * FROM notice", (rs, n) -> map(rs, items(rs.getLong("id"))))
			.where("region_code = ANY(:scope)", "scope", scope.toArray(String[]::new))
			.filter(status, "status = :status", "status")
			.keyword(keyword, "title ILIKE :kw");
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
