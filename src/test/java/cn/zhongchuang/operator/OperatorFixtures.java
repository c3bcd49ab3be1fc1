package cn.zhongchuang.operator;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.institution.InstitutionForm;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
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

	private final Institutions institutions;

	OperatorFixtures(TestAccounts accounts, OrganisationRegistry registry, Institutions institutions) {
		this.accounts = accounts;
		this.registry = registry;
		this.institutions = institutions;
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

	/**
	 * An operator with its organisation and one institution (a comprehensive maker
	 * space).
	 */
	Operator operator(String region) {
		TestAccounts.Account account = this.accounts.create(Role.OPERATOR, region);
		Organisation org = this.registry
			.register(form("测试运营机构" + counter.incrementAndGet(), creditCode(region), region), account.principal())
			.organisation();
		InstitutionSummary institution = institution(account, org.name() + "众创空间", "MAKER_SPACE", region);
		return new Operator(account, org, institution);
	}

	/** Another institution of the operator's organisation. */
	InstitutionSummary institution(TestAccounts.Account account, String name, String kind, String region) {
		return this.institutions
			.register(new InstitutionForm(name, kind, "MAKER_SPACE".equals(kind) ? "COMPREHENSIVE" : null, List.of(),
					null, region, null, false, null, null, List.of()), account.principal());
	}

	record Operator(TestAccounts.Account account, Organisation org, InstitutionSummary institution) {

		Operators.RecordScope scope() {
			return new Operators.RecordScope(this.org.id(), this.institution.id(), this.institution.name());
		}

	}

}
