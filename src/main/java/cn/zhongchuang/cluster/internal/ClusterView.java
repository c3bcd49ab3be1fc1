package cn.zhongchuang.cluster.internal;

import java.util.List;
import java.util.Map;

import cn.zhongchuang.institution.InstitutionSummary;

/** What the pages and the API show of a cluster: its institution and members named. */
record ClusterView(Cluster cluster, String regionName, String operatorName, List<MemberView> members) {

	record MemberView(long institutionId, String name, String kind, String regionCode, String operatorName) {
	}

	static ClusterView of(Cluster c, String regionName, Map<Long, InstitutionSummary> institutions) {
		InstitutionSummary own = institutions.get(c.institutionId());
		List<MemberView> members = c.members().stream().map((id) -> {
			InstitutionSummary i = institutions.get(id);
			return (i != null) ? new MemberView(id, i.name(), i.kind().name(), i.regionCode(), i.operatorName())
					: new MemberView(id, "#" + id, null, null, null);
		}).toList();
		return new ClusterView(c, regionName, (own != null) ? own.operatorName() : null, members);
	}

}
