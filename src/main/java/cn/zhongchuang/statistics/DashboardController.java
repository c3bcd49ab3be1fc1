package cn.zhongchuang.statistics;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Xlsx;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 统计看板 for bureaus (county, city, province, national: their region, with drill-down) and
 * operators (their institutions), its Excel export, and the summary the home page loads.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR','COUNTY_REVIEWER','CITY_BUREAU','PROVINCE','NATIONAL')")
class DashboardController {

	private final StatisticsDashboards dashboards;

	DashboardController(StatisticsDashboards dashboards) {
		this.dashboards = dashboards;
	}

	@GetMapping("/dashboard")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String kind, @AuthenticationPrincipal CurrentUser user, Model model,
			Locale locale) {
		model.addAttribute("d", this.dashboards.of(user, region, asOf, kind, locale));
		model.addAttribute("currentPath", "/dashboard");
		return "statistics/dashboard";
	}

	@GetMapping("/dashboard/summary")
	String summary(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		model.addAttribute("d", this.dashboards.of(user, null, null, null, locale));
		return "statistics/dashboard :: summary";
	}

	@GetMapping("/dashboard/export.xlsx")
	void export(@RequestParam(required = false) String region, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String kind, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response, Locale locale) {
		StatisticsDashboards.Dashboard d = this.dashboards.of(user, region, asOf, kind, locale);
		Xlsx.respond(response, "统计看板-" + d.board().region() + "-" + d.board().asOfIso() + ".xlsx", "统计看板",
				List.of("表", "项目", "数量", "", "", "", ""), this.dashboards.sheet(d));
	}

}
