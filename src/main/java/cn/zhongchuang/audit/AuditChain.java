package cn.zhongchuang.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the SM3 chain from the first row: any edit made behind the trigger's back
 * shows.
 */
@Service
class AuditChain {

	private final AuditLog log;

	AuditChain(AuditLog log) {
		this.log = log;
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
			String recomputed = AuditTrail.hash(event);
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
