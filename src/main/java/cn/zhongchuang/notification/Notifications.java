package cn.zhongchuang.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PageResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message centre's API. {@link #notify} stores one notification per recipient in the
 * caller's transaction (if the business change rolls back, so do its notifications) and
 * publishes {@link NotificationCreated} for each; e-mail follows after commit,
 * asynchronously, through the event publication registry.
 */
@Service
public class Notifications {

	private final NotificationRecords records;

	private final Accounts accounts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notifications(NotificationRecords records, Accounts accounts, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.records = records;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Notifies every recipient.
	 * @param title required, up to 200 characters (also the e-mail subject)
	 * @param body may be empty, up to 4000 characters
	 * @param link an in-app path such as {@code /applications/42}, or null; absolute URLs
	 * are refused ({@link FieldErrorException} on {@code link})
	 * @return the ids of the stored notifications, one per recipient (none when nobody is
	 * responsible)
	 */
	@Transactional
	public List<Long> notify(Recipients recipients, String title, String body, String link) {
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			throw new FieldErrorException("title", "通知标题必填，最多 200 字");
		}
		String text = (body != null) ? body.strip() : "";
		if (text.length() > 4000) {
			throw new FieldErrorException("body", "通知正文最多 4000 字");
		}
		String safeLink = Links.check(link);
		TreeSet<Long> ids = new TreeSet<>();
		if (recipients instanceof Recipients.Users u) {
			ids.addAll(u.ids());
		}
		else if (recipients instanceof Recipients.RoleCovering r) {
			ids.addAll(this.accounts.idsWithRoleCovering(r.role(), r.regionCode()));
		}
		Instant now = now();
		List<Long> created = ids.stream().map((recipient) -> {
			long id = this.records.insert(recipient, title.strip(), text, safeLink, now);
			this.events.publishEvent(new NotificationCreated(id, recipient, title.strip(), text, safeLink));
			return id;
		}).toList();
		String region = (recipients instanceof Recipients.RoleCovering r) ? r.regionCode() : null;
		this.audit.record(AuditEntry.success("NOTIFICATION_SEND", "notification",
				created.isEmpty() ? "-"
						: created.get(0) + ((created.size() > 1) ? ".." + created.get(created.size() - 1) : ""),
				"通知「" + title.strip() + "」发送给 " + created.size() + " 个账户", region));
		return created;
	}

	/** How many unread notifications the user has. */
	@Transactional(readOnly = true)
	public long unreadCount(long userId) {
		return this.records.unreadCount(userId);
	}

	@Transactional(readOnly = true)
	PageResult<Notification> page(CurrentUser user, boolean unreadOnly, Integer page, Integer size) {
		return this.records.page(user.id(), unreadOnly, page, size);
	}

	/** The user's notifications as a sortable list (page, export). */
	ListQuery<Notification> list(CurrentUser user, boolean unreadOnly) {
		return this.records.list(user.id(), unreadOnly);
	}

	@Transactional(readOnly = true)
	Notification get(long id, CurrentUser user) {
		return this.records.find(id, user.id()).orElseThrow(() -> new NotFoundException("notification " + id));
	}

	/**
	 * Opens the user's own notification: marks it read if it is not yet, and answers
	 * where to go. Another user's notification is 404.
	 */
	@Transactional
	Notification open(long id, CurrentUser user) {
		Notification n = get(id, user);
		if (n.unread()) {
			Notification read = n.markRead(now());
			this.records.update(read);
			this.audit.record(AuditEntry.success("NOTIFICATION_READ", "notification", id, "阅读通知「" + n.title() + "」",
					user.regionCode()));
			return read;
		}
		return n;
	}

	/** Marks the user's own notification read (409 when it was already). */
	@Transactional
	Notification markRead(long id, CurrentUser user) {
		Notification read = get(id, user).markRead(now());
		this.records.update(read);
		this.audit.record(AuditEntry.success("NOTIFICATION_READ", "notification", id, "阅读通知「" + read.title() + "」",
				user.regionCode()));
		return read;
	}

	/** Marks every unread notification of the user read; returns how many. */
	@Transactional
	int markAllRead(CurrentUser user) {
		int count = this.records.markAllRead(user.id(), now());
		if (count > 0) {
			this.audit.record(AuditEntry.success("NOTIFICATION_READ_ALL", "user", user.id(), "全部标为已读（" + count + " 条）",
					user.regionCode()));
		}
		return count;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	boolean anyFor(long userId) {
		return this.records.anyFor(userId);
	}

	/**
	 * A notification was stored (published inside the transaction that stored it; the
	 * mailer sends it after commit).
	 */
	public record NotificationCreated(long notificationId, long recipientId, String title, String body, String link) {
	}

}
