package cn.zhongchuang.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, a few notifications for the demo accounts that have none yet, so that a
 * new user sees the message centre working (after the accounts,
 * {@code identity.InitialAccounts}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoNotifications implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNotifications.class);

	static final List<Demo> DEMO = List.of(new Demo("lz_county", "新的申报待初审", "兰州星火众创空间提交了众创空间认定申报，请在 5 个工作日内完成初审。", "/"),
			new Demo("lz_county", "申报材料已补正", "兰州星火众创空间已按要求补正场地租赁合同，请继续审核。", "/"),
			new Demo("lz_bureau", "城关区推荐了 1 家众创空间", "城关区科技局已完成初审与真实性核查，推荐兰州星火众创空间，请组织专家评审。", "/"),
			new Demo("cy_operator", "您的申报已退回补正", "朝阳区科委：请补充近 12 个月创业辅导记录及导师聘任协议。", "/operator"),
			new Demo("cy_bureau", "新的申报待审查", "北京朝阳创客空间科技有限公司提交了众创空间认定申报。", "/"),
			new Demo("cy_expert", "您被抽选为评审专家", "请在评审期内完成对 1 份申报的打分与评审意见。", "/"),
			new Demo("ln_operator", "政策包已更新", "辽宁省专业化众创空间认定办法（2019）已发布，可使用政策自查核对条件。", "/self-check"),
			new Demo("ln_city", "新的申报待推荐", "沈阳智造众创空间提交了专业化众创空间申报。", "/"));

	private final Notifications notifications;

	private final Accounts accounts;

	private final boolean demo;

	DemoNotifications(Notifications notifications, Accounts accounts, @Value("${zhongchuang.demo-data}") boolean demo) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		Map<String, Long> fresh = new HashMap<>();
		for (Demo d : DEMO) {
			this.accounts.idOf(d.username())
				.filter((id) -> fresh.containsKey(d.username()) || !this.notifications.anyFor(id))
				.ifPresent((id) -> fresh.put(d.username(), id));
		}
		int created = 0;
		for (Demo d : DEMO) {
			Long id = fresh.get(d.username());
			if (id != null) {
				this.notifications.notify(Recipients.user(id), d.title(), d.body(), d.link());
				created++;
			}
		}
		if (created > 0) {
			log.info("Demo notifications: {} created", created);
		}
	}

	record Demo(String username, String title, String body, String link) {
	}

}
