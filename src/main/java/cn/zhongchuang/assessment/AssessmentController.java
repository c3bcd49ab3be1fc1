package cn.zhongchuang.assessment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhongchuang.expert.ExpertPanels;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListPage;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListRows;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.PublicPaths;
import cn.zhongchuang.policy.PackDefinition;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the operator's annual filings (/filings), the bureau's filing overview with
 * filed and late badges and the reminder button (/bureau/filings), the bureau's
 * assessment rounds with scoring, expert panels for single institutions and publication
 * (/bureau/assessments), and the public results of a published round (/assessments).
 * Another region's round answers 404.
 */
@Controller
class AssessmentController {

	private final AnnualFilings filings;

	private final Assessments assessments;

	private final java.time.Clock clock;

	private final AssessmentPanels panels;

	AssessmentController(AnnualFilings filings, Assessments assessments, java.time.Clock clock,
			AssessmentPanels panels) {
		this.panels = panels;
		this.filings = filings;
		this.assessments = assessments;
		this.clock = clock;
	}

	@Bean
	static PublicPaths assessmentPublicPaths() {
		return PublicPaths.pages("/assessments", "/assessments/*");
	}

	private int year(Integer year) {
		return (year != null) ? year : ChinaTime.today(this.clock).getYear() - 1;
	}

	// operator

	@GetMapping("/filings")
	@PreAuthorize("hasRole('OPERATOR')")
	String mine(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("year", year(year));
		model.addAttribute("rows", this.filings.mine(user, year(year)));
		model.addAttribute("figures", AnnualFilings.FIGURES);
		model.addAttribute("errors", Map.of());
		return "assessment/filings";
	}

	@PostMapping("/filings")
	@PreAuthorize("hasRole('OPERATOR')")
	String save(@RequestParam long recognitionId, @RequestParam int year, @RequestParam(required = false) String action,
			@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> declared = new LinkedHashMap<>();
		AnnualFilings.FIGURES.forEach((f) -> declared.put(f.code(), form.get("figure." + f.code())));
		try {
			Filing f = this.filings.saveDraft(user, recognitionId, year, declared);
			if ("submit".equals(action)) {
				f = this.filings.submit(user, f.id());
				redirect.addFlashAttribute("toast", "已提交 " + year + " 年度备案" + (f.late() ? "（逾期）" : ""));
			}
			else {
				redirect.addFlashAttribute("toast", "已保存 " + year + " 年度备案草稿");
			}
			return "redirect:/filings?year=" + year;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			model.addAttribute("year", year);
			model.addAttribute("rows", this.filings.mine(user, year));
			model.addAttribute("figures", AnnualFilings.FIGURES);
			model.addAttribute("errors", ex.errors());
			model.addAttribute("form", form);
			return "assessment/filings";
		}
	}

	// bureau

	@GetMapping("/bureau/filings")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String bureauFilings(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean late, ListParams list, @AuthenticationPrincipal CurrentUser user,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		FilingQuery query = new FilingQuery(year(year), FilingQuery.status(status), late, null, null);
		model.addAttribute("year", year(year));
		model.addAttribute("status", (query.status() != null) ? query.status().name() : null);
		model.addAttribute("late", late);
		model.addAttribute("statuses", FilingQuery.FilingStatus.values());
		FilingQuery.list(query.apply(this.filings.forBureau(user, year(year)))).page(list).addTo(model);
		model.addAttribute("figures", AnnualFilings.FIGURES);
		return (htmx != null) ? "assessment/bureau-filings :: results" : "assessment/bureau-filings";
	}

	@PostMapping("/bureau/filings/remind")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String remind(@RequestParam int year, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		int n = this.filings.remind(user, year);
		redirect.addFlashAttribute("toast", "已提醒 " + n + " 家未提交 " + year + " 年度备案的机构");
		return "redirect:/bureau/filings?year=" + year;
	}

	@GetMapping("/bureau/assessments")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String rounds(ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		String page = rounds(user, model, null, null, Map.of(), list);
		return (htmx != null) ? "assessment/rounds :: results" : page;
	}

