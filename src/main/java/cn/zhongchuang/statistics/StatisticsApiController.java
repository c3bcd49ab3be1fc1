package cn.zhongchuang.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public overview of institutions.md "Statistics", for anyone. */
@RestController
@Tag(name = "statistics", description = "统计监测")
class StatisticsApiController {

	private final StatisticsOverview overview;

	StatisticsApiController(StatisticsOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/api/v1/statistics/overview")
	@Operation(summary = "Institutions, titles and tenants of a region (sub-regions included, default 000000) on a "
			+ "day (default today, Asia/Shanghai), its direct sub-regions and the targets of the packs in force "
			+ "within or above it; 400 naming region or asOf, 404 for an unknown region")
	Overview overview(@RequestParam(required = false) String region, @RequestParam(required = false) String asOf) {
		return this.overview.overview(region, asOf);
	}

}
