package cn.zhongchuang.web;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every role lands on 待办: what waits for this user, with the entry points of their work.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("isGovernment", user.role().isGovernment());
		model.addAttribute("isAdmin", user.hasRole(Role.ADMIN));
		return "home";
	}

}
