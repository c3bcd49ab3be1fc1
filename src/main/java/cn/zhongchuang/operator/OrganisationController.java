package cn.zhongchuang.operator;

import java.util.List;
import java.util.Locale;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.region.Regions;

import org.springframework.context.MessageSource;
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
 * 我的机构 for an operator (register once, then the overview with record counts and the facts
 * the records establish today), and 运营机构 for government users (the organisations of their
 * region, read only).
 */
@Controller
class OrganisationController {

	private final OrganisationRegistry registry;

	private final OperatorRecords records;

	private final Regions regions;

	private final MessageSource messages;

	OrganisationController(OrganisationRegistry registry, OperatorRecords records, Regions regions,
			MessageSource messages) {
		this.registry = registry;
		this.messages = messages;
		this.records = records;
		this.regions = regions;
	}

	@GetMapping("/operator")
	@PreAuthorize("hasRole('OPERATOR')")
	String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
		Optional<Organisation> mine = this.registry.mine(user);
		if (mine.isEmpty()) {
			return "redirect:/operator/register";
		}
		return overview(mine.get(), "/operator", false, model);
	}

	@GetMapping("/operator/register")
	@PreAuthorize("hasRole('OPERATOR')")
	String registerForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (this.registry.mine(user).isPresent()) {
			return "redirect:/operator";
		}
		return form(OrganisationForm.empty(), null, Map.of(), user, model);
	}

	@PostMapping("/operator/register")
	@PreAuthorize("hasRole('OPERATOR')")
	String register(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Validation v = new Validation();
		OrganisationForm form = FormReader.read(OrganisationForm.class, request::getParameter, v);
		try {
			v.throwIfAny();
			OrganisationRegistry.Registered registered = this.registry.register(form, user);
			redirect.addFlashAttribute("toast", "运营机构已登记");
			redirect.addFlashAttribute("warnings", registered.warnings());
			return "redirect:/operator";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(form, null, merge(v, ex), user, model);
		}
	}

	@GetMapping("/operator/profile")
	@PreAuthorize("hasRole('OPERATOR')")
	String editForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		Organisation org = this.registry.requireMine(user);
		return form(org.form(), view(org), Map.of(), user, model);
	}

	@PostMapping("/operator/profile")
	@PreAuthorize("hasRole('OPERATOR')")
	String revise(@RequestParam int version, @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Validation v = new Validation();
		OrganisationForm form = FormReader.read(OrganisationForm.class, request::getParameter, v);
		try {
			v.throwIfAny();
			OrganisationRegistry.Registered revised = this.registry.revise(version, form, user);
			redirect.addFlashAttribute("toast", "已保存");
			redirect.addFlashAttribute("warnings", revised.warnings());
			return "redirect:/operator";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(form, view(this.registry.requireMine(user)), merge(v, ex), user, model);
		}
	}

	/** The credit code's verdict next to the field, as the operator types. */
	@GetMapping("/operator/credit-code-check")
	@PreAuthorize("hasRole('OPERATOR')")
	String creditCodeCheck(@RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String regionCode, Model model) {
		model.addAttribute("hints", this.registry.creditCodeHints(creditCode, regionCode));
		return "operator/organisation-form :: creditCodeHint";
	}

	@GetMapping("/operators")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String list(OrganisationQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("query", query);
		model.addAttribute("leadEntities", LeadEntity.values());
		this.registry.list(query, user).map(this::view).page(list).addTo(model);
		return (htmx != null) ? "operator/organisations :: results" : "operator/organisations";
	}

	/** 导出 Excel: every organisation the filters leave, in the order of the page. */
	@GetMapping("/operators/export")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	void export(OrganisationQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		ListExport.respond(response, "运营机构", List.of(ListExport.column("名称", OrganisationView::name),
				ListExport.column("统一社会信用代码", OrganisationView::creditCode),
				ListExport.column("行政区划", OrganisationView::regionName),
				ListExport.column("法定代表人", OrganisationView::legalRepresentative),
				ListExport.column("成立日期", OrganisationView::establishedOn),
				ListExport.column("牵头单位",
						(OrganisationView o) -> (o.leadEntity() != null) ? this.messages.getMessage(
								"operator.leadEntity." + o.leadEntity(), null, Locale.SIMPLIFIED_CHINESE) : null),
				ListExport.column("地址", OrganisationView::address)), this.registry.list(query, user).map(this::view),
				list);
	}

	@GetMapping("/operators/{id:\\d+}")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return overview(this.registry.get(id, user), "/operators/" + id, true, model);
	}

	private String overview(Organisation org, String base, boolean readOnly, Model model) {
		model.addAttribute("org", view(org));
		model.addAttribute("base", base);
		model.addAttribute("readOnly", readOnly);
		Map<RecordKind<?>, Long> counts = this.records.counts(org, null);
		model.addAttribute("counts", counts.entrySet().stream().filter((e) -> e.getKey().parent() == null).map((e) -> {
			RecordKind<?> child = e.getKey().child();
			return new KindCount(e.getKey().key(), e.getValue(), (child != null) ? child.key() : null,
					(child != null) ? counts.get(child) : null);
		}).toList());
		model.addAttribute("institutions", this.records.institutions(org));
		return "operator/overview";
	}

	private String form(OrganisationForm form, OrganisationView existing, Map<String, String> errors, CurrentUser user,
			Model model) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("errors", errors);
		model.addAttribute("leadEntities", LeadEntity.values());
		return "operator/organisation-form";
	}

	private static Map<String, String> merge(Validation v, FieldErrorException ex) {
		Map<String, String> errors = new java.util.LinkedHashMap<>(v.errors());
		ex.errors().forEach(errors::putIfAbsent);
		return errors;
	}

	private OrganisationView view(Organisation org) {
		return OrganisationView.of(org, this.regions.fullName(org.regionCode()));
	}

	record KindCount(String kind, long count, String child, Long childCount) {
	}

}
