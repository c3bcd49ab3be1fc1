package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admission with the eligibility check, chain moves, graduation, exit, scope. */
@IntegrationTest
class TenantLifeCycleTests {

	static final LocalDate ADMITTED = LocalDate.of(2025, 3, 10);

	@Autowired
	Tenants tenants;

	@Autowired
	TenantTestOperators operators;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEligibleTenantIsAdmittedWithTheVerdictOfChaoyangArticleSix() {
		var op = this.operators.operator("110105");
		long id = this.tenants.admit(op.id(), TenantFixtures.eligible("北京合格科技有限公司",
				TenantTestOperators.creditCode("110105"), ADMITTED, ADMITTED, true), op.account().principal());

		Tenant t = this.tenants.visible(id, op.account().principal());
		assertThat(t.status()).isEqualTo(TenantStatus.ACTIVE);
		assertThat(t.chainStage()).isEqualTo(ChainStage.INCUBATOR);
		assertThat(t.regionCode()).isEqualTo("110105");
		assertThat(t.policyId()).isEqualTo("beijing-chaoyang-2017");
		assertThat(t.admissionOutcome()).isEqualTo("ELIGIBLE");
		assertThat(t.admissionDetail()).contains("6.1 ", "6.2 ", "6.3 ", "6.4 ");
		assertThat(audit(id)).contains("TENANT_ADMIT");
	}

