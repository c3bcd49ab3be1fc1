package cn.zhongchuang.recognition;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.TaskSource;

import org.springframework.stereotype.Component;

/**
 * 待办 of recommendations: those waiting for the decision of the user's level and region.
 */
@Component
public class RecommendationTasks implements TaskSource {

	private final Recommendations recommendations;

	RecommendationTasks(Recommendations recommendations) {
		this.recommendations = recommendations;
	}

	@Override
	public List<Task> tasksFor(CurrentUser user) {
		if (!user.role().isGovernment()) {
			return List.of();
		}
		return List.of(Task.of("recommendations", 70, "recommendation.home.pending",
				this.recommendations.pendingFor(user), "/recommendations"));
	}

}
