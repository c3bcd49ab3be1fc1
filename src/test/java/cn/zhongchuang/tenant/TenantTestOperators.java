package cn.zhongchuang.tenant;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;

import org.springframework.stereotype.Component;

/** An operator account with its organisation, for tenant tests. */
@Component
class TenantTestOperators {

	private final TestOrganisations organisations;

	TenantTestOperators(TestOrganisations organisations) {
		this.organisations = organisations;
	}

	static String creditCode(String region) {
		return TestOrganisations.creditCode(region);
	}

	Operator operator(String region) {
		TestOrganisations.Registered org = this.organisations.register(region, "在孵测试运营机构");
		return new Operator(org.id(), region, org.account());
	}

	record Operator(long id, String region, TestAccounts.Account account) {
	}

}
