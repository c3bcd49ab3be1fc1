package cn.zhongchuang.application;

import java.util.HashSet;

import cn.zhongchuang.application.ApplicationEvents.ApplicationRecognized;
import cn.zhongchuang.application.ApplicationEvents.ApplicationRejected;
import cn.zhongchuang.application.ApplicationEvents.ApplicationResubmitted;
import cn.zhongchuang.application.ApplicationEvents.ApplicationReturned;
import cn.zhongchuang.application.ApplicationEvents.ApplicationSubmitted;
import cn.zhongchuang.application.ApplicationEvents.StageDecided;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people who must act next: the reviewers of the stage an application now waits
 * at (those whose region covers the application's), and the operator's accounts when it
 * comes back returned, rejected or approved. Runs after the change has committed, from
 * the event publication registry, so a lost notification is retried rather than lost.
 */
@Component
class ApplicationAlerts {

	private final ApplicationRecords records;

	private final Applications applications;

	private final Operators operators;

	private final Notifications notifications;

	ApplicationAlerts(ApplicationRecords records, Applications applications, Operators operators,
			Notifications notifications) {
		this.records = records;
		this.applications = applications;
		this.operators = operators;
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted event) {
		toReviewers(event.applicationId());
	}

	@ApplicationModuleListener
	void on(ApplicationResubmitted event) {
		toReviewers(event.applicationId());
	}

	@ApplicationModuleListener
	void on(StageDecided event) {
		if (event.nextStage() != null) {
			toReviewers(event.applicationId());
		}
	}

	@ApplicationModuleListener
	void on(ApplicationReturned event) {
		toOperator(event.operatorId(), event.applicationId(), "认定申请已退回补正", "退回理由：" + event.reasons());
	}

	@ApplicationModuleListener
	void on(ApplicationRejected event) {
		toOperator(event.operatorId(), event.applicationId(), "认定申请未获通过", "理由：" + event.reasons());
	}

	@ApplicationModuleListener
	void on(ApplicationRecognized event) {
		toOperator(event.operatorId(), event.applicationId(), "「" + event.spaceName() + "」已获认定",
				"认定编号 " + event.number() + "；证书可在申请详情页下载，并可在公开名录中查验。");
	}

	private void toReviewers(long applicationId) {
		this.records.findById(applicationId).ifPresent((app) -> {
			ReviewStage stage = this.applications.currentStage(app).orElse(null);
			if (stage == null) {
				return;
			}
			this.notifications.notify(Recipients.roleCovering(Role.valueOf(app.currentStageRole()), app.regionCode()),
					"新的认定申请待" + stage.name(), "「" + app.spaceName() + "」等待您办理：" + stage.name(),
					"/applications/" + applicationId);
		});
	}

	private void toOperator(long operatorId, long applicationId, String title, String body) {
		var members = this.operators.memberIds(operatorId);
		if (!members.isEmpty()) {
			this.notifications.notify(Recipients.users(new HashSet<>(members)), title, body,
					"/applications/" + applicationId);
		}
	}

}
