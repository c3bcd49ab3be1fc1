package cn.zhongchuang.notification;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 消息中心: the list (unread first), the unread badge of the top bar and the latest unread on
 * 待办 (htmx fragments), opening (marks read and follows the in-app link), mark all read,
 * and 通知设置 where users give their e-mail address.
 */
@Controller
class NotificationController {

	private final Notifications notifications;

	private final EmailAddresses addresses;

	NotificationController(Notifications notifications, EmailAddresses addresses) {
		this.notifications = notifications;
		this.addresses = addresses;
	}

	@GetMapping("/notifications")
	String list(@RequestParam(defaultValue = "all") String filter, ListParams list,
			@AuthenticationPrincipal CurrentUser user, @RequestHeader(name = "HX-Request", required = false) String hx,
			Model model) {
		boolean unreadOnly = "unread".equals(filter);
		model.addAttribute("filter", unreadOnly ? "unread" : "all");
		this.notifications.list(user, unreadOnly).page(list).addTo(model);
		model.addAttribute("unread", this.notifications.unreadCount(user.id()));
		return (hx != null) ? "notification/list :: results" : "notification/list";
	}

	/** 导出 Excel of the user's notifications as filtered and sorted. */
	@GetMapping("/notifications/export")
	void export(@RequestParam(defaultValue = "all") String filter, ListParams list,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		ListExport.respond(response, "消息中心",
				List.of(ListExport.column("状态", (Notification n) -> n.unread() ? "未读" : "已读"),
						ListExport.column("通知", Notification::title), ListExport.column("内容", Notification::body),
						ListExport.column("时间", Notification::createdAt)),
				this.notifications.list(user, "unread".equals(filter)), list);
	}

	/** The top bar's badge, polled by htmx every 60 s. */
	@GetMapping("/notifications/badge")
	String badge(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("unread", this.notifications.unreadCount(user.id()));
		return "notification/fragments :: badge";
	}

	/** The latest unread notifications for the 待办 card of the home page. */
	@GetMapping("/notifications/latest")
	String latest(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("latest", this.notifications.page(user, true, 1, 5));
		return "notification/fragments :: latest";
	}

	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return "redirect:" + this.notifications.open(id, user).target();
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		int count = this.notifications.markAllRead(user);
		redirect.addFlashAttribute("toast", "已将 " + count + " 条通知标为已读");
		return "redirect:/notifications";
	}

	@GetMapping("/account/notifications")
	String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
		EmailAddresses.Setting setting = this.addresses.of(user.id()).orElse(new EmailAddresses.Setting("", -1));
		return settingsForm(setting.email(), setting.version(), Map.of(), model);
	}

	@PostMapping("/account/notifications")
	String saveSettings(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "-1") int version,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			this.addresses.set(user, email, version);
			redirect.addFlashAttribute("toast", "已保存");
			return "redirect:/account/notifications";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return settingsForm(email, version, ex.errors(), model);
		}
		catch (OptimisticLockingFailureException ex) {
			response.setStatus(409);
			return settingsForm(email, version, Map.of("email", "已被他人修改，请重新加载"), model);
		}
	}

	private String settingsForm(String email, int version, Map<String, String> errors, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		return "notification/settings";
	}

}
