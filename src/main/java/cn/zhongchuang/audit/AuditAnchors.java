package cn.zhongchuang.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.platform.ClusterLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors of the audit chain: the head of the trail (last row's id and chain value) with
 * an HMAC-SM3 of its own, taken every hour (when the trail moved) and whenever an auditor
 * asks. An auditor exports them ({@code GET /api/v1/audit-anchors}), keeps the file
 * outside the system, and later submits it to {@link #verify}: every anchor must still
 * match its row and the chain must still verify, so a trail that was rewritten, or cut
 * off after the anchor, shows even if the database's own anchors were removed with it.
 */
@Service
class AuditAnchors {

	private final JdbcClient jdbc;

	private final AuditKey key;

	private final AuditChain chain;

	private final AuditTrail trail;

	private final ClusterLock lock;

	private final Clock clock;

	AuditAnchors(JdbcClient jdbc, AuditKey key, AuditChain chain, AuditTrail trail, ClusterLock lock, Clock clock) {
		this.jdbc = jdbc;
		this.key = key;
		this.chain = chain;
		this.trail = trail;
		this.lock = lock;
		this.clock = clock;
	}

	@Scheduled(cron = "${zhongchuang.audit.anchor-cron:0 0 * * * *}", zone = "Asia/Shanghai")
	void hourly() {
		this.lock.runExclusively("audit-anchor", Duration.ofMinutes(5), () -> anchorIfMoved());
	}

	/** An anchor of the current head, unless the last anchor already is of it. */
	@Transactional
	Optional<Anchor> anchorIfMoved() {
		Optional<Long> head = this.jdbc.sql("SELECT max(id) FROM audit_event").query(Long.class).optional();
		Optional<Long> anchored = this.jdbc.sql("SELECT max(event_id) FROM audit_anchor").query(Long.class).optional();
		if (head.isEmpty() || head.equals(anchored)) {
			return Optional.empty();
		}
		return Optional.of(anchorHead());
	}

	/** An anchor of the head now, recorded in the trail itself first (by the auditor). */
	@Transactional
	Anchor anchorNow() {
		this.trail.record(AuditEntry.success("AUDIT_ANCHOR", "audit_anchor", "head", "导出审计链锚点", null));
		return anchorHead();
	}

	private Anchor anchorHead() {
		// the chain's writers hold this lock: the head cannot move under us
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", AuditTrail.CHAIN_LOCK).query().singleValue();
		record Head(long id, String hash) {
		}
		Head head = this.jdbc.sql("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
			.query(Head.class)
			.single();
		Instant at = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		Anchor anchor = new Anchor(head.id(), head.hash(), at, this.key.mac(Anchor.text(head.id(), head.hash(), at)));
		this.jdbc.sql("""
				INSERT INTO audit_anchor (created_at, event_id, event_hash, mac)
				VALUES (:at, :eventId, :hash, :mac)
				""")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("eventId", anchor.eventId())
			.param("hash", anchor.eventHash())
			.param("mac", anchor.mac())
			.update();
		return anchor;
	}

	@Transactional(readOnly = true)
	List<Anchor> all() {
		return this.jdbc.sql("SELECT event_id, event_hash, created_at, mac FROM audit_anchor ORDER BY id")
			.query((rs, n) -> new Anchor(rs.getLong(1), rs.getString(2).strip(),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4).strip()))
			.list();
	}

	/**
	 * Checks anchors exported earlier (and those stored) against the trail as it is now.
	 */
	@Transactional(readOnly = true)
	Check verify(List<Anchor> exported) {
		List<String> problems = new ArrayList<>();
		List<Anchor> anchors = new ArrayList<>(exported);
		anchors.addAll(all());
		int n = 0;
		for (Anchor anchor : anchors) {
			n++;
			String label = (n <= exported.size()) ? "导出的第 " + n + " 个锚点" : "库中的第 " + (n - exported.size()) + " 个锚点";
			if (anchor.eventHash() == null || anchor.createdAt() == null || anchor.mac() == null) {
				problems.add(label + "不完整");
				continue;
			}
			if (!this.key.mac(Anchor.text(anchor.eventId(), anchor.eventHash(), anchor.createdAt()))
				.equals(anchor.mac())) {
				problems.add(label + "的校验值不符（锚点被改过，或不是本系统的密钥签发的）");
				continue;
			}
			Optional<String> hash = this.jdbc.sql("SELECT hash FROM audit_event WHERE id = :id")
				.param("id", anchor.eventId())
				.query(String.class)
				.optional();
			if (hash.isEmpty()) {
				problems.add(label + "所指的第 " + anchor.eventId() + " 条记录已不存在（审计日志被截断）");
			}
			else if (!hash.get().strip().equals(anchor.eventHash())) {
				problems.add(label + "所指的第 " + anchor.eventId() + " 条记录已被改写");
			}
		}
		AuditChain.Verification chained = this.chain.verify();
		if (!chained.intact()) {
			problems.add("审计链自第 " + chained.firstBrokenId() + " 条记录起校验不通过");
		}
		return new Check(problems.isEmpty(), anchors.size(), chained.checked(), problems);
	}

	/** One anchor: the head's id and chain value at a moment, with its HMAC-SM3. */
	record Anchor(long eventId, String eventHash, Instant createdAt, String mac) {

		static String text(long eventId, String eventHash, Instant createdAt) {
			return "zhongchuang-audit-anchor\u001f" + eventId + "\u001f" + eventHash.strip() + "\u001f" + createdAt;
		}

	}

	/** The outcome of a check. */
	record Check(boolean intact, int anchorsChecked, long eventsChecked, List<String> problems) {

	}

}
