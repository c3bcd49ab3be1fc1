package cn.zhongchuang.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.bouncycastle.crypto.digests.SM3Digest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit trail. Called inside the transaction of the change it records, so
 * that a change without its audit row cannot exist: if this write fails, the change is
 * rolled back.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	/**
	 * Any constant: serialises writers so that each row chains to its true predecessor.
	 */
	static final long CHAIN_LOCK = 0x7A63_4175_6469_74L;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditKey key;

	AuditTrail(JdbcClient jdbc, Clock clock, AuditKey key) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.key = key;
	}

	@Transactional
	public void record(AuditEntry entry) {
		Instant at = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		String actor = (entry.actor() != null) ? entry.actor() : currentActor();
		String role = (entry.actor() != null) ? null : currentRole();
		String ip = (entry.ip() != null) ? entry.ip() : currentIp();
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().singleValue();
		String prev = this.jdbc.sql("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		StoredEvent event = new StoredEvent(0, at, actor, role, ip, entry.action(), entry.objectType(),
				entry.objectId(), entry.result().name(), entry.detail(), entry.regionCode(), prev, null);
		this.jdbc
			.sql("""
					INSERT INTO audit_event (occurred_at, actor, actor_role, ip, action, object_type, object_id, result,
					                         detail, region_code, prev_hash, hash)
					VALUES (:at, :actor, :role, :ip, :action, :objectType, :objectId, :result, :detail, :region, :prev, :hash)
					""")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actor)
			.param("role", role)
			.param("ip", ip)
			.param("action", entry.action())
			.param("objectType", entry.objectType())
			.param("objectId", entry.objectId())
			.param("result", entry.result().name())
			.param("detail", entry.detail())
			.param("region", entry.regionCode())
			.param("prev", prev)
			.param("hash", this.key.chain(event))
			.update();
	}

	/**
	 * The text a row's chain value is computed over: the previous value and every field.
	 */
	static String canonical(StoredEvent e) {
		return String.join("\u001f", e.prevHash(), e.occurredAt().toString(), nn(e.actor()), nn(e.actorRole()),
				nn(e.ip()), nn(e.action()), nn(e.objectType()), nn(e.objectId()), nn(e.result()), nn(e.detail()),
				nn(e.regionCode()));
	}

	/**
	 * Plain SM3 (GB/T 32905) of the canonical text: the unkeyed chain of rows written
	 * before the key was introduced (migration 1.2.1 checks it, then re-chains with the
	 * key).
	 */
	static String unkeyedHash(StoredEvent e) {
		byte[] bytes = canonical(e).getBytes(StandardCharsets.UTF_8);
		SM3Digest digest = new SM3Digest();
		digest.update(bytes, 0, bytes.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	private static String nn(String s) {
		return (s != null) ? s : "";
	}

	private static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			// no request behind it: an event listener or a scheduled job
			return "system";
		}
		if (auth instanceof AnonymousAuthenticationToken) {
			return "anonymous";
		}
		return auth.getName();
	}

	private static String currentRole() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.map((a) -> a.substring(5))
			.collect(Collectors.joining(","));
	}

	static String currentIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "system";
	}

}
