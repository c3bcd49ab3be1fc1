package cn.zhongchuang.assessment;

import java.time.Clock;
import java.util.List;

import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.TaskSource;

import org.springframework.stereotype.Component;

/**
 * 待办 of annual filings: last year's filings past their due date and not submitted (逾期未报),
 * for the bureau within its region, for the operator its own.
 */
@Component
public class FilingTasks implements TaskSource {

	private final AnnualFilings filings;

	private final Operators operators;

	private final Clock clock;

	FilingTasks(AnnualFilings filings, Operators operators, Clock clock) {
		this.filings = filings;
		this.operators = operators;
		this.clock = clock;
	}

	@Override
	public List<Task> tasksFor(CurrentUser user) {
		int year = ChinaTime.today(this.clock).getYear() - 1;
		if (user.hasRole(Role.COUNTY_REVIEWER) || user.hasRole(Role.CITY_BUREAU) || user.hasRole(Role.PROVINCE)) {
			return List.of(Task.of("late-filings", 40, "task.late-filings", overdue(this.filings.forBureau(user, year)),
					"/bureau/filings?year=" + year));
		}
		if (user.hasRole(Role.OPERATOR) && this.operators.organisationOf(user).isPresent()) {
			return List.of(Task.of("late-filings", 40, "task.own-late-filings", overdue(this.filings.mine(user, year)),
					"/filings?year=" + year));
		}
		return List.of();
	}

	private static long overdue(List<AnnualFilings.Row> rows) {
		return rows.stream().filter((r) -> "OVERDUE".equals(r.state())).count();
	}

}
