package cn.zhongchuang.web;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PublicPaths;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.TaskSource;

import java.util.Comparator;
import java.util.List;

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

	private final List<TaskSource> taskSources;

	HomeController(List<TaskSource> taskSources) {
		this.taskSources = taskSources;
	}

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
		model.addAttribute("tasks", tasks(user));
		return "home";
	}

	/**
	 * What waits for the user, one line per kind with something waiting, from every
	 * module's {@link TaskSource}.
	 */
	List<TaskSource.Task> tasks(CurrentUser user) {
		return this.taskSources.stream()
			.flatMap((s) -> s.tasksFor(user).stream())
			.filter((t) -> t.count() > 0)
			.sorted(Comparator.comparingInt(TaskSource.Task::order))
			.toList();
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
