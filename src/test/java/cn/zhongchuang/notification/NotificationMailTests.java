package cn.zhongchuang.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail through a real in-process SMTP server (GreenMail on a loopback port): sent after
 * the business transaction commits, with the Chinese subject; never for a rolled-back
 * one.
 */
@SpringBootTest
@ActiveProfiles("test")
class NotificationMailTests {

	static final GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		if (!smtp.isRunning()) {
			smtp.start();
		}
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Autowired
	Notifications notifications;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MailRetry retry;

	@Test
	void aCommittedNotificationIsMailedWithItsChineseSubject() throws Exception {
		var reviewer = this.accounts.create(Role.COUNTY_REVIEWER, "620102");
		address(reviewer.id(), "reviewer@example.gov.cn");

		this.tx.executeWithoutResult((status) -> {
			this.notifications.notify(Recipients.user(reviewer.id()), "新的申报待初审", "兰州星火众创空间提交了申报。", "/applications/1");
			assertThat(messagesTo("reviewer@example.gov.cn")).isEmpty();
		});

		MimeMessage mail = awaitMailTo("reviewer@example.gov.cn");
		assertThat(mail.getSubject()).isEqualTo("【众创】新的申报待初审");
		assertThat(mail.getContent().toString()).contains("兰州星火众创空间提交了申报。", "/applications/1");
		assertThat(this.notifications.unreadCount(reviewer.id())).isEqualTo(1);
	}

	@Test
	void aRolledBackChangeSendsNoMail() throws Exception {
		var rolledBack = this.accounts.create(Role.OPERATOR, "110105");
		var committed = this.accounts.create(Role.OPERATOR, "110105");
		address(rolledBack.id(), "rollback@example.com");
		address(committed.id(), "committed@example.com");

		this.tx.executeWithoutResult((status) -> {
			this.notifications.notify(Recipients.user(rolledBack.id()), "不应发送", "", null);
			status.setRollbackOnly();
		});
		this.notifications.notify(Recipients.user(committed.id()), "应当发送", "", null);

		awaitMailTo("committed@example.com");
		assertThat(messagesTo("committed@example.com")).hasSize(1);
		Thread.sleep(500);
		assertThat(messagesTo("rollback@example.com")).isEmpty();
		assertThat(this.notifications.unreadCount(rolledBack.id())).isZero();
	}

	@Test
	void anAccountWithoutAnAddressGetsTheNotificationInTheAppOnly() {
		var a = this.accounts.create(Role.EXPERT, "110105");
		this.notifications.notify(Recipients.user(a.id()), "只在站内", "", null);
		assertThat(this.notifications.unreadCount(a.id())).isEqualTo(1);
	}

	@Test
	void aMailThatFailedIsSentOnResubmissionAndTheNotificationStays() throws Exception {
		var a = this.accounts.create(Role.CITY_BUREAU, "620100");
		address(a.id(), "retry@example.gov.cn");
		smtp.stop();
		try {
			this.notifications.notify(Recipients.user(a.id()), "邮件服务器恢复后补发", "", null);
			long deadline = System.currentTimeMillis() + 10_000;
			while (incompleteMails() == 0 && System.currentTimeMillis() < deadline) {
				Thread.sleep(100);
			}
			Thread.sleep(500);
			assertThat(this.notifications.unreadCount(a.id())).isEqualTo(1);
		}
		finally {
			smtp.start();
		}
		this.retry.resubmit(Duration.ZERO);
		assertThat(awaitMailTo("retry@example.gov.cn").getSubject()).isEqualTo("【众创】邮件服务器恢复后补发");
	}

	long incompleteMails() {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE :t")
			.param("t", "%NotificationCreated%")
			.query(Long.class)
			.single();
	}

	static MimeMessage awaitMailTo(String address) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (messagesTo(address).length == 0 && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(messagesTo(address)).as("mail to " + address).isNotEmpty();
		return messagesTo(address)[0];
	}

	void address(long userId, String email) {
		this.jdbc.sql("INSERT INTO notification_email (user_id, email, updated_at) VALUES (:u, :e, now())")
			.param("u", userId)
			.param("e", email)
			.update();
	}

	static MimeMessage[] messagesTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch((r) -> r.toString().equals(address));
			}
			catch (Exception ex) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
