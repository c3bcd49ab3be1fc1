package cn.zhongchuang.tenant;

/** The filter bar of the tenant lists. */
record TenantQuery(TenantStatus status, ChainStage stage, String keyword, Integer page, Integer size) {

	static TenantQuery all() {
		return new TenantQuery(null, null, null, null, null);
	}

}
