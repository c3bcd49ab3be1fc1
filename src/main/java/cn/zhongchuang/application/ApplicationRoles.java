package cn.zhongchuang.application;

import java.util.List;

import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition.ReviewRole;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;

/** Who records a stage's decision, and Chinese labels for messages. */
final class ApplicationRoles {

	private ApplicationRoles() {
	}

	/**
	 * The role that records the stage's decision: the pack's, except that experts score
	 * and the authority of the stage after an expert stage (which organised the review)
	 * records its decision: the city bureau in Lanzhou and Chaoyang, the province in
	 * Liaoning.
	 */
	static Role deciding(List<ReviewStage> stages, ReviewStage stage) {
		return switch (stage.role()) {
			case COUNTY_REVIEWER -> Role.COUNTY_REVIEWER;
			case CITY_BUREAU -> Role.CITY_BUREAU;
			case PROVINCE -> Role.PROVINCE;
			case EXPERT -> {
				int next = stages.indexOf(stage) + 1;
				yield (next < stages.size() && stages.get(next).role() != ReviewRole.EXPERT)
						? deciding(stages, stages.get(next)) : Role.CITY_BUREAU;
			}
		};
	}

	static String statusLabel(ApplicationStatus status) {
		return switch (status) {
			case DRAFT -> "草稿";
			case SUBMITTED -> "已提交";
			case IN_REVIEW -> "审查中";
			case RETURNED -> "退回补正";
			case APPROVED -> "审查通过";
			case RECOGNIZED -> "已认定";
			case REJECTED -> "不予通过";
			case WITHDRAWN -> "已撤回";
		};
	}

}
