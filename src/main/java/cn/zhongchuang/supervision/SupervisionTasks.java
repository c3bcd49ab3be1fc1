package cn.zhongchuang.supervision;

import java.util.List;

import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.TaskSource;
import cn.zhongchuang.region.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 待办 of rectifications: for the bureau the answers waiting for its review (ANSWERED
 * within its region), for the operator the orders it has to answer (OPEN).
 */
@Component
public class SupervisionTasks implements TaskSource {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Operators operators;

	SupervisionTasks(JdbcClient jdbc, Regions regions, Operators operators) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.operators = operators;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(CurrentUser user) {
		if (user.hasRole(Role.COUNTY_REVIEWER) || user.hasRole(Role.CITY_BUREAU) || user.hasRole(Role.PROVINCE)) {
			long answered = this.jdbc.sql(
					"SELECT count(*) FROM rectification_order WHERE status = 'ANSWERED' AND region_code = ANY(:regions)")
				.param("regions", this.regions.codesWithin(user.regionCode()).toArray(String[]::new))
				.query(Long.class)
				.single();
			return List.of(Task.of("rectifications", 30, "task.rectifications-to-review", answered,
					"/bureau/supervision?status=ANSWERED"));
		}
		if (user.hasRole(Role.OPERATOR)) {
			return this.operators.organisationOf(user).map((org) -> {
				long open = this.jdbc
					.sql("SELECT count(*) FROM rectification_order WHERE status = 'OPEN' AND credit_code = :code")
					.param("code", org.creditCode())
					.query(Long.class)
					.single();
				return List.of(Task.of("rectifications", 30, "task.rectifications-to-answer", open, "/supervision"));
			}).orElse(List.of());
		}
		return List.of();
	}

}
