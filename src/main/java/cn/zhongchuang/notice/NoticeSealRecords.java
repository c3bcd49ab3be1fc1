package cn.zhongchuang.notice;

import java.util.Optional;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.SealedRecords;
import cn.zhongchuang.platform.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seals of notices for the seal API: a notice that was published is public (as on the
 * public pages), a draft has no seal and is not found.
 */
@Component
class NoticeSealRecords implements SealedRecords {

	private final NoticeRecords records;

	NoticeSealRecords(NoticeRecords records) {
		this.records = records;
	}

	@Override
	public String kind() {
		return NoticeRecords.SEAL_KIND;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SealCheck> check(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((n) -> n.status() != Notice.Status.DRAFT)
			.flatMap((n) -> this.records.sealCheck(id));
	}

	@Override
	public int sealUnsealed(int limit) {
		int n = 0;
		for (long id : this.records.unsealed(limit)) {
			n += this.records.seal(id, true) ? 1 : 0;
		}
		return n;
	}

}
