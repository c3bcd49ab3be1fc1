package cn.zhongchuang.recognition;

import java.util.Optional;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.SealedRecords;
import cn.zhongchuang.platform.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seals of recognition decisions (认定, revocation, lapse) for the seal API: public, as
 * the certificate verification page that shows them is.
 */
@Component
class RecognitionSealRecords implements SealedRecords {

	private final RecognitionRecords records;

	RecognitionSealRecords(RecognitionRecords records) {
		this.records = records;
	}

	@Override
	public String kind() {
		return RecognitionRecords.SEAL_KIND;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SealCheck> check(long id, CurrentUser user) {
		return this.records.sealCheck(id);
	}

	@Override
	public int sealUnsealed(int limit) {
		return this.records.sealUnsealed(limit);
	}

}
