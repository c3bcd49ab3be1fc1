package cn.zhongchuang.operator;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;

import org.springframework.stereotype.Component;

/**
 * Operators with a registered organisation, for tests: fresh account, fresh credit code.
 */
@Component
class OperatorFixtures {

	private static final AtomicInteger counter = new AtomicInteger();

	private final TestAccounts accounts;

	private final OrganisationRegistry registry;

	OperatorFixtures(TestAccounts accounts, OrganisationRegistry registry) {
		this.accounts = accounts;
		this.registry = registry;
	}

	static String creditCode(String region) {
		int n = counter.incrementAndGet();
		return CreditCodes.generate("9", "1", region,
				String.format("%08d", (System.nanoTime() / 1000 % 90_000_000L + n * 7919L) % 100_000_000L));
	}

	static OrganisationForm form(String name, String creditCode, String region) {
		return new OrganisationForm(name, creditCode, region, "张三", "010-12345678", "测试地址 1 号",
				LocalDate.of(2020, 1, 1), true, true, LeadEntity.NONE, "测试集团");
	}

	Operator operator(String region) {
		TestAccounts.Account account = this.accounts.create(Role.OPERATOR, region);
		Organisation org = this.registry
			.register(form("测试运营机构" + counter.incrementAndGet(), creditCode(region), region), account.principal())
			.organisation();
		return new Operator(account, org);
	}

	record Operator(TestAccounts.Account account, Organisation org) {
	}

}