	@Test
	void anIneligibleTenantIsRefusedNamingTheArticles() {
		var op = this.operators.operator("110105");
		String code = TenantTestOperators.creditCode("110105");
		AdmissionForm large = new AdmissionForm("北京大型科技有限公司", code, ADMITTED, ADMITTED, false, null, true,
				"SOFTWARE_IT", 400, new BigDecimal("20000"), new BigDecimal("30000"), false, 100, null, null, "互联网+");

		Eligibility check = this.tenants.check("110105", large);
		assertThat(check.outcome()).isEqualTo("INELIGIBLE");
		assertThatThrownBy(() -> this.tenants.admit(op.id(), large, op.account().principal())).isInstanceOfSatisfying(
				FieldErrorException.class,
				(ex) -> assertThat(ex.errors().get("eligibility")).contains("第 6.2 条", "第 6.3 条")
					.doesNotContain("第 6.1 条"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM tenant WHERE credit_code = :c")
			.param("c", code)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPackWithoutTenantCriteriaSaysNotDefinedAndAdmits() {
		var op = this.operators.operator("620102");
		AdmissionForm bare = new AdmissionForm("兰州某科技有限公司", TenantTestOperators.creditCode("620102"), ADMITTED, null,
				false, null, null, null, null, null, null, null, null, null, null, null);

		Eligibility check = this.tenants.check("620102", bare);
		assertThat(check.defined()).isFalse();
		assertThat(check.policyId()).isEqualTo("lanzhou-2018");
		long id = this.tenants.admit(op.id(), bare, op.account().principal());
		assertThat(this.tenants.visible(id, op.account().principal()).admissionOutcome()).isEqualTo("NOT_DEFINED");
	}

	@Test
	void creditCodesAreCheckedAndUniquePerOperator() {
		var op = this.operators.operator("110105");
		var user = op.account().principal();
		assertThatThrownBy(() -> this.tenants.admit(op.id(),
				TenantFixtures.eligible("北京某某科技有限公司", "91110105XXXX", ADMITTED, null, false), user))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("creditCode")).contains("18"));
		String code = TenantTestOperators.creditCode("110105");
		this.tenants.admit(op.id(), TenantFixtures.eligible("北京某某科技有限公司", code, ADMITTED, null, false), user);
		assertThatThrownBy(() -> this.tenants.admit(op.id(),
				TenantFixtures.eligible("北京某某科技有限公司", code.toLowerCase(), ADMITTED, null, false), user))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("creditCode")).contains("名册中已有"));
	}

	@Test
	void theChainMovesForwardOnlyAndKeepsItsHistory() {
		var op = this.operators.operator("110105");
		var user = op.account().principal();
		long id = admit(op);

		this.tenants.move(id, 0, ChainStage.ACCELERATOR, LocalDate.of(2025, 9, 1), "规模扩大", user);
		assertThatThrownBy(() -> this.tenants.move(id, 1, ChainStage.INCUBATOR, LocalDate.of(2025, 10, 1), null, user))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("stage")).contains("只能向前"));
		assertThatThrownBy(
				() -> this.tenants.move(id, 1, ChainStage.ACCELERATOR, LocalDate.of(2025, 10, 1), null, user))
			.isInstanceOf(FieldErrorException.class);
		this.tenants.move(id, 1, ChainStage.PARK, LocalDate.of(2026, 1, 1), null, user);

		TenantView view = this.tenants.view(id, user);
		assertThat(view.tenant().chainStage()).isEqualTo(ChainStage.PARK);
		assertThat(view.moves()).extracting(TenantView.Move::to)
			.containsExactly(ChainStage.INCUBATOR, ChainStage.ACCELERATOR, ChainStage.PARK);
		assertThat(view.moves().get(1).from()).isEqualTo(ChainStage.INCUBATOR);
	}

	@Test
	void exitNeedsAReasonAndALeaverStaysGone() {
		var op = this.operators.operator("110105");
		var user = op.account().principal();
		long id = admit(op);

		assertThatThrownBy(() -> this.tenants.exit(id, 0, LocalDate.of(2026, 2, 1), " ", user))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("reason"));
		assertThatThrownBy(() -> this.tenants.exit(id, 0, LocalDate.of(2024, 2, 1), "迁出", user)).isInstanceOfSatisfying(
				FieldErrorException.class, (ex) -> assertThat(ex.errors().get("on")).contains("不能早于入孵日期"));
		this.tenants.exit(id, 0, LocalDate.of(2026, 2, 1), "迁往外区", user);
		this.tenants.tick(id, LeavingItem.MOVE_OUT, user);
		this.tenants.tick(id, LeavingItem.MOVE_OUT, user);

		TenantView view = this.tenants.view(id, user);
		assertThat(view.tenant().status()).isEqualTo(TenantStatus.EXITED);
		assertThat(view.tenant().exitReason()).isEqualTo("迁往外区");
		assertThat(view.done(LeavingItem.MOVE_OUT)).isTrue();
		assertThat(view.done(LeavingItem.ADDRESS_CHANGE)).isFalse();
		assertThatThrownBy(() -> this.tenants.graduate(id, 1, LocalDate.of(2026, 3, 1), user))
			.isInstanceOf(ConflictException.class);
		assertThat(audit(id)).containsExactly("TENANT_ADMIT", "TENANT_EXIT", "TENANT_LEAVING_ITEM");
	}

	@Test
	void aStaleVersionIsAConflict() {
		var op = this.operators.operator("110105");
		var user = op.account().principal();
		long id = admit(op);
		this.tenants.graduate(id, 0, LocalDate.of(2026, 1, 31), user);

		assertThatThrownBy(() -> this.tenants.move(id, 0, ChainStage.PARK, LocalDate.of(2026, 2, 1), null, user))
			.isInstanceOf(OptimisticLockingFailureException.class);
	}

	@Test
	void anotherOperatorsOrCountysTenantIsNotFound() {
		var op = this.operators.operator("110105");
		long id = admit(op);
		var other = this.operators.operator("110105");
		CurrentUser chaoyangBureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		CurrentUser haidian = this.accounts.create(Role.COUNTY_REVIEWER, "110108").principal();
		CurrentUser expert = this.accounts.create(Role.EXPERT, "110105").principal();

		assertThat(this.tenants.visible(id, chaoyangBureau).id()).isEqualTo(id);
		assertThatThrownBy(() -> this.tenants.visible(id, other.account().principal()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.tenants.visible(id, haidian)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.tenants.visible(id, expert)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.tenants.graduate(id, 0, LocalDate.of(2026, 1, 1), other.account().principal()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.tenants.graduate(id, 0, LocalDate.of(2026, 1, 1), chaoyangBureau))
			.isInstanceOf(NotFoundException.class);
	}

	private long admit(TenantTestOperators.Operator op) {
		return this.tenants.admit(op.id(),
				TenantFixtures.eligible("北京测试" + System.nanoTime() + "科技有限公司",
						TenantTestOperators.creditCode(op.region()), ADMITTED, ADMITTED, false),
				op.account().principal());
	}

	private java.util.List<String> audit(long id) {
		return this.jdbc
			.sql("SELECT action FROM audit_event WHERE object_type = 'tenant' AND object_id = :id ORDER BY id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list();
	}

}
