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
	public List<Entry> tenantsOf(long institutionId) {
		return this.tenants.ofInstitution(institutionId).stream().map(TenantRosterAdapter::entry).toList();
	}

	@Override
	public List<Entry> tenantsOfOperator(long operatorId) {
		return this.tenants.ofOperator(operatorId).stream().map(TenantRosterAdapter::entry).toList();
	}

	private static Entry entry(Tenant t) {
		return new Entry(t.name(), t.creditCode(), t.admittedOn(), t.agreementDate(), t.inFocusSegment(),
				t.status().name(), t.leftOn(), t.team());
	}

}
