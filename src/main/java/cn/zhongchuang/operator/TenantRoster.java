package cn.zhongchuang.operator;

import java.time.LocalDate;
import java.util.List;

/**
 * 在孵企业名册 as this module needs it to count tenants: implemented by the tenant module,
 * which owns the tenants. This module never depends on it; it only asks for the roster of
 * an institution, or of all the institutions of an organisation.
 */
public interface TenantRoster {

	/** Every tenant the institution ever admitted, in or out of incubation. */
	List<Entry> tenantsOf(long institutionId);

	/**
	 * Every tenant any institution of the organisation ever admitted (for the conflict
	 * check of an expert draw).
	 */
	List<Entry> tenantsOfOperator(long operatorId);

	/**
	 * One tenant as the counting rules see it.
	 *
	 * @param name company or team name
	 * @param creditCode 统一社会信用代码, null for a team that has not registered a company
	 * @param admittedOn day of admission
	 * @param agreementDate day the incubation agreement was signed, null when none
	 * @param inFocusSegment in the operator's focus segment
	 * @param status ACTIVE, GRADUATED or EXITED
	 * @param leftOn day it left, null while in incubation
	 * @param team a 创业团队 (no company yet) rather than an enterprise
	 */
	record Entry(String name, String creditCode, LocalDate admittedOn, LocalDate agreementDate, boolean inFocusSegment,
			String status, LocalDate leftOn, boolean team) {

		/** In incubation on {@code day}: admitted by then and not (yet) left. */
		public boolean activeOn(LocalDate day) {
			return !this.admittedOn.isAfter(day) && (this.leftOn == null || this.leftOn.isAfter(day));
		}

		/** Agreement signed on or before {@code day}. */
		public boolean agreementBy(LocalDate day) {
			return this.agreementDate != null && !this.agreementDate.isAfter(day);
		}

	}

}
