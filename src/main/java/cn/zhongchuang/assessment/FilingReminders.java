package cn.zhongchuang.assessment;

import java.time.Clock;
import java.time.Duration;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ClusterLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, on one node only: reminders to operators that have not submitted last
 * year's annual filing, 30 and 7 days before its due date and the day after.
 */
@Component
class FilingReminders {

	private final AnnualFilings filings;

	private final ClusterLock lock;

	private final Clock clock;

	FilingReminders(AnnualFilings filings, ClusterLock lock, Clock clock) {
		this.filings = filings;
		this.lock = lock;
		this.clock = clock;
	}

	@Scheduled(cron = "${zhongchuang.assessment.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
	void run() {
		this.lock.runExclusively("annual-filing-reminders", Duration.ofMinutes(30),
				() -> this.filings.remindDue(ChinaTime.today(this.clock)));
	}

}
