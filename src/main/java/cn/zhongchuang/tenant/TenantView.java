package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.util.List;

/** What the detail page shows besides the tenant itself. */
record TenantView(Tenant tenant, String operatorName, String regionName, List<Move> moves, List<Leaving> leaving,
		TeamView team) {

	public boolean done(LeavingItem item) {
		return this.leaving.stream().anyMatch((l) -> l.item() == item);
	}

	record Move(ChainStage from, ChainStage to, LocalDate on, String note) {
	}

	record Leaving(LeavingItem item, LocalDate doneOn) {
	}

}
