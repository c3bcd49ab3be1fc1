package cn.zhongchuang.mentor;

import java.time.Duration;

import cn.zhongchuang.platform.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Certificates past their term become LAPSED every night (cron
 * {@code zhongchuang.mentor.lapse-cron}, Shanghai time, default 01:10) under a cluster
 * lock, so that several nodes lapse each certificate once; the UPDATE itself only takes
 * rows still CERTIFIED, so a second run finds nothing. Pages and the API already show a
 * certificate past its term as 已过期 before the job ran.
 */
@Component
class MentorLapses {

	private static final Logger log = LoggerFactory.getLogger(MentorLapses.class);

	private final Mentors mentors;

	private final ClusterLock lock;

	MentorLapses(Mentors mentors, ClusterLock lock) {
		this.mentors = mentors;
		this.lock = lock;
	}

	@Scheduled(cron = "${zhongchuang.mentor.lapse-cron:0 10 1 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		run();
	}

	/**
	 * Lapses what is due unless another node holds the lock; how many lapsed (-1: not
	 * run).
	 */
	int run() {
		int[] n = { -1 };
		this.lock.runExclusively("mentor-certificate-lapse", Duration.ofMinutes(10), () -> {
			n[0] = this.mentors.lapseDue();
			if (n[0] > 0) {
				log.info("{} mentor certificates lapsed", n[0]);
			}
		});
		return n[0];
	}

}
