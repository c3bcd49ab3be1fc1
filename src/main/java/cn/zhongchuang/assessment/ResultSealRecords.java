package cn.zhongchuang.assessment;

import java.util.Optional;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.SealedRecords;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seals of assessment results for the seal API: a result of a published round is
 * public, as on the public results page; an open round's results have no seal yet.
 */
@Component
class ResultSealRecords implements SealedRecords {

	private final ResultSeals seals;

	private final Assessments assessments;

	ResultSealRecords(ResultSeals seals, Assessments assessments) {
		this.seals = seals;
		this.assessments = assessments;
	}

	@Override
	public String kind() {
		return ResultSeals.KIND;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SealCheck> check(long id, CurrentUser user) {
		return this.seals.check(id).filter((c) -> {
			try {
				this.assessments.publishedRound(c.roundId());
				return true;
			}
			catch (NotFoundException ex) {
				return false;
			}
		}).map(ResultSeals.Checked::seal);
	}

	@Override
	public int sealUnsealed(int limit) {
		return this.seals.sealUnsealed(limit);
	}

}
