package cn.zhongchuang.identity;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-only account query other modules use: who holds a role for a region (the
 * region itself or any region above it), and who a login name is.
 */
@IntegrationTest
class AccountsTests {

	@Autowired
	Accounts accounts;

	@Autowired
	TestAccounts testAccounts;

	@Test
	void accountsOfTheRegionAndAboveCoverItOthersDoNot() {
		var county = this.testAccounts.create(Role.COUNTY_REVIEWER, "620102");
		var city = this.testAccounts.create(Role.COUNTY_REVIEWER, "620100");
		var province = this.testAccounts.create(Role.COUNTY_REVIEWER, "620000");
		var neighbour = this.testAccounts.create(Role.COUNTY_REVIEWER, "620103");
		var otherRole = this.testAccounts.create(Role.CITY_BUREAU, "620102");
		var below = this.testAccounts.create(Role.COUNTY_REVIEWER, "620102");

		var ids = this.accounts.idsWithRoleCovering(Role.COUNTY_REVIEWER, "620102");

		assertThat(ids).contains(county.id(), city.id(), province.id(), below.id())
			.doesNotContain(neighbour.id(), otherRole.id());
		assertThat(this.accounts.idsWithRoleCovering(Role.COUNTY_REVIEWER, "620100")).contains(city.id(), province.id())
			.doesNotContain(county.id(), neighbour.id());
		assertThat(this.accounts.idsWithRoleCovering(Role.COUNTY_REVIEWER, "999999")).isEmpty();
	}

	@Test
	void findsAnAccountByLoginNameRegardlessOfCase() {
		var a = this.testAccounts.create(Role.EXPERT, "110105");
		assertThat(this.accounts.idOf(a.username().toUpperCase())).contains(a.id());
		assertThat(this.accounts.idOf("nobody-here")).isEmpty();
	}

}
