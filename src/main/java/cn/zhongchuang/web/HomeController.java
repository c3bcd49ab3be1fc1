package cn.zhongchuang.web;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PublicPaths;
import cn.zhongchuang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every role lands on 待办: what waits for this user, with the entry points of their work.
 * A visitor who is not signed in gets the public portal instead: the public services and
 * the sign-in for staff, served without a session.
 */
@Controller
class HomeController {

	@Bean
	static PublicPaths portalPublicPaths() {
		return PublicPaths.pages("/", "/open-api");
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (user == null) {
			model.addAttribute("sessionless", true);
			return "portal";
		}
		model.addAttribute("isGovernment", user.role().isGovernment());
		model.addAttribute("isAdmin", user.hasRole(Role.ADMIN));
		return "home";
	}

	/**
	 * The public endpoints of the open API, in words, with the link to the full
	 * description.
	 */
	@GetMapping("/open-api")
	String openApi(Model model) {
		model.addAttribute("sessionless", true);
		return "open-api";
	}

}
