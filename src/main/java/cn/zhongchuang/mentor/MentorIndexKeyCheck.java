package cn.zhongchuang.mentor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start, before any demo data: when the ID index key differs from the one the stored
 * index was computed under (a lost key file, a newly configured key), every row's index
 * is recomputed from the decrypted ID number, so the unique check on active certificates
 * keeps holding. The key check is the index of a fixed text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MentorIndexKeyCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MentorIndexKeyCheck.class);

	private static final String PROBE = "110101190001010000";

	private final MentorRecords records;

	private final MentorIdIndex index;

	MentorIndexKeyCheck(MentorRecords records, MentorIdIndex index) {
		this.records = records;
		this.index = index;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		String check = this.index.of(PROBE);
		if (!this.records.keyCheck().map(check::equals).orElse(false)) {
			int n = this.records.reindex();
			this.records.storeKeyCheck(check);
			if (n > 0) {
				log.warn("The mentor ID index key changed: recomputed the index of {} rows", n);
			}
		}
	}

}
