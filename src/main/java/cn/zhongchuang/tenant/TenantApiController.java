package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.platform.FieldErrorException;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tenants}: the tenants the caller may see (own organisation or region).
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class TenantApiController {

	private final Tenants tenants;

	private final TenantFigures figures;

	TenantApiController(Tenants tenants, TenantFigures figures) {
		this.tenants = tenants;
		this.figures = figures;
	}

	@GetMapping("/api/v1/tenants/{id}/figures")
	@Operation(summary = "统计指标 of one tenant per year, each value with its source, and the bureau's mark")
	List<TenantFigures.Figures> figures(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return this.figures.ofTenant(id, user);
	}

	@PutMapping("/api/v1/tenants/{id}/figures/{year}")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(
			summary = "The operator records a year's figures of its tenant; source IMPORTED (from its records) unless DECLARED is given; version as read, none for a new year")
	TenantFigures.Figures recordFigures(@PathVariable long id, @PathVariable int year, @RequestBody FiguresJson body,
			@AuthenticationPrincipal CurrentUser user) {
		this.figures.record(id, year,
				new TenantFigures.Values(body.revenueWan(), body.patentApplications(), body.validIp(), body.highTech(),
						body.financingWan()),
				(body.source() != null) ? body.source() : TenantFigures.Source.IMPORTED, body.version(), user);
		return this.figures.find(id, year).orElseThrow();
	}

	@PutMapping("/api/v1/tenants/{id}/figures/{year}/mark")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE')")
	@Operation(
			summary = "The bureau of the tenant's region marks it 重点培育 (KEY_CULTIVATION) or 黑马 (DARK_HORSE) for a year; mark null removes it")
	TenantFigures.Figures mark(@PathVariable long id, @PathVariable int year, @RequestBody MarkJson body,
			@AuthenticationPrincipal CurrentUser user) {
		this.figures.mark(id, year, body.mark(), user);
		return this.figures.find(id, year).orElseThrow();
	}

	@GetMapping("/api/v1/tenants")
	@Operation(summary = "Tenants in scope, filtered by status, chain stage and keyword (name or credit code)")
	PageResult<TenantJson> list(TenantQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user) {
		return this.tenants.list(query, user).map(TenantJson::of).results(list);
	}

	@GetMapping("/api/v1/tenants/{id}")
	@Operation(summary = "One tenant; 404 outside the caller's scope")
	TenantJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return TenantJson.of(this.tenants.visible(id, user));
	}

	@PostMapping("/api/v1/tenants/teams")
	@PreAuthorize("hasRole('OPERATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Admits a 创业团队 (no credit code) into the operator's institution (institutionId when it runs several)")
	TenantJson admitTeam(@RequestBody TeamJson body, @AuthenticationPrincipal CurrentUser user) {
		TeamForm form = new TeamForm(body.name(), body.leader(), body.members(), body.memberCount(), body.field(),
				body.admittedOn(), body.agreementDate(), Boolean.TRUE.equals(body.inFocusSegment()), body.stage());
		long id = this.tenants.admitTeam(user, body.institutionId(), form);
		return TenantJson.of(this.tenants.visible(id, user));
	}

	@PostMapping("/api/v1/tenants/{id}/register-company")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "毕业团队注册企业: the team registered a company; it gets the credit code and keeps its history")
	TenantJson registerCompany(@PathVariable long id, @RequestBody RegistrationJson body,
			@AuthenticationPrincipal CurrentUser user) {
		if (body.version() == null) {
			throw new FieldErrorException("version", "缺少版本号");
		}
		this.tenants.registerCompany(id, body.version(), body.companyName(), body.creditCode(), body.registeredOn(),
				user);
		return TenantJson.of(this.tenants.visible(id, user));
	}

	record FiguresJson(Integer version, java.math.BigDecimal revenueWan, Integer patentApplications, Integer validIp,
			Boolean highTech, java.math.BigDecimal financingWan, TenantFigures.Source source) {
	}

	record MarkJson(TenantFigures.Mark mark) {
	}

	record TeamJson(Long institutionId, String name, String leader, List<String> members, Integer memberCount,
			String field, LocalDate admittedOn, LocalDate agreementDate, Boolean inFocusSegment, ChainStage stage) {
	}

	record RegistrationJson(Integer version, String companyName, String creditCode, LocalDate registeredOn) {
	}

	record TenantJson(long id, long operatorId, long institutionId, String regionCode, TenantKind kind, String name,
			String creditCode, LocalDate admittedOn, LocalDate agreementDate, boolean inFocusSegment,
			ChainStage chainStage, TenantStatus status, LocalDate leftOn, String exitReason, String admissionOutcome,
			LocalDate registeredFromTeamOn, int version) {

		static TenantJson of(Tenant t) {
			return new TenantJson(t.id(), t.operatorId(), t.institutionId(), t.regionCode(), t.kind(), t.name(),
					t.creditCode(), t.admittedOn(), t.agreementDate(), t.inFocusSegment(), t.chainStage(), t.status(),
					t.leftOn(), t.exitReason(), t.admissionOutcome(), t.registeredFromTeamOn(), t.version());
		}

	}

}
