package cn.zhongchuang.expert;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.TaskSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** 待办 of an expert: the panels they serve on and have not yet scored (我的评审). */
@Component
public class ExpertTasks implements TaskSource {

	private final ExpertPanels panels;

	private final JdbcClient jdbc;

	ExpertTasks(ExpertPanels panels, JdbcClient jdbc) {
		this.panels = panels;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(CurrentUser user) {
		if (!user.hasRole(Role.EXPERT)) {
			return List.of();
		}
		long expertId = this.panels.expertIdOf(user);
		long waiting = (expertId < 0) ? 0 : this.jdbc.sql("""
				SELECT count(*) FROM expert_panel_member m JOIN expert_panel p ON p.id = m.panel_id
				WHERE m.expert_id = :e AND m.status = 'ASSIGNED' AND p.status = 'SEALED'
				""").param("e", expertId).query(Long.class).single();
		return List.of(Task.of("expert-reviews", 60, "task.expert-reviews", waiting, "/my-reviews"));
	}

}
