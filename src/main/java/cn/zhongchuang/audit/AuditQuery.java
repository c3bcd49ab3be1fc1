package cn.zhongchuang.audit;

import cn.zhongchuang.platform.ListSpec;

/**
 * The auditor's search form; every field optional. The date range (Beijing calendar days,
 * inclusive), sorting and paging are the shared list parameters.
 */
record AuditQuery(String actor, String action, String objectType, String objectId, AuditEntry.Result result,
		String ip) {

	static final ListSpec LIST = ListSpec.builder()
		.sort("time", "occurred_at")
		.sort("actor", "actor")
		.sort("ip", "ip")
		.sort("action", "action")
		.sort("object", "object_type", "object_id")
		.sort("result", "result")
		.defaultSort("time", false)
		.instants("occurred_at")
		.build();

}