	/** 导出 Excel of the rounds as sorted and filtered by 公布日期. */
	@GetMapping("/bureau/assessments/export")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	void exportRounds(ListParams list, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		Map<String, String> packs = this.assessments.packs();
		ListExport.respond(response, "考核",
				List.of(ListExport.column("年度", AssessmentRound::year),
						ListExport.column("政策", (AssessmentRound r) -> packs.getOrDefault(r.policyId(), r.policyId())),
						ListExport.column("区划", (AssessmentRound r) -> this.assessments.regionName(r.regionCode())),
						ListExport.column("状态", (AssessmentRound r) -> r.published() ? "已公布" : "评分中"),
						ListExport.column("公布日期", AssessmentRound::publishedOn)),
				this.assessments.roundList(user), list);
	}

	private String rounds(CurrentUser user, Model model, String policyId, Integer year, Map<String, String> errors,
			ListParams list) {
		this.assessments.roundList(user).page(list).addTo(model);
		model.addAttribute("packs", this.assessments.packs());
		model.addAttribute("policyId", policyId);
		model.addAttribute("year", (year != null) ? year : ChinaTime.today(this.clock).getYear() - 1);
		model.addAttribute("years", this.assessments.openableYears());
		model.addAttribute("errors", errors);
		model.addAttribute("assessments", this.assessments);
		return "assessment/rounds";
	}

	@PostMapping("/bureau/assessments")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String open(@RequestParam(required = false) String policyId, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
		try {
			AssessmentRound r = this.assessments.open(user, policyId, (year != null) ? year : 0);
			return "redirect:/bureau/assessments/" + r.id();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return rounds(user, model, policyId, year, ex.errors(), ListParams.none());
		}
	}

	@GetMapping("/bureau/assessments/{id}")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String round(@PathVariable long id, @RequestParam(required = false) String q, ListParams list,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("q", q);
		return round(this.assessments.round(id, user), model, true, Map.of(), null, q, list);
	}

	private String round(AssessmentRound round, Model model, boolean bureau, Map<String, String> errors,
			Long errorResult) {
		return round(round, model, bureau, errors, errorResult, null, ListParams.none());
	}

	/**
	 * The round page: the results table is a list (sorted, filtered by keyword, paged,
	 * exported as shown); the panels and the publication see every result.
	 */
	private String round(AssessmentRound round, Model model, boolean bureau, Map<String, String> errors,
			Long errorResult, String keyword, ListParams list) {
		PackDefinition def = this.assessments.definition(round.policyId());
		model.addAttribute("round", round);
		model.addAttribute("pack", def);
		model.addAttribute("packTitle", this.assessments.packs().getOrDefault(round.policyId(), round.policyId()));
		model.addAttribute("regionName", this.assessments.regionName(round.regionCode()));
		List<AssessmentResult> results = this.assessments.results(round.id());
		model.addAttribute("results", results);
		ListPage<AssessmentResult> shown = resultList(results, keyword).page(list);
		model.addAttribute("resultPage", shown.results());
		model.addAttribute("list", shown.state());
		model.addAttribute("roundPath", (bureau ? "/bureau/assessments/" : "/assessments/") + round.id());
		model.addAttribute("seals", this.assessments.sealChecks(round.id()));
		Map<Long, AssessmentPanels.ExpertScores> experts = this.panels.of(results);
		model.addAttribute("experts", experts);
		// a result whose panel is still sealed cannot have another drawn
		model.addAttribute("drawable",
				results.stream()
					.filter((r) -> !experts.containsKey(r.id()) || experts.get(r.id()).revealed())
					.toList());
		model.addAttribute("rectificationRule",
				this.assessments.lapseRule(round.policyId()) == PackDefinition.LapseRule.RECTIFICATION_NOT_MET);
		model.addAttribute("autoRectification", def.dynamic() != null && def.dynamic().rectifyOnFailing());
		model.addAttribute("bureau", bureau);
		model.addAttribute("errors", errors);
		model.addAttribute("errorResult", errorResult);
		return "assessment/round";
	}

