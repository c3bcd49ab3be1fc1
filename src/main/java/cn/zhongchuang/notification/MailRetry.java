package cn.zhongchuang.notification;

import java.time.Clock;
import java.time.Duration;

import cn.zhongchuang.platform.ClusterLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Mails that failed (SMTP server down) stay incomplete in the event publication registry;
 * every few minutes one node resubmits those older than five minutes, up to ten attempts.
 * They are also republished on restart. The in-app notification is never touched.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailRetry {

	static final Duration AGE = Duration.ofMinutes(5);

	static final int MAX_ATTEMPTS = 10;

	private final IncompleteEventPublications incomplete;

	private final ObjectProvider<JavaMailSender> senders;

	private final ClusterLock lock;

	private final Clock clock;

	MailRetry(IncompleteEventPublications incomplete, ObjectProvider<JavaMailSender> senders, ClusterLock lock,
			Clock clock) {
		this.incomplete = incomplete;
		this.senders = senders;
		this.lock = lock;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${zhongchuang.notifications.mail-retry-interval:5m}",
			fixedDelayString = "${zhongchuang.notifications.mail-retry-interval:5m}")
	void resubmitFailedMails() {
		if (this.senders.getIfAvailable() == null) {
			return;
		}
		this.lock.runExclusively("notification-mail-retry", Duration.ofMinutes(4), () -> resubmit(AGE));
	}

	/** Resubmits the incomplete mail publications older than {@code age}. */
	void resubmit(Duration age) {
		this.incomplete.resubmitIncompletePublications((p) -> p.getEvent() instanceof Notifications.NotificationCreated
				&& !p.getPublicationDate().isAfter(this.clock.instant().minus(age))
				&& p.getCompletionAttempts() < MAX_ATTEMPTS);
	}

}
