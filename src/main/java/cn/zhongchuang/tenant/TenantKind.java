package cn.zhongchuang.tenant;

/**
 * 在孵对象: an enterprise with a 统一社会信用代码, or a 创业团队 before a company exists
 * (institutions.md). A team that registers a company becomes an enterprise and keeps its
 * history (毕业团队注册企业).
 */
public enum TenantKind {

	/** 企业. */
	ENTERPRISE,
	/** 创业团队. */
	TEAM

}
