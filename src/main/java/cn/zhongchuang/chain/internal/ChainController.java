package cn.zhongchuang.chain.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.chain.ChainStatus;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * 孵化链条试点 pages: the list (operators: chains holding one of their institutions; government
 * users: those of their region), the application form of an operator, the detail with its
 * stages, designation and moves, and the authority's decisions.
 */
@Controller
@RequestMapping("/chains")
@PreAuthorize(ChainController.ROLES)
class ChainController {

	static final String ROLES = "hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')";

	private final ChainService chains;

	private final MessageSource messages;

	ChainController(ChainService chains, MessageSource messages) {
		this.chains = chains;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, ListParams list, @AuthenticationPrincipal CurrentUser user,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		ChainStatus s = parse(status);
		model.addAttribute("region", region);
		model.addAttribute("q", q);
		model.addAttribute("status", (s != null) ? s.name() : null);
		model.addAttribute("statuses", ChainStatus.values());
		model.addAttribute("scope", user.regionCode());
		model.addAttribute("operator", user.role() == cn.zhongchuang.platform.Role.OPERATOR);
		var page = this.chains.list(user, region, q, s).page(list);
		List<Chain> items = page.results().items();
		Map<Long, ChainMoves.Count> moves = this.chains.moves(items);
		var names = this.chains.institutionsOf(items);
		page.map((c) -> ChainView.of(c, this.chains.regionName(c.regionCode()), names, moves.get(c.id()))).addTo(model);
		return (htmx != null) ? "chain/list :: results" : "chain/list";
	}

	/** 导出 Excel: every row the filters leave, in the order of the page (dates ISO). */
	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		ListExport.respond(response, "孵化链条试点",
				List.of(ListExport.column("链条名称", Chain::name), ListExport.column("阶段", Chain::stagePath),
						ListExport.column("所在地区", (Chain c) -> this.chains.regionName(c.regionCode())),
						ListExport.column("状态", (Chain c) -> statusName(c.status())),
						ListExport.column("试点编号", Chain::number), ListExport.column("认定日期", Chain::designatedOn),
						ListExport.column("认定机关", Chain::authority), ListExport.column("申请时间", Chain::appliedAt)),
				this.chains.list(user, region, q, parse(status)), list);
	}

	private String statusName(ChainStatus status) {
		return this.messages.getMessage("chain.status." + status.name(), null, status.name(),
				java.util.Locale.SIMPLIFIED_CHINESE);
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('OPERATOR')")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(new ChainService.Application(null, List.of(), List.of()), Map.of(), user, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('OPERATOR')")
	String apply(@RequestParam(required = false) String name,
			@RequestParam(name = "institutionId", required = false) List<String> institutionIds,
			@RequestParam(name = "stage", required = false) List<String> stages,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		List<Long> ids = new ArrayList<>();
		if (institutionIds != null) {
			for (String id : institutionIds) {
				ids.add((id == null || !id.strip().matches("\\d{1,18}")) ? null : Long.valueOf(id.strip()));
			}
		}
		ChainService.Application form = new ChainService.Application(name, ids, (stages != null) ? stages : List.of());
		try {
			Chain c = this.chains.apply(form, user);
			redirect.addFlashAttribute("toast",
					"已提交孵化链条试点申请「" + c.name() + "」，等待" + this.chains.authorityName(c.authorityRegion()) + "审核");
			return "redirect:/chains/" + c.id();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(form, ex.errors(), user, model);
		}
	}

	@GetMapping("/{id:\\d+}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return detail(this.chains.get(id, user), Map.of(), user, model);
	}

	@PostMapping("/{id:\\d+}/designate")
	String designate(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate designatedOn,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Chain c = this.chains.designate(id, version, number, designatedOn, confirm, user);
			redirect.addFlashAttribute("toast", "已认定「" + c.name() + "」为孵化链条试点，编号 " + c.number());
			return "redirect:/chains/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.chains.get(id, user), ex.errors(), user, model);
		}
	}

	@PostMapping("/{id:\\d+}/refuse")
	String refuse(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Chain c = this.chains.refuse(id, version, reason, confirm, user);
			redirect.addFlashAttribute("toast", "已不予认定「" + c.name() + "」");
			return "redirect:/chains/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.chains.get(id, user), ex.errors(), user, model);
		}
	}

	@PostMapping("/{id:\\d+}/revoke")
	String revoke(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Chain c = this.chains.revoke(id, version, reason, confirm, user);
			redirect.addFlashAttribute("toast", "已撤销「" + c.name() + "」的试点");
			return "redirect:/chains/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.chains.get(id, user), ex.errors(), user, model);
		}
	}

	private String detail(Chain c, Map<String, String> errors, CurrentUser user, Model model) {
		model.addAttribute("v", ChainView.of(c, this.chains.regionName(c.regionCode()),
				this.chains.institutionsOf(List.of(c)), this.chains.moves(c)));
		model.addAttribute("decides", this.chains.decides(c, user));
		model.addAttribute("authorityName", this.chains.authorityName(c.authorityRegion()));
		model.addAttribute("today", this.chains.today());
		model.addAttribute("errors", errors);
		return "chain/detail";
	}

	private String form(ChainService.Application form, Map<String, String> errors, CurrentUser user, Model model) {
		model.addAttribute("name", form.name());
		List<Long> ids = new ArrayList<>(form.institutionIds());
		List<String> stages = new ArrayList<>(form.stages());
		while (ids.size() < 4) {
			ids.add(null);
		}
		while (stages.size() < ids.size()) {
			stages.add(null);
		}
		model.addAttribute("ids", ids);
		model.addAttribute("stages", stages);
		model.addAttribute("stageKeys", Chain.STAGES);
		model.addAttribute("candidates", this.chains.candidates(user));
		model.addAttribute("errors", errors);
		return "chain/form";
	}

	private static ChainStatus parse(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return ChainStatus.valueOf(status.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
