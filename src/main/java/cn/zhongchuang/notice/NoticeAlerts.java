package cn.zhongchuang.notice;

import cn.zhongchuang.notice.Notices.ObjectionLodged;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.platform.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the bureau that published a notice about a new objection: it must be investigated
 * and answered before the notice can close. After commit, from the event publication
 * registry.
 */
@Component
class NoticeAlerts {

	private final NoticeRecords records;

	private final Notifications notifications;

	NoticeAlerts(NoticeRecords records, Notifications notifications) {
		this.records = records;
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ObjectionLodged event) {
		String title = this.records.find(event.noticeId()).map(Notice::title).orElse("公示 #" + event.noticeId());
		Role role = event.regionCode().endsWith("0000") ? Role.PROVINCE : Role.CITY_BUREAU;
		this.notifications.notify(Recipients.roleCovering(role, event.regionCode()), "公示收到异议：" + title,
				"有人对公示名单提出异议，请调查核实并答复；答复前不能结束公示。", "/bureau/notices/" + event.noticeId());
	}

}
