package cn.zhongchuang.supervision;

import java.time.Clock;
import java.time.Duration;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ClusterLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once an hour, on one node only: rectification orders left OPEN past their deadline
 * become OVERDUE and, where the pack's lapse rule is rectification not met, their
 * recognition lapses.
 */
@Component
class OverdueRectifications {

	private final Supervision supervision;

	private final ClusterLock lock;

	private final Clock clock;

	OverdueRectifications(Supervision supervision, ClusterLock lock, Clock clock) {
		this.supervision = supervision;
		this.lock = lock;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${zhongchuang.supervision.overdue-interval:1h}",
			fixedDelayString = "${zhongchuang.supervision.overdue-interval:1h}")
	void run() {
		this.lock.runExclusively("supervision-overdue", Duration.ofMinutes(30),
				() -> this.supervision.lapseOverdue(ChinaTime.today(this.clock)));
	}

}
