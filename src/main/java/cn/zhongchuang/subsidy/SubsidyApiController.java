package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 奖补 for bureau systems: programmes with totals and their awards, region-scoped. */
@RestController
@Tag(name = "subsidies", description = "奖补")
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class SubsidyApiController {

	private final Subsidies subsidies;

	SubsidyApiController(Subsidies subsidies) {
		this.subsidies = subsidies;
	}

	@GetMapping("/api/v1/subsidies/programmes")
	@Operation(summary = "Programmes of the caller's region (or a region within it) with budget, awarded, disbursed, "
			+ "recovered and remaining in CNY")
	PageResult<ProgrammeJson> programmes(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		return this.subsidies.programmes(user, region, year, page, size).map(this::json);
	}

	@GetMapping("/api/v1/subsidies/programmes/{id}")
	@Operation(summary = "One programme with its totals and totals per region; 404 outside the caller's region")
	ProgrammeJson programme(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return json(this.subsidies.programme(id, user));
	}

	@GetMapping("/api/v1/subsidies/programmes/{id}/awards")
	@Operation(summary = "The awards of a programme")
	List<Award> awards(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return this.subsidies.awards(id, user);
	}

	@PostMapping("/api/v1/subsidies/programmes/{id}/awards")
	@Operation(summary = "Award an ACTIVE recognition of the programme's region (201); 400 naming the field, "
			+ "409 naming amount when the budget would be exceeded")
	ResponseEntity<Award> award(@PathVariable long id, @RequestBody AwardRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		Award a = this.subsidies.award(id, request.recognitionNumber(),
				(request.amount() != null) ? request.amount().toPlainString() : null, request.reason(), user);
		return ResponseEntity.created(URI.create("/api/v1/subsidies/programmes/" + id + "/awards/" + a.id())).body(a);
	}

	@ExceptionHandler(BudgetExceededException.class)
	ProblemDetail budget(BudgetExceededException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("超出预算");
		problem.setType(URI.create("about:blank"));
		problem.setProperty("errors", List.of(Map.of("field", "amount", "message", ex.getMessage())));
		return problem;
	}

	private ProgrammeJson json(Programme p) {
		return new ProgrammeJson(p, this.subsidies.totals(p), this.subsidies.totalsByRegion(p));
	}

	/** A new award: the recognition by number, the amount in CNY, the reason. */
	record AwardRequest(String recognitionNumber, BigDecimal amount, String reason) {
	}

	/** A programme with its money and the money per region. */
	record ProgrammeJson(Programme programme, Totals totals, List<Totals> byRegion) {
	}

}
