package cn.zhongchuang.operator;

import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisations, their records and their computed facts for other systems (JSON,
 * problem+json errors). The same scope as the pages: an operator reaches only their own
 * organisation, a government user those of their region; anything else is 404.
 */
@RestController
@Tag(name = "operators", description = "运营机构及其台账")
class OperatorApiController {

	private final OrganisationRegistry registry;

	private final OperatorRecords records;

	private final Regions regions;

	OperatorApiController(OrganisationRegistry registry, OperatorRecords records, Regions regions) {
		this.registry = registry;
		this.records = records;
		this.regions = regions;
	}

	@GetMapping("/api/v1/operators")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	@Operation(summary = "Organisations within the user's region")
	PageResult<OrganisationView> list(OrganisationQuery query, ListParams list,
			@AuthenticationPrincipal CurrentUser user) {
		return this.registry.list(query, user).map(this::view).results(list);
	}

	@PostMapping("/api/v1/operators")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(
			summary = "Register the operator's organisation (once); warnings name a credit code registered elsewhere")
	ResponseEntity<Registered> register(@RequestBody OrganisationForm form, @AuthenticationPrincipal CurrentUser user) {
		OrganisationRegistry.Registered registered = this.registry.register(form, user);
		return ResponseEntity.created(URI.create("/api/v1/operators/" + registered.organisation().id()))
			.body(new Registered(view(registered.organisation()), registered.warnings()));
	}

	@GetMapping("/api/v1/operators/{id}")
	OrganisationView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return view(this.registry.get(id, user));
	}

	@GetMapping("/api/v1/operators/{id}/records/{kind}")
	@Operation(summary = "One kind of record (premises, staff, mentors, counselling, events, funds, investments, "
			+ "agreements); counselling and investments need parentId")
	PageResult<StoredRecord> records(@PathVariable long id, @PathVariable String kind,
			@RequestParam(required = false) Long parentId, @RequestParam(required = false) Long institution,
			@RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user) {
		Organisation org = this.registry.get(id, user);
		RecordKind<?> recordKind = RecordKind.of(kind);
		return this.records.list(recordKind, org, parentId, institution, null, ListParams.page(page, null))
			.results()
			.map((r) -> new StoredRecord(r.id(), r.parentId(), r.placement().institutionId(),
					List.copyOf(r.placement().assignedTo()), r.version(), r.data()));
	}

	private OrganisationView view(Organisation org) {
		return OrganisationView.of(org, this.regions.fullName(org.regionCode()));
	}

	record Registered(OrganisationView organisation, Map<String, String> warnings) {
	}

	/**
	 * A record with where it serves: {@code institutionId} for premises, events,
	 * counselling and investments; {@code assignedTo} for staff, mentors, funds and
	 * agreements.
	 */
	record StoredRecord(long id, Long parentId, Long institutionId, List<Long> assignedTo, int version, Record data) {
	}

}
