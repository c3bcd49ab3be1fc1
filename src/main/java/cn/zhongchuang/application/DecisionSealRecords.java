package cn.zhongchuang.application;

import java.util.Optional;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.SealedRecords;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seals of review and recognition decisions for the seal API: a decision is seen by
 * whoever may see its application (its operator, government users of its region).
 */
@Component
class DecisionSealRecords implements SealedRecords {

	private final ApplicationRecords records;

	private final Applications applications;

	DecisionSealRecords(ApplicationRecords records, Applications applications) {
		this.records = records;
		this.applications = applications;
	}

	@Override
	public String kind() {
		return ApplicationRecords.SEAL_KIND;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SealCheck> check(long id, CurrentUser user) {
		if (user == null) {
			return Optional.empty();
		}
		return this.records.decisionSeal(id).filter((d) -> {
			try {
				this.applications.visible(d.applicationId(), user);
				return true;
			}
			catch (NotFoundException ex) {
				return false;
			}
		}).map(ApplicationRecords.SealedDecision::seal);
	}

	@Override
	public int sealUnsealed(int limit) {
		int n = 0;
		for (long id : this.records.unsealedDecisions(limit)) {
			n += this.records.sealDecision(id, true) ? 1 : 0;
		}
		return n;
	}

}
