package cn.zhongchuang.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the HMAC-SM3 chain from the first row with the key, which the database does
 * not hold: any edit made behind the trigger's back shows, also one re-chained by a
 * database owner without the key.
 */
@Service
class AuditChain {

	private final AuditLog log;

	private final AuditKey key;

	AuditChain(AuditLog log, AuditKey key) {
		this.log = log;
		this.key = key;
	}

	@Transactional(readOnly = true)
	Verification verify() {
		AtomicReference<String> expectedPrev = new AtomicReference<>(AuditTrail.GENESIS);
		AtomicLong checked = new AtomicLong();
		AtomicLong firstBroken = new AtomicLong(-1);
		this.log.forEachInOrder((event) -> {
			if (firstBroken.get() >= 0) {
				return;
			}
			checked.incrementAndGet();
			String recomputed = this.key.chain(event);
			if (!event.prevHash().equals(expectedPrev.get()) || !recomputed.equals(event.hash())) {
				firstBroken.set(event.id());
			}
			expectedPrev.set(event.hash());
		});
		return new Verification(firstBroken.get() < 0, checked.get(),
				(firstBroken.get() < 0) ? null : firstBroken.get());
	}

	record Verification(boolean intact, long checked, Long firstBrokenId) {
	}

}
