package cn.zhongchuang.tenant;

import cn.zhongchuang.platform.ListSpec;

/**
 * The filter bar of the tenant lists; {@code revenueYear} keeps the tenants with a
 * revenue recorded for that year, {@code ipYear} those owning valid IP by that year's
 * figures (the lists behind the dashboard's figures). Sorting, paging and the date range
 * (入孵日期) are the shared list parameters.
 */
record TenantQuery(TenantStatus status, ChainStage stage, String keyword, Integer revenueYear, Integer ipYear) {

	/**
	 * In-incubation and all tenants open newest admitted first (index
	 * {@code tenant_admitted_order_idx}); graduated and exited ones newest left first.
	 */
	static final ListSpec LIST = spec().defaultSort("admitted", false).build();

	static final ListSpec LEFT = spec().defaultSort("left", false).build();

	static TenantQuery all() {
		return new TenantQuery(null, null, null, null, null);
	}

	/** The spec whose default order the status filter asks for. */
	ListSpec listSpec() {
		return (this.status == null || this.status == TenantStatus.ACTIVE) ? LIST : LEFT;
	}

	private static ListSpec.Builder spec() {
		return ListSpec.builder()
			.sort("admitted", "admitted_on")
			.sort("name", "name")
			.sort("kind", "kind", "name")
			.sort("creditCode", "credit_code")
			.sort("region", "region_code", "name")
			.sort("stage", "chain_stage", "name")
			.sort("status", "status", "name")
			.sort("left", "left_on")
			.dates("admitted_on");
	}

}
