package cn.zhongchuang.tenant;

/**
 * The filter bar of the tenant lists; {@code revenueYear} keeps the tenants with a
 * revenue recorded for that year, {@code ipYear} those owning valid IP by that year's
 * figures (the lists behind the dashboard's figures).
 */
record TenantQuery(TenantStatus status, ChainStage stage, String keyword, Integer page, Integer size,
		Integer revenueYear, Integer ipYear) {

	static TenantQuery all() {
		return new TenantQuery(null, null, null, null, null, null, null);
	}

}
