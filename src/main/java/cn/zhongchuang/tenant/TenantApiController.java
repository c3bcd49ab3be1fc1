package cn.zhongchuang.tenant;

import java.time.LocalDate;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tenants}: the tenants the caller may see (own organisation or region).
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class TenantApiController {

	private final Tenants tenants;

	TenantApiController(Tenants tenants) {
		this.tenants = tenants;
	}

	@GetMapping("/api/v1/tenants")
	@Operation(summary = "Tenants in scope, filtered by status, chain stage and keyword (name or credit code)")
	PageResult<TenantJson> list(TenantQuery query, @AuthenticationPrincipal CurrentUser user) {
		return this.tenants.search(query, user, false).map(TenantJson::of);
	}

	@GetMapping("/api/v1/tenants/{id}")
	@Operation(summary = "One tenant; 404 outside the caller's scope")
	TenantJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return TenantJson.of(this.tenants.visible(id, user));
	}

	record TenantJson(long id, long operatorId, String regionCode, String name, String creditCode, LocalDate admittedOn,
			LocalDate agreementDate, boolean inFocusSegment, ChainStage chainStage, TenantStatus status,
			LocalDate leftOn, String exitReason, String admissionOutcome, int version) {

		static TenantJson of(Tenant t) {
			return new TenantJson(t.id(), t.operatorId(), t.regionCode(), t.name(), t.creditCode(), t.admittedOn(),
					t.agreementDate(), t.inFocusSegment(), t.chainStage(), t.status(), t.leftOn(), t.exitReason(),
					t.admissionOutcome(), t.version());
		}

	}

}
