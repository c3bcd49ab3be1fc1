package cn.zhongchuang.expert;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition.ScoringItem;

import org.springframework.stereotype.Component;

/**
 * Bureau and expert accounts and pool experts for tests, in 杭州 (330100), where no demo
 * data lives; each test uses its own field so that pools of different tests never mix.
 */
@Component
class ExpertFixtures {

	static final String CITY = "330100";

	static final String DISTRICT = "330106";

	/** Two items, 100 points in all. */
	static final List<ScoringItem> SHEET = List.of(new ScoringItem("SITE", "孵化场地", 60, "5.2"),
			new ScoringItem("TEAM", "运营团队", 40, "5.4"));

	private static final AtomicInteger counter = new AtomicInteger();

	final TestAccounts accounts;

	final ExpertPool pool;

	final ExpertPanels panels;

	ExpertFixtures(TestAccounts accounts, ExpertPool pool, ExpertPanels panels) {
		this.accounts = accounts;
		this.pool = pool;
		this.panels = panels;
	}

	TestAccounts.Account bureau() {
		return this.accounts.create(Role.CITY_BUREAU, CITY);
	}

	static String field() {
		return "测试领域" + counter.incrementAndGet() + "x" + System.nanoTime() % 100000;
	}

	Expert expert(TestAccounts.Account bureau, String name, String employer, String field, List<String> declared) {
		return this.pool.create(new ExpertForm(name, List.of(field), employer, "教授", "13900001111", null, declared),
				bureau.principal());
	}

	/** A pool expert linked to a fresh EXPERT account. */
	Linked linked(TestAccounts.Account bureau, String name, String field) {
		TestAccounts.Account account = this.accounts.create(Role.EXPERT, CITY);
		Expert e = this.pool.create(new ExpertForm(name, List.of(field), name + "所在单位" + counter.incrementAndGet(),
				null, null, account.username(), List.of()), bureau.principal());
		return new Linked(e, account);
	}

	static Subject subject(String id) {
		return new Subject("application", id, "测试众创空间认定申请 " + id, DISTRICT, "杭州测试众创空间有限公司", null, List.of("浙江测试大学"),
				List.of("导师甲"), List.of("杭州测试投资有限公司"), List.of("杭州测试在孵企业有限公司"));
	}

	record Linked(Expert expert, TestAccounts.Account account) {
	}

}
