package cn.zhongchuang.chain.internal;

import java.util.List;
import java.util.Map;

import cn.zhongchuang.institution.InstitutionSummary;

/** What the pages and the API show of a chain: its links named, its moves counted. */
record ChainView(Chain chain, String regionName, List<LinkView> links, ChainMoves.Count moves,
		Map<Long, String> names) {

	record LinkView(int position, long institutionId, String name, String kind, String stage, String regionCode) {
	}

	static ChainView of(Chain c, String regionName, Map<Long, InstitutionSummary> institutions,
			ChainMoves.Count moves) {
		List<LinkView> links = c.links().stream().map((l) -> {
			InstitutionSummary i = institutions.get(l.institutionId());
			return new LinkView(l.position(), l.institutionId(), (i != null) ? i.name() : "#" + l.institutionId(),
					(i != null) ? i.kind().name() : null, l.stage(), (i != null) ? i.regionCode() : null);
		}).toList();
		Map<Long, String> names = new java.util.HashMap<>();
		links.forEach((l) -> names.put(l.institutionId(), l.name()));
		return new ChainView(c, regionName, links, moves, names);
	}

	public String stageName(String stage) {
		return Chain.stageName(stage);
	}

	/** 苗圃→孵化器 for a pair key NURSERY→INCUBATOR. */
	public String pairName(String pair) {
		String[] p = pair.split("→");
		return Chain.stageName(p[0]) + "→" + Chain.stageName(p[1]);
	}

	public String nameOf(long institutionId) {
		return this.names.getOrDefault(institutionId, "#" + institutionId);
	}

}
