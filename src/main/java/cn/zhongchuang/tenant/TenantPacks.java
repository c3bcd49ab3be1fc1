package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.region.Regions;

import org.springframework.stereotype.Component;

/**
 * The pack that applies to a tenant: as for applications, the packs whose jurisdiction
 * holds the operator's region; of those the most specific one (a district's pack before
 * its city's), in the version in force on the day.
 */
@Component
class TenantPacks {

	private final PolicyCatalog catalog;

	private final Regions regions;

	TenantPacks(PolicyCatalog catalog, Regions regions) {
		this.catalog = catalog;
		this.regions = regions;
	}

	Optional<PolicyPack> forRegion(String regionCode, LocalDate on) {
		return this.catalog.all()
			.stream()
			.filter((p) -> this.regions.contains(p.jurisdiction(), regionCode))
			.max(Comparator.comparingInt((PolicyPack p) -> this.regions.path(p.jurisdiction()).size()))
			.flatMap((p) -> {
				try {
					return Optional.of(this.catalog.inForce(p.id(), on));
				}
				catch (cn.zhongchuang.platform.NotFoundException ex) {
					return Optional.empty();
				}
			});
	}

}
