package cn.zhongchuang.expert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.attachment.AttachmentDownloads;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.region.Regions;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
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
 * 评审专家组 for bureau users: the panels of their region, a form to draw a new one for a
 * subject typed in by hand (until the application module draws for its applications), a
 * panel's members, exclusions and — once every member has scored — the results.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE')")
class PanelController {

	private final ExpertPanels panels;

	private final Experts experts;

	private final PolicyCatalog catalog;

	private final Regions regions;

	PanelController(ExpertPanels panels, Experts experts, PolicyCatalog catalog, Regions regions) {
		this.panels = panels;
		this.experts = experts;
		this.catalog = catalog;
		this.regions = regions;
	}

	@GetMapping("/expert-panels")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("panels", this.panels.list(user).stream().map(this::view).toList());
		return "expert/panels";
	}

	@GetMapping("/expert-panels/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("subjectType", "application");
		form.put("members", "5");
		form.put("alternates", "2");
		form.put("policy", defaultPolicy(user));
		form.put("regionCode", user.regionCode());
		return form(form, Map.of(), model);
	}

	@PostMapping("/expert-panels")
	String draw(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String name : List.of("subjectType", "subjectId", "title", "regionCode", "operatorName",
				"operatorCreditCode", "employers", "mentors", "investors", "tenants", "fields", "members", "alternates",
				"seed", "policy")) {
			form.put(name, request.getParameter(name));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		int members = number(form.get("members"), "members", "评审专家人数", errors);
		int alternates = number(form.get("alternates"), "alternates", "候补专家人数", errors);
		Long seed = null;
		if (form.get("seed") != null && !form.get("seed").isBlank()) {
			try {
				seed = Long.parseLong(form.get("seed").strip());
			}
			catch (NumberFormatException ex) {
				errors.put("seed", "随机种子应为整数，或留空由系统生成");
			}
		}
		PolicyPack pack = null;
		try {
			pack = this.catalog.latest(form.get("policy"));
		}
		catch (RuntimeException ex) {
			errors.put("policy", "请选择评分表所依据的政策");
		}
		try {
			if (!errors.isEmpty()) {
				throw new FieldErrorException(errors);
			}
			Subject subject = new Subject(form.get("subjectType"), form.get("subjectId"), form.get("title"),
					form.get("regionCode"), form.get("operatorName"), form.get("operatorCreditCode"),
					ExpertForm.split(form.get("employers")), lines(form.get("mentors")), lines(form.get("investors")),
					lines(form.get("tenants")));
			ExpertPanels.Drawn drawn = this.panels.draw(subject, pack.definition().scoring(), members, alternates,
					Set.copyOf(ExpertForm.split(form.get("fields"))), seed, user);
			redirect.addFlashAttribute("toast", "已抽取评审专家 " + drawn.members().size() + " 名、候补 "
					+ drawn.alternates().size() + " 名，回避 " + drawn.excluded().size() + " 名");
			return "redirect:/expert-panels/" + drawn.panelId();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			Map<String, String> all = new LinkedHashMap<>(errors);
			ex.errors().forEach(all::putIfAbsent);
			return form(form, all, model);
		}
	}

	@GetMapping("/expert-panels/{id:\\d+}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		PanelView panel = view(this.panels.visible(id, user));
		model.addAttribute("panel", panel);
		Map<Long, Object> photos = new LinkedHashMap<>();
		Map<Long, PanelMember.Inspection> inspections = new LinkedHashMap<>();
		if (!panel.sealed()) {
			Panel p = this.panels.visible(id, user);
			for (PanelView.MemberView m : panel.members()) {
				if (m.submitted()) {
					photos.put(m.id(), this.panels.photos(id, m.id(), user));
					PanelMember.Inspection in = p.member(m.id()).inspection();
					if (in != null) {
						inspections.put(m.id(), in);
					}
				}
			}
		}
		model.addAttribute("photos", photos);
		model.addAttribute("inspections", inspections);
		if (!model.containsAttribute("paperMember")) {
			model.addAttribute("paperMember", -1L);
			model.addAttribute("paperForm", Map.of());
			model.addAttribute("paperErrors", Map.of());
		}
		return "expert/panel";
	}

	@PostMapping("/expert-panels/{id:\\d+}/members/{expert:\\d+}/paper-scores")
	String paperScores(@PathVariable long id, @PathVariable long expert, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Map<String, String> scores = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("score_")) {
				scores.put(k.substring("score_".length()), v);
			}
		});
		try {
			this.panels.recordPaperScores(id, expert, scores, form.get("opinion"), user);
			redirect.addFlashAttribute("toast", "已代录纸质评分表");
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("paperMember", expert);
			redirect.addFlashAttribute("paperForm", form);
			redirect.addFlashAttribute("paperErrors", ex.errors());
			redirect.addFlashAttribute("toastError", "纸质评分表有误，请按提示更正");
		}
		return "redirect:/expert-panels/" + id;
	}

	@PostMapping("/expert-panels/{id:\\d+}/members/{member:\\d+}/decline")
	String decline(@PathVariable long id, @PathVariable long member, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		this.panels.decline(id, member, reason, user);
		redirect.addFlashAttribute("toast", "已由候补专家递补");
		return "redirect:/expert-panels/" + id;
	}

	@GetMapping("/expert-panels/{id:\\d+}/members/{member:\\d+}/photos/{photo:\\d+}")
	ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long member, @PathVariable long photo,
			@AuthenticationPrincipal CurrentUser user) {
		if (this.panels.visible(id, user).status() == Panel.Status.SEALED) {
			throw new NotFoundException("sealed inspection photos of panel " + id);
		}
		return AttachmentDownloads.download(this.panels.openPhoto(id, member, photo, user));
	}

	private String form(Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("policies", this.catalog.all());
		return "expert/panel-form";
	}

	private String defaultPolicy(CurrentUser user) {
		return this.catalog.all()
			.stream()
			.filter((p) -> this.regions.contains(p.definition().jurisdiction(), user.regionCode())
					|| this.regions.contains(user.regionCode(), p.definition().jurisdiction()))
			.map(PolicyPack::id)
			.findFirst()
			.orElse(null);
	}

	PanelView view(Panel p) {
		return PanelView.of(p, this.regions.fullName(p.subject().regionCode()),
				(expertId) -> this.experts.findById(expertId).orElseThrow());
	}

	private static List<String> lines(String text) {
		return (text == null) ? List.of() : text.lines().map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private static int number(String value, String field, String label, Map<String, String> errors) {
		try {
			return Integer.parseInt((value == null) ? "" : value.strip());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "请填写" + label);
			return 0;
		}
	}

}
