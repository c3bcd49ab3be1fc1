package cn.zhongchuang.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Xlsx;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 统计年报 pages: the operator's list of its institutions for a year and the report form
 * (computed figures with their sources, the supplements, submit or correct); the bureau's
 * page of who has reported in its region with the sums, the drill-down and the export in
 * the survey's layout.
 */
@Controller
class AnnualReportController {

	private final AnnualReports reports;

	private final Institutions institutions;

	AnnualReportController(AnnualReports reports, Institutions institutions) {
		this.reports = reports;
		this.institutions = institutions;
	}

	@GetMapping("/annual-reports")
	@PreAuthorize("hasRole('OPERATOR')")
	String mine(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user, Model model) {
		int y = this.reports.year(year);
		List<Map.Entry<InstitutionSummary, AnnualReports.Draft>> rows = new ArrayList<>();
		for (InstitutionSummary i : this.institutions.mine(user)) {
			if (i.operating()) {
				rows.add(Map.entry(i, this.reports.open(i.id(), y, user)));
			}
		}
		model.addAttribute("year", y);
		model.addAttribute("years", years());
		model.addAttribute("rows", rows);
		model.addAttribute("currentPath", "/annual-reports");
		return "statistics/annual-mine";
	}

	@GetMapping("/annual-reports/{id:\\d+}")
	@PreAuthorize("hasRole('OPERATOR')")
	String open(@PathVariable long id, @RequestParam(required = false) String year,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		int y = this.reports.year(year);
		return form(this.reports.open(id, y, user), Map.of(), null, Map.of(), model);
	}

	@PostMapping("/annual-reports/{id:\\d+}")
	@PreAuthorize("hasRole('OPERATOR')")
	String submit(@PathVariable long id, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		int y = this.reports.year(params.get("year"));
		int version = parseVersion(params.get("version"));
		Map<String, String> supplements = new LinkedHashMap<>();
		AnnualReports.codes().forEach((c) -> {
			if (params.containsKey(c)) {
				supplements.put(c, params.get(c));
			}
		});
		try {
			AnnualReports.Report r = this.reports.submit(id, y, supplements, params.get("correction"), version, user);
			redirect.addFlashAttribute("toast",
					(r.version() == 1) ? y + " 年统计年报已报送" : y + " 年统计年报已更正（第 " + r.version() + " 版）");
			return "redirect:/annual-reports/" + id + "?year=" + y;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(this.reports.open(id, y, user), supplements, params.get("correction"), ex.errors(), model);
		}
	}

	private String form(AnnualReports.Draft d, Map<String, String> entered, String correction,
			Map<String, String> errors, Model model) {
		model.addAttribute("d", d);
		model.addAttribute("entered", entered);
		model.addAttribute("correction", correction);
		model.addAttribute("errors", errors);
		model.addAttribute("currentPath", "/annual-reports");
		return "statistics/annual-form";
	}

	private static int parseVersion(String raw) {
		try {
			return (raw == null || raw.isBlank()) ? 0 : Integer.parseInt(raw.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@GetMapping("/bureau/annual-reports")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER','CITY_BUREAU','PROVINCE','NATIONAL')")
	String bureau(@RequestParam(required = false) String year, @RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		AnnualReports.Summary s = this.reports.summary(user, region, this.reports.year(year));
		model.addAttribute("s", s);
		model.addAttribute("years", years());
		model.addAttribute("indicators", AnnualIndicator.ALL);
		model.addAttribute("top", user.regionCode());
		model.addAttribute("currentPath", "/bureau/annual-reports");
		return "statistics/annual-bureau";
	}

	@GetMapping("/bureau/annual-reports/export.xlsx")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER','CITY_BUREAU','PROVINCE','NATIONAL')")
	void export(@RequestParam(required = false) String year, @RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		AnnualReports.Summary s = this.reports.summary(user, region, this.reports.year(year));
		Xlsx.respond(response, "统计年报-" + s.region() + "-" + s.year() + ".xlsx", s.year() + "年统计年报",
				AnnualReports.headings(), this.reports.sheet(s));
	}

	private List<Integer> years() {
		int last = this.reports.lastYear();
		List<Integer> years = new ArrayList<>();
		for (int y = last; y >= Math.max(2000, last - 5); y--) {
			years.add(y);
		}
		return years;
	}

}
