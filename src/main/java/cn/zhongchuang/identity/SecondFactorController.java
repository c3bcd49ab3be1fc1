package cn.zhongchuang.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of the sign-in (请输入动态验证码) and 账户安全, where a user enrols an
 * authenticator app or turns it off. The enrolment secret waits in the session until a
 * code confirms it.
 */
@Controller
class SecondFactorController {

	static final String PENDING_SECRET = SecondFactorController.class.getName() + ".secret";

	private final SecondFactors factors;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorController(SecondFactors factors) {
		this.factors = factors;
	}

	@GetMapping(SecondFactorFilter.VERIFY_PATH)
	String codeForm(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
		if (user.secondFactor() != AuthenticatedUser.SecondFactor.VERIFY) {
			return "redirect:/";
		}
		model.addAttribute("error", false);
		return "identity/totp";
	}

	@PostMapping(SecondFactorFilter.VERIFY_PATH)
	String verify(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (user.secondFactor() != AuthenticatedUser.SecondFactor.VERIFY) {
			return "redirect:/";
		}
		return switch (this.factors.verify(user, code)) {
			case ACCEPTED -> {
				replacePrincipal(user.withSecondFactor(AuthenticatedUser.SecondFactor.NONE), request, response);
				yield "redirect:" + target(request.getSession());
			}
			case WRONG -> {
				model.addAttribute("error", true);
				response.setStatus(422);
				yield "identity/totp";
			}
			// locked, disabled or reset meanwhile: the sign-in starts again
			default -> {
				new SecurityContextLogoutHandler().logout(request, response,
						SecurityContextHolder.getContext().getAuthentication());
				yield "redirect:/login?error";
			}
		};
	}

	@GetMapping(SecondFactorFilter.ENROL_PATH)
	String security(@AuthenticationPrincipal AuthenticatedUser user, HttpSession session, Model model) {
		return page(user, session, model, Map.of());
	}

	@PostMapping(SecondFactorFilter.ENROL_PATH + "/enrol")
	String enrol(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		HttpSession session = request.getSession();
		if (!(session.getAttribute(PENDING_SECRET) instanceof String secret)) {
			return "redirect:" + SecondFactorFilter.ENROL_PATH;
		}
		if (!this.factors.enrol(user, secret, code)) {
			if (this.factors.enrolledSince(user.id()).isPresent()) {
				session.removeAttribute(PENDING_SECRET);
				redirect.addFlashAttribute("toastError", "动态验证码已启用；如需更换，请先关闭或请管理员重置");
				return "redirect:" + SecondFactorFilter.ENROL_PATH;
			}
			response.setStatus(422);
			return page(user, session, model, Map.of("code", "动态验证码不正确，请核对手机时间后输入验证器当前显示的 6 位数字"));
		}
		session.removeAttribute(PENDING_SECRET);
		redirect.addFlashAttribute("toast", "动态验证码已启用，下次登录时须输入");
		if (user.secondFactor() == AuthenticatedUser.SecondFactor.ENROL) {
			replacePrincipal(user.withSecondFactor(AuthenticatedUser.SecondFactor.NONE), request, response);
			return "redirect:" + target(session);
		}
		return "redirect:" + SecondFactorFilter.ENROL_PATH;
	}

	@PostMapping(SecondFactorFilter.ENROL_PATH + "/disable")
	String disable(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return switch (this.factors.disable(user, code)) {
			case ACCEPTED -> {
				redirect.addFlashAttribute("toast", "动态验证码已关闭");
				yield "redirect:" + SecondFactorFilter.ENROL_PATH;
			}
			case REQUIRED -> {
				redirect.addFlashAttribute("toastError", "您的角色必须使用动态验证码，不能关闭；更换手机请联系管理员重置");
				yield "redirect:" + SecondFactorFilter.ENROL_PATH;
			}
			case WRONG, NOT_ENROLLED -> {
				response.setStatus(422);
				yield page(user, request.getSession(), model, Map.of("disableCode", "动态验证码不正确"));
			}
			case LOCKED -> {
				new SecurityContextLogoutHandler().logout(request, response,
						SecurityContextHolder.getContext().getAuthentication());
				yield "redirect:/login?error";
			}
		};
	}

	private String page(AuthenticatedUser user, HttpSession session, Model model, Map<String, String> errors) {
		var since = this.factors.enrolledSince(user.id());
		model.addAttribute("enrolled", since.isPresent());
		model.addAttribute("enrolledSince", since.orElse(null));
		model.addAttribute("required", this.factors.requiredFor(user));
		model.addAttribute("forced", user.secondFactor() == AuthenticatedUser.SecondFactor.ENROL);
		model.addAttribute("errors", errors);
		if (since.isEmpty()) {
			String secret = (session.getAttribute(PENDING_SECRET) instanceof String s) ? s : Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
			model.addAttribute("secret", secret);
			model.addAttribute("secretGrouped", Totp.grouped(secret));
			model.addAttribute("uri", this.factors.uri(user, secret));
			model.addAttribute("qr", cn.zhongchuang.platform.QrCodes.svgDataUri(this.factors.uri(user, secret)));
		}
		return "identity/security";
	}

	private void replacePrincipal(AuthenticatedUser updated, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	private static String target(HttpSession session) {
		Object target = session.getAttribute(SecondFactorFilter.TARGET);
		session.removeAttribute(SecondFactorFilter.TARGET);
		return (target instanceof String path && SecondFactorFilter.isLocal(path)) ? path : "/";
	}

}
