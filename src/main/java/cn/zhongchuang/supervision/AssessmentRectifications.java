package cn.zhongchuang.supervision;

import cn.zhongchuang.assessment.Assessments.AssessmentPublished;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A failing or missed assessment opens a rectification order by itself where the pack
 * says so (seed 000 第九条: 不参加考核或考核评估不合格的，提出整改措施; seed 004: 年度考核不合格的，限期整改): on a published
 * round, one order per failing result (pack {@code dynamic.rectifyOnFailing}) and per
 * result marked 未参加考核 ({@code dynamic.rectifyOnNotAssessed}), except for the recognitions
 * that lapsed on that publication. Redelivery opens nothing twice. Under Chaoyang's rule
 * a rejected or overdue rectification then lapses the title, as for any order.
 */
@Component
class AssessmentRectifications {

	private final Supervision supervision;

	AssessmentRectifications(Supervision supervision) {
		this.supervision = supervision;
	}

	@ApplicationModuleListener
	void on(AssessmentPublished published) {
		for (long id : published.failingRecognitionIds()) {
			if (!published.lapsedRecognitionIds().contains(id)) {
				this.supervision.openOnAssessment(published.roundId(), published.year(), id, false);
			}
		}
		for (long id : published.notAssessedRecognitionIds()) {
			this.supervision.openOnAssessment(published.roundId(), published.year(), id, true);
		}
	}

}
