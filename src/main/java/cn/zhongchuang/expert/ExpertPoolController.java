package cn.zhongchuang.expert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.region.Regions;

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
 * 专家库 for bureau users: the list with its filter bar, create, edit, deactivate, activate.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE')")
class ExpertPoolController {

	private final ExpertPool pool;

	private final Regions regions;

	ExpertPoolController(ExpertPool pool, Regions regions) {
		this.pool = pool;
		this.regions = regions;
	}

	@GetMapping("/experts")
	String list(ExpertQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("query", query);
		this.pool.list(query, user).map(this::view).page(list).addTo(model);
		return (htmx != null) ? "expert/experts :: results" : "expert/experts";
	}

	/** 导出 Excel: every expert the filters leave, phones masked as on the page. */
	@GetMapping("/experts/export")
	void export(ExpertQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		ListExport.respond(response, "专家库", List.of(ListExport.column("姓名", ExpertView::name),
				ListExport.column("专业领域", (ExpertView e) -> String.join("、", e.fields())),
				ListExport.column("工作单位", ExpertView::employer), ListExport.column("职称", ExpertView::title),
				ListExport.column("电话", ExpertView::maskedPhone), ListExport.column("行政区划", ExpertView::regionName),
				ListExport.column("状态", (ExpertView e) -> e.active() ? "在库" : "已停用")),
				this.pool.list(query, user).map(this::view), list);
	}

	@GetMapping("/experts/new")
	String createForm(Model model) {
		return form(ExpertForm.empty(), null, Map.of(), model);
	}

	@PostMapping("/experts")
	String create(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		ExpertForm form = read(request);
		try {
			Expert saved = this.pool.create(form, user);
			redirect.addFlashAttribute("toast", "专家 " + saved.name() + " 已入库");
			return "redirect:/experts";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(form, null, ex.errors(), model);
		}
	}

	@GetMapping("/experts/{id:\\d+}")
	String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Expert expert = this.pool.get(id, user);
		return form(expert.form(this.pool.username(expert)), view(expert), Map.of(), model);
	}

	@PostMapping("/experts/{id:\\d+}")
	String revise(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ExpertForm form = read(request);
		try {
			this.pool.revise(id, version, form, user);
			redirect.addFlashAttribute("toast", "已保存");
			return "redirect:/experts";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(form, view(this.pool.get(id, user)), ex.errors(), model);
		}
	}

	@PostMapping("/experts/{id:\\d+}/deactivate")
	String deactivate(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		Expert saved = this.pool.deactivate(id, version, user);
		redirect.addFlashAttribute("toast", "专家 " + saved.name() + " 已停用，不再参加抽取");
		return "redirect:/experts";
	}

	@PostMapping("/experts/{id:\\d+}/activate")
	String activate(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		Expert saved = this.pool.activate(id, version, user);
		redirect.addFlashAttribute("toast", "专家 " + saved.name() + " 已启用");
		return "redirect:/experts";
	}

	private static ExpertForm read(HttpServletRequest request) {
		return new ExpertForm(request.getParameter("name"), ExpertForm.split(request.getParameter("fields")),
				request.getParameter("employer"), request.getParameter("title"), request.getParameter("phone"),
				request.getParameter("username"), ExpertForm.split(request.getParameter("declaredConflicts")));
	}

	private String form(ExpertForm form, ExpertView existing, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		return "expert/expert-form";
	}

	private ExpertView view(Expert e) {
		return ExpertView.of(e, this.regions.fullName(e.regionCode()));
	}

}
