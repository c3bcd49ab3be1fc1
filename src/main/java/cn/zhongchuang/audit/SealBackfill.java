package cn.zhongchuang.audit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, seals the decisions, notices and assessment results recorded before seals
 * were introduced (each module's {@link SealedRecords#sealUnsealed()}); idempotent, a
 * sealed record is left as it is. A record changed before this first seal cannot be told
 * from one that was not: the seal vouches for the record from then on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SealBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SealBackfill.class);

	private final List<SealedRecords> kinds;

	SealBackfill(List<SealedRecords> kinds) {
		this.kinds = kinds;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SealedRecords k : this.kinds) {
			int n = k.sealUnsealed();
			if (n > 0) {
				log.info("Sealed {} {} record(s) made before seals were introduced", n, k.kind());
			}
		}
	}

}
