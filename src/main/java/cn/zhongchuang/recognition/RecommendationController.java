package cn.zhongchuang.recognition;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 推荐 pages: the higher level's queue (待处理), the recommender's list, the form from a
 * title, the detail with the letter (推荐函 PDF) and the decision (accept, refuse) or the
 * withdrawal. Another region's recommendation answers 404.
 */
@Controller
@RequestMapping("/recommendations")
@PreAuthorize(RecommendationController.ROLES)
class RecommendationController {

	static final String ROLES = "hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')";

	private final Recommendations recommendations;

	private final Recognitions recognitions;

	private final RecommendationLetters letters;

	private final TitleLevels levels;

	RecommendationController(Recommendations recommendations, Recognitions recognitions, RecommendationLetters letters,
			TitleLevels levels) {
		this.recommendations = recommendations;
		this.recognitions = recognitions;
		this.letters = letters;
		this.levels = levels;
	}

	@GetMapping
	String list(@RequestParam(required = false) String box, @RequestParam(required = false) String status,
			ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		String level = this.levels.levelOf(user).orElse(null);
		boolean receives = level != null && !"DISTRICT".equals(level);
		boolean sends = level != null && !"NATIONAL".equals(level);
		boolean incoming = incoming(box, level);
		String s = (status == null || status.isBlank()) ? null : status;
		ListQuery<Recommendations.View> query;
		try {
			query = this.recommendations.listQuery(incoming, s, user);
		}
		catch (FieldErrorException ex) {
			s = null;
			query = this.recommendations.listQuery(incoming, null, user);
		}
		query.page(list).addTo(model);
		model.addAttribute("box", incoming ? "incoming" : "outgoing");
		model.addAttribute("status", s);
		model.addAttribute("statuses", Recommendation.Status.values());
		model.addAttribute("receives", receives);
		model.addAttribute("sends", sends);
		model.addAttribute("pending", this.recommendations.pendingFor(user));
		model.addAttribute("levelLabel", (level != null) ? Recognitions.levelLabel(level) : null);
		return (htmx != null) ? "recognition/recommendations :: results" : "recognition/recommendations";
	}

	/** Without a box: the incoming ones for a level that receives, else its own. */
	private static boolean incoming(String box, String level) {
		boolean receives = level != null && !"DISTRICT".equals(level);
		return (box == null || box.isBlank()) ? receives : "incoming".equals(box);
	}

	/**
	 * 导出 Excel of the box as filtered and sorted (an unknown status: all, as the page).
	 */
	@GetMapping("/export")
	void export(@RequestParam(required = false) String box, @RequestParam(required = false) String status,
			ListParams list, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		boolean incoming = incoming(box, this.levels.levelOf(user).orElse(null));
		ListQuery<Recommendations.View> query;
		try {
			query = this.recommendations.listQuery(incoming, status, user);
		}
		catch (FieldErrorException ex) {
			query = this.recommendations.listQuery(incoming, null, user);
		}
		ListExport.respond(response, "推荐", List.of(ListExport.column("推荐函编号", Recommendations.View::number),
				ListExport.column("载体名称", Recommendations.View::institutionName),
				ListExport.column("运营机构", Recommendations.View::operatorName),
				ListExport.column("推荐",
						(Recommendations.View r) -> LEVELS.get(r.fromLevel()) + " → " + LEVELS.get(r.toLevel())),
				ListExport.column("推荐单位", Recommendations.View::fromAuthority),
				ListExport.column("接收单位", Recommendations.View::toAuthority),
				ListExport.column("推荐日期", Recommendations.View::submittedOn),
				ListExport.column("状态", (Recommendations.View r) -> STATUSES.get(r.status())),
				ListExport.column("处理日期", Recommendations.View::decidedOn)), query, list);
	}

	private static final Map<String, String> LEVELS = Map.of("DISTRICT", "区县级", "CITY", "市级", "PROVINCE", "省级",
			"NATIONAL", "国家级");

