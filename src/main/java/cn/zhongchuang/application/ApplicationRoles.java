package cn.zhongchuang.application;

import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition.ReviewRole;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;

/** Who records a stage's decision, and Chinese labels for messages. */
final class ApplicationRoles {

	private ApplicationRoles() {
	}

	/**
	 * The role that records the stage's decision: the pack's, except that experts score
	 * and the city bureau records the decision of an expert stage.
	 */
	static Role deciding(ReviewStage stage) {
		ReviewRole role = stage.role();
		return switch (role) {
			case COUNTY_REVIEWER -> Role.COUNTY_REVIEWER;
			case CITY_BUREAU, EXPERT -> Role.CITY_BUREAU;
			case PROVINCE -> Role.PROVINCE;
		};
	}

	static String statusLabel(ApplicationStatus status) {
		return switch (status) {
			case DRAFT -> "草稿";
			case SUBMITTED -> "已提交";
			case IN_REVIEW -> "审查中";
			case RETURNED -> "退回补正";
			case APPROVED -> "审查通过";
			case REJECTED -> "不予通过";
			case WITHDRAWN -> "已撤回";
		};
	}

}
