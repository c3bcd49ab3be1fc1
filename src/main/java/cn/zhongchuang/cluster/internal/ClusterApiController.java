package cn.zhongchuang.cluster.internal;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.cluster.ClusterStatus;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 众创集聚区 for other systems: signed in, scoped like the pages; ISO dates and codes; bad
 * input 400 problem+json naming the parameter, another's cluster 404.
 */
@RestController
@Tag(name = "clusters", description = "众创集聚区")
@PreAuthorize(ClusterController.ROLES)
class ClusterApiController {

	private final ClusterService clusters;

	private final Regions regions;

	ClusterApiController(ClusterService clusters, Regions regions) {
		this.clusters = clusters;
		this.regions = regions;
	}

	@GetMapping("/api/v1/clusters")
	@Operation(summary = "The clusters the user may see, with members, service providers and recognition")
	Page list(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, @AuthenticationPrincipal CurrentUser user) {
		if (region != null && !region.isBlank() && this.regions.check(region.strip()) != Regions.CodeCheck.VALID) {
			throw new FieldErrorException("region", "区划代码不正确：" + region);
		}
		ClusterStatus s = null;
		if (status != null && !status.isBlank()) {
			try {
				s = ClusterStatus.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new FieldErrorException("status", "状态只能是 APPLIED、RECOGNIZED、REFUSED 或 REVOKED");
			}
		}
		var result = this.clusters.list(user, region, q, s)
			.page(ListParams.page(number("page", page, 1_000_000), number("size", size, 100)))
			.results();
		var names = this.clusters.institutionsOf(result.items());
		return new Page(result.items().stream().map((c) -> item(ClusterView.of(c, null, names))).toList(),
				result.total(), result.page(), result.size());
	}

	@GetMapping("/api/v1/clusters/{id}")
	@Operation(summary = "One cluster")
	Item one(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		Long n = ClusterController.id(id);
		if (n == null) {
			throw new FieldErrorException("id", "集聚区编号须为数字：" + id);
		}
		Cluster c = this.clusters.get(n, user);
		return item(ClusterView.of(c, null, this.clusters.institutionsOf(List.of(c))));
	}

	private static Integer number(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > max) {
			throw new FieldErrorException(field, field + " 须为 1 至 " + max + " 之间的整数");
		}
		return Integer.parseInt(v);
	}

	private static Item item(ClusterView v) {
		Cluster c = v.cluster();
		Recognition recognition = (c.number() != null) ? new Recognition(c.number(), c.recognizedOn(), c.authority())
				: null;
		return new Item(c.id(), c.institutionId(), c.name(), c.regionCode(), c.authorityRegion(), c.status().name(),
				recognition, c.refusalReason(), c.revocationReason(), c.decidedOn(),
				v.members()
					.stream()
					.map((m) -> new Member(m.institutionId(), m.name(), m.kind(), m.regionCode()))
					.toList(),
				c.providers()
					.stream()
					.map((p) -> new Provider(p.name(), p.creditCode(), p.serviceKind().name()))
					.toList());
	}

	record Page(List<Item> items, long total, int page, int size) {
	}

	record Item(long id, long institutionId, String name, String region, String authorityRegion, String status,
			Recognition recognition, String refusalReason, String revocationReason, LocalDate decidedOn,
			List<Member> members, List<Provider> serviceProviders) {
	}

	record Recognition(String number, LocalDate recognizedOn, String authority) {
	}

	record Member(long institutionId, String name, String kind, String region) {
	}

	record Provider(String name, String creditCode, String serviceKind) {
	}

}
