package cn.zhongchuang.notification;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mail for each notification, after the transaction that stored it committed, on a
 * background thread. Only when {@code spring.mail.host} is configured (Spring Boot then
 * provides a {@link JavaMailSender}); otherwise skipped, logged once. A failure leaves
 * the event publication incomplete, so the registry sends it again (on restart or
 * resubmission); the in-app notification is never affected.
 */
@Component
class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	private final ObjectProvider<JavaMailSender> senders;

	private final EmailAddresses addresses;

	private final String from;

	private final String baseUrl;

	private final AtomicBoolean skipLogged = new AtomicBoolean();

	NotificationMailer(ObjectProvider<JavaMailSender> senders, EmailAddresses addresses,
			@Value("${zhongchuang.notifications.mail-from:noreply@zhongchuang.local}") String from,
			@Value("${zhongchuang.notifications.base-url:}") String baseUrl) {
		this.senders = senders;
		this.addresses = addresses;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@ApplicationModuleListener
	void on(Notifications.NotificationCreated created) throws MessagingException {
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			if (this.skipLogged.compareAndSet(false, true)) {
				log.info("No mail server configured (spring.mail.host): notifications are shown in the app only");
			}
			return;
		}
		Optional<String> to = this.addresses.of(created.recipientId()).map(EmailAddresses.Setting::email);
		if (to.isEmpty()) {
			return;
		}
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
		helper.setFrom(this.from);
		helper.setTo(to.get());
		helper.setSubject("【众创】" + created.title());
		StringBuilder text = new StringBuilder(created.body());
		if (created.link() != null) {
			text.append("\n\n").append(this.baseUrl).append(created.link());
		}
		text.append("\n\n—— 众创 孵化载体认定管理平台（本邮件由系统自动发送）");
		helper.setText(text.toString());
		sender.send(message);
		log.info("Mailed notification {} to user {}", created.notificationId(), created.recipientId());
	}

}
