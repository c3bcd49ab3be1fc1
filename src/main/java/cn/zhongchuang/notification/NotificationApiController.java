package cn.zhongchuang.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PageResult;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own notifications as JSON. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		PageResult<Item> result = this.notifications.page(user, unread, page, size).map(Item::of);
		return Map.of("items", result.items(), "total", result.total(), "page", result.page(), "size", result.size(),
				"unread", this.notifications.unreadCount(user.id()));
	}

	@GetMapping("/unread-count")
	Map<String, Long> unreadCount(@AuthenticationPrincipal CurrentUser user) {
		return Map.of("unread", this.notifications.unreadCount(user.id()));
	}

	@GetMapping("/{id}")
	Item one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return Item.of(this.notifications.get(id, user));
	}

	@PostMapping("/{id}/read")
	Item read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return Item.of(this.notifications.markRead(id, user));
	}

	@PostMapping("/read-all")
	Map<String, Integer> readAll(@AuthenticationPrincipal CurrentUser user) {
		return Map.of("marked", this.notifications.markAllRead(user));
	}

	record Item(long id, String title, String body, String link, Instant createdAt, Instant readAt, boolean unread) {

		static Item of(Notification n) {
			return new Item(n.id(), n.title(), n.body(), n.link(), n.createdAt(), n.readAt(), n.unread());
		}

		static List<Item> of(List<Notification> list) {
			return list.stream().map(Item::of).toList();
		}

	}

}
