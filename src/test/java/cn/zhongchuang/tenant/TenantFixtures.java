package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhongchuang.platform.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Tenants for tests, admitted through {@link Tenants} like any other: facts that meet the
 * Chaoyang criteria unless a test changes them.
 */
@Component
public class TenantFixtures {

	private final Tenants tenants;

	TenantFixtures(Tenants tenants) {
		this.tenants = tenants;
	}

	/**
	 * A small software company registered in the operator's region, office in the space.
	 */
	public static AdmissionForm eligible(String name, String creditCode, LocalDate admittedOn, LocalDate agreementDate,
			boolean inFocusSegment) {
		return new AdmissionForm(name, creditCode, admittedOn, agreementDate, inFocusSegment, ChainStage.INCUBATOR,
				true, "SOFTWARE_IT", 10, new BigDecimal("200"), new BigDecimal("300"), false, 8, new BigDecimal("20"),
				new BigDecimal("100"), "互联网+");
	}

	/**
	 * Admits a tenant and, for GRADUATED or EXITED, lets it leave on {@code leftOn},
	 * acting as the operator's account.
	 */
	public long admit(long operatorId, CurrentUser operator, AdmissionForm form, TenantStatus status,
			LocalDate leftOn) {
		long id = this.tenants.admit(operatorId, form, operator);
		if (status == TenantStatus.GRADUATED) {
			this.tenants.graduate(id, 0, leftOn, operator);
		}
		else if (status == TenantStatus.EXITED) {
			this.tenants.exit(id, 0, leftOn, "主动退出", operator);
		}
		return id;
	}

}
