package cn.zhongchuang.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page and the user's own account: password change. */
@Controller
class AccountController {

	private final PasswordChange passwordChange;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountController(PasswordChange passwordChange) {
		this.passwordChange = passwordChange;
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal CurrentUser user) {
		return (user != null) ? "redirect:/" : "identity/login";
	}

	@GetMapping("/account/password")
	String passwordForm(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
		model.addAttribute("required", user.passwordChangeRequired());
		model.addAttribute("errors", Map.of());
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.passwordChange.change(user.id(), currentPassword, newPassword, confirmPassword);
		}
		catch (FieldErrorException ex) {
			model.addAttribute("required", user.passwordChangeRequired());
			model.addAttribute("errors", ex.errors());
			response.setStatus(422);
			return "identity/password";
		}
		// The session's principal still says "change required": replace it so the user
		// can go on.
		AuthenticatedUser updated = user.withPasswordChanged();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("toast", "密码已修改");
		return "redirect:/";
	}

}
