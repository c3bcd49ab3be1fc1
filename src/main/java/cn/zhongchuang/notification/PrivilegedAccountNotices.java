package cn.zhongchuang.notification;

import cn.zhongchuang.identity.PrivilegedAccountChanged;
import cn.zhongchuang.platform.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * 三员分立: every act of a security administrator on the account of an administrator, auditor
 * or security administrator is told to the auditors responsible for the account's region
 * (security.md, roles).
 */
@Component
class PrivilegedAccountNotices {

	private final Notifications notifications;

	PrivilegedAccountNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(PrivilegedAccountChanged event) {
		this.notifications.notify(Recipients.roleCovering(Role.AUDITOR, event.regionCode()),
				"特权账户变更：" + event.username(),
				event.by() + " 对账户 " + event.username() + " 执行了“" + event.what() + "”，请在审计日志中核查。", "/audit");
	}

}
