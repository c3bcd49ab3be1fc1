package cn.zhongchuang.expert;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.zhongchuang.expert.ExpertPanels.MemberReplaced;
import cn.zhongchuang.expert.ExpertPanels.PanelDrawn;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells drawn experts they have a review to do, and an alternate that they have moved up.
 * Experts without an account are told by the bureau in person; after commit, from the
 * event publication registry.
 */
@Component
class ExpertAlerts {

	private final Experts experts;

	private final Panels panels;

	private final Notifications notifications;

	ExpertAlerts(Experts experts, Panels panels, Notifications notifications) {
		this.experts = experts;
		this.panels = panels;
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(PanelDrawn event) {
		tell(event.panelId(), event.members());
	}

	@ApplicationModuleListener
	void on(MemberReplaced event) {
		tell(event.panelId(), List.of(event.replacementExpertId()));
	}

	private void tell(long panelId, List<Long> expertIds) {
		Set<Long> accounts = new HashSet<>();
		for (long id : expertIds) {
			this.experts.findById(id).map(Expert::userId).ifPresent(accounts::add);
		}
		if (accounts.isEmpty()) {
			return;
		}
		String title = this.panels.findById(panelId).map((p) -> p.subject().title()).orElse("专家组 #" + panelId);
		this.notifications.notify(Recipients.users(accounts), "您被抽取为评审专家：" + title,
				"请在「我的评审」中查看材料并提交评分和评审意见；全部专家提交前评分保持密封。", "/my-reviews/" + panelId);
	}

}
