package cn.zhongchuang.audit;

import java.time.Instant;

/** One row of the audit trail as stored. */
public record StoredEvent(long id, Instant occurredAt, String actor, String actorRole, String ip, String action,
		String objectType, String objectId, String result, String detail, String regionCode, String prevHash,
		String hash) {

}
