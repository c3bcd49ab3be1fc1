package cn.zhongchuang.application;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.TaskSource;

import org.springframework.stereotype.Component;

/**
 * 待办 of applications: for a reviewer those at the stage of their role within their region
 * (认定审查), for an operator its drafts and returned applications.
 */
@Component
public class ApplicationTasks implements TaskSource {

	private final Applications applications;

	ApplicationTasks(Applications applications) {
		this.applications = applications;
	}

	@Override
	public List<Task> tasksFor(CurrentUser user) {
		if (user.role().isGovernment()) {
			return List
				.of(Task.of("applications", 10, "task.reviews", this.applications.pendingFor(user), "/applications"));
		}
		if (user.hasRole(Role.OPERATOR)) {
			return List.of(Task.of("applications", 10, "task.own-applications", this.applications.pendingFor(user),
					"/applications"));
		}
		return List.of();
	}

}
