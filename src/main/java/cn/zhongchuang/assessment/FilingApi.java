package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/filings}: annual filings as the pages show them. Bureau users see the
 * active recognitions of their region with their filing state for a year, operators those
 * of their own organisation; a filing outside that scope answers 404.
 */
@RestController
@Tag(name = "filings", description = "年度备案")
@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class FilingApi {

	private final AnnualFilings filings;

	private final Clock clock;

	FilingApi(AnnualFilings filings, Clock clock) {
		this.filings = filings;
		this.clock = clock;
	}

	@GetMapping("/api/v1/filings")
	@Operation(summary = "Active recognitions in scope with their filing for the year (default last year); "
			+ "status NONE, DRAFT or SUBMITTED; late true or false")
	PageResult<FilingRowJson> list(FilingQuery query, @AuthenticationPrincipal CurrentUser user) {
		int year = query.yearOr(ChinaTime.today(this.clock));
		List<AnnualFilings.Row> rows = user.role().isGovernment() ? this.filings.forBureau(user, year)
				: this.filings.mine(user, year);
		return PageResult.slice(query.apply(rows), query.page(), query.size()).map((r) -> FilingRowJson.of(r, year));
	}

	@GetMapping("/api/v1/filings/{id}")
	@Operation(summary = "One filing with its figures (computed or declared, with the source); 404 outside scope")
	FilingJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return FilingJson.of(this.filings.get(id, user));
	}

	@PostMapping("/api/v1/filings/{id}/submit")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "The operator submits its saved filing; a second submission answers the submitted filing")
	FilingJson submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return FilingJson.of(this.filings.submit(user, id));
	}

	record FilingRowJson(long recognitionId, String recognitionNumber, String institutionName, String operatorName,
			String creditCode, String regionCode, String policyId, int year, LocalDate dueOn, boolean dueFromPolicy,
			String state, FilingQuery.FilingStatus status, boolean late, Long filingId, LocalDate submittedOn) {

		static FilingRowJson of(AnnualFilings.Row r, int year) {
			var rec = r.recognition();
			return new FilingRowJson(rec.id(), rec.number(), rec.name(), rec.operator(), rec.creditCode(),
					rec.regionCode(), rec.policyId(), year, r.due().date(), r.due().fromPolicy(), r.state(),
					FilingQuery.statusOf(r), r.late(), (r.filing() != null) ? r.filing().id() : null,
					(r.filing() != null) ? r.filing().submittedOn() : null);
		}

	}

	record FigureJson(String code, String label, BigDecimal value, boolean computed, String source) {
	}

	record FilingJson(long id, long recognitionId, String recognitionNumber, String institutionName,
			String operatorName, String creditCode, String regionCode, String policyId, int year, LocalDate dueOn,
			String status, LocalDate submittedOn, boolean late, int version, List<FigureJson> figures) {

		static FilingJson of(Filing f) {
			List<FigureJson> figures = f.figures().stream().map((x) -> {
				String label = AnnualFilings.FIGURES.stream()
					.filter((d) -> d.code().equals(x.code()))
					.map(AnnualFilings.FigureDef::label)
					.findFirst()
					.orElse(x.code());
				return new FigureJson(x.code(), label, x.value(), x.computed(), x.source());
			}).toList();
			return new FilingJson(f.id(), f.recognitionId(), f.recognitionNumber(), f.institutionName(),
					f.operatorName(), f.creditCode(), f.regionCode(), f.policyId(), f.year(), f.dueOn(), f.status(),
					f.submittedOn(), f.late(), f.version(), figures);
		}

	}

}
