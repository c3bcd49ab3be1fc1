package cn.zhongchuang.notification;

import java.time.Instant;

import cn.zhongchuang.platform.ConflictException;

/**
 * One message to one account. It changes only by being read, once.
 */
record Notification(Long id, long recipientId, String title, String body, String link, Instant createdAt,
		Instant readAt, int version) {

	public boolean unread() {
		return this.readAt == null;
	}

	/** Marks it read now; refuses (409) a notification that was read already. */
	Notification markRead(Instant now) {
		if (!unread()) {
			throw new ConflictException("该通知已读");
		}
		return new Notification(this.id, this.recipientId, this.title, this.body, this.link, this.createdAt, now,
				this.version);
	}

	/** Where opening it leads: its link when it is a safe in-app path, else the list. */
	String target() {
		return (this.link != null && Links.isInApp(this.link)) ? this.link : "/notifications";
	}

}