	/**
	 * A round's results as a list: by 认定编号 unless asked otherwise; the keyword finds a
	 * number, an institution or an operator.
	 */
	static ListRows<AssessmentResult> resultList(List<AssessmentResult> results, String keyword) {
		String k = (keyword != null) ? keyword.strip() : "";
		List<AssessmentResult> kept = results.stream()
			.filter((r) -> k.isEmpty() || contains(r.recognitionNumber(), k) || contains(r.institutionName(), k)
					|| contains(r.operatorName(), k))
			.toList();
		return ListRows.of(kept)
			.sort("number", AssessmentResult::recognitionNumber)
			.sort("name", AssessmentResult::institutionName)
			.sort("operator", AssessmentResult::operatorName)
			.sort("total", AssessmentResult::total)
			.sort("grade", AssessmentResult::grade)
			.build();
	}

	private static boolean contains(String text, String keyword) {
		return text != null && text.contains(keyword);
	}

	@PostMapping("/bureau/assessments/{id}/results/{resultId}")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String score(@PathVariable long id, @PathVariable long resultId, @RequestParam int version,
			@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		AssessmentRound round = this.assessments.round(id, user);
		Map<String, String> scores = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("score.")) {
				scores.put(k.substring(6), v);
			}
		});
		try {
			this.assessments.score(user, resultId, scores, version);
			return "redirect:/bureau/assessments/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return round(round, model, true, ex.errors(), resultId);
		}
	}

	/** 不参加考核: the institution did not take part; scoring it again undoes the mark. */
	@PostMapping("/bureau/assessments/{id}/results/{resultId}/not-assessed")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String notAssessed(@PathVariable long id, @PathVariable long resultId, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		AssessmentRound round = this.assessments.round(id, user);
		if (this.assessments.results(round.id()).stream().noneMatch((r) -> r.id() == resultId)) {
			throw new NotFoundException("assessment result " + resultId);
		}
		try {
			AssessmentResult r = this.assessments.markNotAssessed(user, resultId, version);
			redirect.addFlashAttribute("toast", r.recognitionNumber() + "：已记为未参加考核");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("toastError", ex.getMessage());
		}
		return "redirect:/bureau/assessments/" + id;
	}

	@PostMapping("/bureau/assessments/{id}/panel")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE')")
	String drawPanel(@PathVariable long id, @RequestParam long resultId, @RequestParam(defaultValue = "3") int members,
			@RequestParam(defaultValue = "1") int alternates, @RequestParam(required = false) String fields,
			@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		AssessmentRound round = this.assessments.round(id, user);
		AssessmentResult result = this.assessments.results(round.id())
			.stream()
			.filter((r) -> r.id() == resultId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("assessment result " + resultId));
		Set<String> wanted = (fields == null) ? Set.of()
				: Arrays.stream(fields.split("[,，、;；\\s]+")).filter((f) -> !f.isBlank()).collect(Collectors.toSet());
		// the form lists every result with its version as version-<id>
		String version = form.get("version-" + resultId);
		try {
			ExpertPanels.Drawn drawn = this.panels.draw(user, result.id(), members, alternates, wanted,
					(version != null && version.matches("\\d{1,9}")) ? Integer.parseInt(version) : result.version());
			redirect.addFlashAttribute("toast", result.recognitionNumber() + "：已随机抽取评审专家 " + drawn.members().size()
					+ " 名、候补 " + drawn.alternates().size() + " 名；回避 " + drawn.excluded().size() + " 名");
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("toastError", ex.getMessage());
		}
		return "redirect:/bureau/assessments/" + id + "#experts";
	}

	@PostMapping("/bureau/assessments/{id}/publish")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String publish(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.assessments.publish(user, id, version);
			redirect.addFlashAttribute("toast", "考核结果已公布");
			return "redirect:/bureau/assessments/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return round(this.assessments.round(id, user), model, true, ex.errors(), null);
		}
	}

	// public

	@GetMapping("/assessments")
	String published(Model model) {
		model.addAttribute("rounds", this.assessments.publishedRounds());
		model.addAttribute("assessments", this.assessments);
		return "assessment/published";
	}

	@GetMapping("/assessments/{id}")
	String publicRound(@PathVariable long id, Model model) {
		return round(this.assessments.publishedRound(id), model, false, Map.of(), null);
	}

}
