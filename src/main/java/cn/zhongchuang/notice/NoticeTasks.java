package cn.zhongchuang.notice;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.TaskSource;
import cn.zhongchuang.region.Regions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 待办 of notices: objections lodged on the notices of the bureau's region, not yet
 * answered.
 */
@Component
public class NoticeTasks implements TaskSource {

	private final NoticeRecords records;

	private final Regions regions;

	NoticeTasks(NoticeRecords records, Regions regions) {
		this.records = records;
		this.regions = regions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(CurrentUser user) {
		if (!(user.hasRole(Role.COUNTY_REVIEWER) || user.hasRole(Role.CITY_BUREAU) || user.hasRole(Role.PROVINCE))) {
			return List.of();
		}
		long open = this.records.countOpenObjections(this.regions.codesWithin(user.regionCode()));
		return List.of(Task.of("objections", 20, "task.objections", open, "/bureau/notices"));
	}

}
