package cn.zhongchuang.subsidy;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.TaskSource;
import cn.zhongchuang.region.Regions;

import org.springframework.stereotype.Component;

/** 待办 of subsidies: awards listed as to be recovered (应收回) within the bureau's region. */
@Component
public class SubsidyTasks implements TaskSource {

	private final RecoveryCensus census;

	private final Regions regions;

	SubsidyTasks(RecoveryCensus census, Regions regions) {
		this.census = census;
		this.regions = regions;
	}

	@Override
	public List<Task> tasksFor(CurrentUser user) {
		if (!(user.hasRole(Role.COUNTY_REVIEWER) || user.hasRole(Role.CITY_BUREAU) || user.hasRole(Role.PROVINCE))) {
			return List.of();
		}
		long due = this.census.due(this.regions.codesWithin(user.regionCode()), null);
		return List.of(Task.of("recoveries", 50, "task.recoveries", due, "/bureau/subsidies"));
	}

}
