package cn.zhongchuang.tenant;

import java.util.List;

import cn.zhongchuang.operator.TenantRoster;

import org.springframework.stereotype.Component;

/** The operator module counts tenants through this: the tenant module owns them. */
@Component
class TenantRosterAdapter implements TenantRoster {

	private final TenantRepository tenants;

	TenantRosterAdapter(TenantRepository tenants) {
		this.tenants = tenants;
	}

	@Override
	public List<Entry> tenantsOf(long operatorId) {
		return this.tenants.ofOperator(operatorId)
			.stream()
			.map((t) -> new Entry(t.name(), t.creditCode(), t.admittedOn(), t.agreementDate(), t.inFocusSegment(),
					t.status().name(), t.leftOn()))
			.toList();
	}

}
