package cn.zhongchuang.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly exit scan (cron {@code zhongchuang.tenants.exit-scan-cron}, Shanghai time):
 * under a cluster lock, and only when no node has scanned that day yet, so two nodes scan
 * once.
 */
@Component
class NightlyExitScan {

	private static final Logger log = LoggerFactory.getLogger(NightlyExitScan.class);

	private final ExitScan scan;

	private final ClusterLock lock;

	private final Clock clock;

	NightlyExitScan(ExitScan scan, ClusterLock lock, Clock clock) {
		this.scan = scan;
		this.lock = lock;
		this.clock = clock;
	}

	@Scheduled(cron = "${zhongchuang.tenants.exit-scan-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		run(ChinaTime.today(this.clock));
	}

	/**
	 * Scans {@code day} unless another node holds the lock or has scanned it; whether it
	 * ran.
	 */
	boolean run(LocalDate day) {
		boolean[] ran = { false };
		this.lock.runExclusively("tenant-exit-scan", Duration.ofMinutes(30), () -> {
			if (!this.scan.scannedOn(day)) {
				ExitScan.Summary s = this.scan.scan(day);
				log.info("Tenant exit scan for {}: {} scanned, {} abnormal, {} clearance due, {} new", day, s.scanned(),
						s.abnormal(), s.clearance(), s.created());
				ran[0] = true;
			}
		});
		return ran[0];
	}

}