	private static final Map<String, String> STATUSES = Map.of("SUBMITTED", "待处理", "ACCEPTED", "已接受", "REFUSED", "不予接受",
			"WITHDRAWN", "已撤回");

	@GetMapping("/new")
	String form(@RequestParam long title, @AuthenticationPrincipal CurrentUser user, Model model) {
		Recommendations.Recommendable r = this.recommendations.recommendable(title, user);
		return form(r, r.next(), null, Map.of(), model);
	}

	@PostMapping
	String submit(@RequestParam long titleId, @RequestParam(required = false) String toLevel,
			@RequestParam(required = false) String reasons, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Recommendations.View saved = this.recommendations.submit(titleId, toLevel, reasons, user);
			redirect.addFlashAttribute("toast", "已推荐至" + saved.toAuthority() + "，推荐函编号 " + saved.number());
			return "redirect:/recommendations/" + saved.id();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(this.recommendations.recommendable(titleId, user), toLevel, reasons, ex.errors(), model);
		}
	}

	private String form(Recommendations.Recommendable r, String toLevel, String reasons, Map<String, String> errors,
			Model model) {
		model.addAttribute("r", r);
		model.addAttribute("toLevel", toLevel);
		model.addAttribute("reasons", reasons);
		model.addAttribute("errors", errors);
		model.addAttribute("regionName", this.recognitions.regionName(r.institution().regionCode()));
		return "recognition/recommendation-form";
	}

	@GetMapping("/{id:\\d+}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return detail(this.recommendations.get(id, user), null, null, Map.of(), user, model);
	}

	@PostMapping("/{id:\\d+}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String designation, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return decide(id, user, model, response, redirect, designation, null, () -> {
			Recommendations.View done = this.recommendations.accept(id, version, designation, user);
			return "已接受推荐，授予“" + done.institutionName() + "”" + done.resultDesignation() + "，编号 "
					+ done.resultTitleNumber();
		});
	}

	@PostMapping("/{id:\\d+}/refuse")
	String refuse(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reasons, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return decide(id, user, model, response, redirect, null, reasons, () -> {
			this.recommendations.refuse(id, version, reasons, user);
			return "已不予接受该推荐，推荐单位和运营机构会收到理由";
		});
	}

	@PostMapping("/{id:\\d+}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return decide(id, user, model, response, redirect, null, null, () -> {
			this.recommendations.withdraw(id, version, reason, user);
			return "已撤回推荐";
		});
	}

	/**
	 * Runs a decision: back to the recommendation with its toast, or the page again (422)
	 * with the message at the field and what was typed.
	 */
	private String decide(long id, CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String designation, String reasons,
			java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("toast", action.get());
			return "redirect:/recommendations/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.recommendations.get(id, user), designation, reasons, ex.errors(), user, model);
		}
	}

	@GetMapping("/{id:\\d+}/letter.pdf")
	ResponseEntity<byte[]> letter(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Recommendations.View r = this.recommendations.get(id, user);
		byte[] pdf = this.letters.render(r, this.recognitions.regionName(r.region()));
		return ChinesePdf.response(pdf, "推荐函-" + r.number() + ".pdf", true);
	}

	private String detail(Recommendations.View r, String designation, String reasons, Map<String, String> errors,
			CurrentUser user, Model model) {
		model.addAttribute("r", r);
		model.addAttribute("regionName", this.recognitions.regionName(r.region()));
		model.addAttribute("toRegionName", this.recognitions.regionName(r.toRegion()));
		model.addAttribute("mayDecide", this.recommendations.mayDecide(r, user));
		model.addAttribute("mayWithdraw", this.recommendations.mayWithdraw(r, user));
		model.addAttribute("designation", (designation != null) ? designation
				: this.recommendations.defaultDesignation(this.recommendations.stored(r.id(), user)));
		model.addAttribute("reasons", reasons);
		model.addAttribute("errors", errors);
		return "recognition/recommendation";
	}

}
