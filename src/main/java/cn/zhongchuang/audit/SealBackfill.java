package cn.zhongchuang.audit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After start, seals the decisions, notices, recognitions and assessment results recorded
 * before seals were introduced (each module's {@link SealedRecords#sealUnsealed(int)}),
 * in batches, on a background thread, so that a large database does not hold the start
 * up; until then such a record shows 未签章. Idempotent and safe on several nodes: a sealed
 * record is left as it is. A record changed before its first seal cannot be told from one
 * that was not: the seal vouches for the record from then on.
 * {@code zhongchuang.seal.backfill=false} turns it off.
 */
@Component
class SealBackfill {

	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(SealBackfill.class);

	private final List<SealedRecords> kinds;

	private final boolean enabled;

	SealBackfill(List<SealedRecords> kinds, @Value("${zhongchuang.seal.backfill:true}") boolean enabled) {
		this.kinds = kinds;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.enabled) {
			return;
		}
		Thread thread = new Thread(this::run, "seal-backfill");
		thread.setDaemon(true);
		thread.start();
	}

	/** Seals everything left unsealed; returns how many. */
	int run() {
		int total = 0;
		for (SealedRecords k : this.kinds) {
			int sealed = 0;
			try {
				for (int n = k.sealUnsealed(BATCH); n > 0; n = k.sealUnsealed(BATCH)) {
					sealed += n;
				}
			}
			catch (RuntimeException ex) {
				// the application may be stopping; the next start goes on
				log.warn("Sealing the {} records made before seals stopped: {}", k.kind(), ex.getMessage());
			}
			if (sealed > 0) {
				log.info("Sealed {} {} record(s) made before seals were introduced", sealed, k.kind());
			}
			total += sealed;
		}
		return total;
	}

}
