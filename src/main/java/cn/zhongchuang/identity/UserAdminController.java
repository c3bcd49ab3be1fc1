package cn.zhongchuang.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Regions;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理: the administrator's pages. One controller serves full pages and htmx partials.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY_ADMIN')")
class UserAdminController {

	private final UserAdministration users;

	private final Regions regions;

	private final Clock clock;

	private final MessageSource messages;

	UserAdminController(UserAdministration users, Regions regions, Clock clock, MessageSource messages) {
		this.users = users;
		this.messages = messages;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping
	String list(UserQuery query, ListParams list, @AuthenticationPrincipal CurrentUser admin, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("query", query);
		model.addAttribute("roles", Role.values());
		this.users.list(query, admin).map(this::view).page(list).addTo(model);
		return (htmx != null) ? "identity/users :: results" : "identity/users";
	}

	/** 导出 Excel: every account the filters leave, in the order of the page. */
	@GetMapping("/export")
	void export(UserQuery query, ListParams list, @AuthenticationPrincipal CurrentUser admin,
			HttpServletResponse response) {
		ListExport.respond(response, "用户",
				List.of(ListExport.column("登录名", UserView::username), ListExport.column("姓名", UserView::displayName),
						ListExport.column("角色",
								(UserView u) -> this.messages.getMessage("role." + u.role(), null, u.role().name(),
										Locale.SIMPLIFIED_CHINESE)),
						ListExport.column("行政区划", UserView::regionName),
						ListExport.column("单位", UserView::organization), ListExport.column("启用", UserView::enabled),
						ListExport.column("锁定", UserView::locked), ListExport.column("最近登录", UserView::lastLoginAt),
						ListExport.column("创建时间", UserView::createdAt)),
				this.users.list(query, admin).map(this::view), list);
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser admin, Model model) {
		model.addAttribute("form", new UserAdministration.UserForm(null, null, null, null, null, null));
		return form(model, null, Map.of(), admin);
	}

	@PostMapping
	String create(UserAdministration.UserForm form, @AuthenticationPrincipal CurrentUser admin, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			UserAdministration.Created created = this.users.create(form, admin);
			return showOnce(created, true, redirect);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			model.addAttribute("form", form);
			return form(model, null, ex.errors(), admin);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, Model model) {
		UserAccount account = this.users.get(id, admin);
		model.addAttribute("form", new UserAdministration.UserForm(account.username(), account.displayName(),
				account.role(), account.regionCode(), account.organization(), account.phone()));
		model.addAttribute("secondFactor", this.users.hasSecondFactor(id, admin));
		return form(model, view(account), Map.of(), admin);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam int version, UserAdministration.UserForm form,
			@AuthenticationPrincipal CurrentUser admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.users.update(id, version, form, admin);
			redirect.addFlashAttribute("toast", "已保存");
			return "redirect:/admin/users/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			model.addAttribute("form", form);
			return form(model, view(this.users.get(id, admin)), ex.errors(), admin);
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		try {
			this.users.disable(id, version, admin);
			redirect.addFlashAttribute("toast", "账户已停用");
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		this.users.enable(id, version, admin);
		redirect.addFlashAttribute("toast", "账户已启用");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-totp")
	String resetSecondFactor(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		try {
			this.users.resetSecondFactor(id, admin);
			redirect.addFlashAttribute("toast", "动态验证码已重置，该用户下次登录时重新绑定");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("toastError", ex.getMessage());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		UserAdministration.Created reset = this.users.resetPassword(id, version, admin);
		return showOnce(reset, false, redirect);
	}

	/**
	 * The temporary password, shown once after the redirect that follows the POST (a
	 * reload neither repeats the action nor shows the password again: it goes back to the
	 * account).
	 */
	@GetMapping("/{id}/temporary-password")
	String temporaryPassword(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, Model model) {
		if (!model.containsAttribute("temporaryPassword")) {
			return "redirect:/admin/users/" + id;
		}
		model.addAttribute("user", view(this.users.get(id, admin)));
		return "identity/temporary-password";
	}

	private static String showOnce(UserAdministration.Created done, boolean created, RedirectAttributes redirect) {
		redirect.addFlashAttribute("temporaryPassword", done.temporaryPassword());
		redirect.addFlashAttribute("created", created);
		return "redirect:/admin/users/" + done.account().id() + "/temporary-password";
	}

	private String form(Model model, UserView existing, Map<String, String> errors, CurrentUser admin) {
		model.addAttribute("existing", existing);
		model.addAttribute("errors", errors);
		// 三员分立: only the roles this administrator may give
		model.addAttribute("roles",
				java.util.Arrays.stream(Role.values())
					.filter((r) -> r.isPrivileged() == (admin.role() == Role.SECURITY_ADMIN))
					.toArray(Role[]::new));
		return "identity/user-form";
	}

	private UserView view(UserAccount account) {
		return UserView.of(account, this.regions.fullName(account.regionCode()), this.clock.instant());
	}

}
