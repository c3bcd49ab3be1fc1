package cn.zhongchuang.tenant;

/** 在孵、已毕业、已退出: a tenant that left does not come back. */
public enum TenantStatus {

	ACTIVE, GRADUATED, EXITED

}
