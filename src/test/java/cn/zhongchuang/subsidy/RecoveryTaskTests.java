package cn.zhongchuang.subsidy;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TaskCounts;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 待办 of subsidies on the home page: an award listed as 应收回 counts for the bureaus
 * covering its region (the county and its city, not another city, not the operator); the
 * recovery registered takes it off.
 */
@IntegrationTest
class RecoveryTaskTests {

	static final String KIND = "home-task-recoveries";

	@Autowired
	MockMvc mvc;

	@Autowired
	Subsidies subsidies;

	@Autowired
	SubsidyFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	@Test
	void aRecoveryDueCountsForTheBureausOfItsRegionAndLeavesWhenRecovered() throws Exception {
		AuthenticatedUser city = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		AuthenticatedUser county = this.accounts.create(Role.COUNTY_REVIEWER, "620102").principal();
		AuthenticatedUser otherCounty = this.accounts.create(Role.COUNTY_REVIEWER, "620103").principal();
		AuthenticatedUser elsewhere = this.accounts.create(Role.CITY_BUREAU, "110000").principal();
		SubsidyFixtures.Holder h = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", city);
		Programme p = this.fixtures.open(city, "620100", "1000000", "200000", "lanzhou-2018");
		Award award = this.subsidies.award(p.id(), h.rec().number(), "200000", "认定奖补", city);
		long cityBefore = TaskCounts.on(this.mvc, city, KIND);
		long countyBefore = TaskCounts.on(this.mvc, county, KIND);
		long otherBefore = TaskCounts.on(this.mvc, otherCounty, KIND);
		long elsewhereBefore = TaskCounts.on(this.mvc, elsewhere, KIND);

		Award due = this.subsidies.recoveryDue(award.id(), "虚报在孵企业数量", award.version(), city);
		assertThat(TaskCounts.on(this.mvc, city, KIND)).isEqualTo(cityBefore + 1);
		assertThat(TaskCounts.on(this.mvc, county, KIND)).isEqualTo(countyBefore + 1);
		assertThat(TaskCounts.on(this.mvc, otherCounty, KIND)).isEqualTo(otherBefore);
		assertThat(TaskCounts.on(this.mvc, elsewhere, KIND)).isEqualTo(elsewhereBefore);
		assertThat(TaskCounts.on(this.mvc, h.operator(), KIND)).isZero();

		this.subsidies.recover(due.id(), ChinaTime.today(this.clock), "200000", "已缴回国库", due.version(), city);
		assertThat(TaskCounts.on(this.mvc, city, KIND)).isEqualTo(cityBefore);
		assertThat(TaskCounts.on(this.mvc, county, KIND)).isEqualTo(countyBefore);
	}

}
