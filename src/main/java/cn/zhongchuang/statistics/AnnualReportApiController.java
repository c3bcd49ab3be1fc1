package cn.zhongchuang.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 统计年报 of a region for bureaus: who has reported, the sums, per sub-region. */
@RestController
@Tag(name = "statistics", description = "统计监测")
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER','CITY_BUREAU','PROVINCE','NATIONAL')")
class AnnualReportApiController {

	private final AnnualReports reports;

	AnnualReportApiController(AnnualReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/statistics/annual-reports")
	@Operation(summary = "The 统计年报 of an ended year (default last year) in a region within the bureau's scope "
			+ "(default its own): the institutions that owe one and whether they reported (latest version), the "
			+ "sums of the reports and the same per direct sub-region; 400 naming year or region, 404 for an "
			+ "unknown region or one outside the scope")
	AnnualReportsView annualReports(@RequestParam(required = false) String year,
			@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user) {
		AnnualReports.Summary s = this.reports.summary(user, region, this.reports.year(year));
		return new AnnualReportsView(s.year(), s.region(), s.expected(), s.reported(), s.totals(),
				s.byRegion()
					.stream()
					.map((p) -> new SubRegion(p.region(), p.name(), p.expected(), p.reported(), p.totals()))
					.toList(),
				s.entries()
					.stream()
					.map((e) -> new Institution(e.institution().id(), e.institution().name(),
							e.institution().regionCode(), e.institution().kind().name(), e.isReported(),
							e.isReported() ? e.report().version() : null,
							e.isReported() ? e.report().submittedAt() : null,
							e.isReported() ? values(e.report()) : null))
					.toList());
	}

	private static Map<String, BigDecimal> values(AnnualReports.Report r) {
		Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
		r.figures().forEach((k, f) -> out.put(k, f.value()));
		return out;
	}

	/** The answer: totals and per sub-region by indicator code. */
	record AnnualReportsView(int year, String region, long expected, long reported, Map<String, BigDecimal> totals,
			List<SubRegion> byRegion, List<Institution> institutions) {
	}

	record SubRegion(String region, String name, long expected, long reported, Map<String, BigDecimal> totals) {
	}

	record Institution(long id, String name, String region, String kind, boolean reported, Integer version,
			Instant submittedAt, Map<String, BigDecimal> figures) {
	}

}
