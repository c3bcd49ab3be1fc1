package cn.zhongchuang.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.audit.AuditHistory;
import cn.zhongchuang.operator.OperatorFacts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.Role;
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
 * 孵化载体 pages: an operator's institutions (list, register, edit) and every institution's
 * page of its own (particulars, records, the facts its records establish today, titles,
 * tenants and filings from the modules that keep them, history); government users list
 * and read those of their region.
 */
@Controller
class InstitutionController {

	static final String ROLES = "hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')";

	private final Institutions institutions;

	private final Regions regions;

	private final AuditHistory history;

	private final Clock clock;

	private final MessageSource messages;

	InstitutionController(Institutions institutions, Regions regions, AuditHistory history, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.institutions = institutions;
		this.regions = regions;
		this.history = history;
		this.clock = clock;
	}

	@GetMapping("/institutions")
	@PreAuthorize(ROLES)
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String q, ListParams list, @AuthenticationPrincipal CurrentUser user,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		this.institutions.list(region, kind, q, user).map(this::row).page(list).addTo(model);
		model.addAttribute("region", region);
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		model.addAttribute("kinds", InstitutionKind.values());
		model.addAttribute("operator", user.hasRole(Role.OPERATOR));
		model.addAttribute("myRegion", user.regionCode());
		return (htmx != null) ? "institution/list :: results" : "institution/list";
	}

	/** 导出 Excel: every institution the filters leave, in the order of the page. */
	@GetMapping("/institutions/export")
	@PreAuthorize(ROLES)
	void export(@RequestParam(required = false) String region, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String q, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		ListExport.respond(response, "孵化载体",
				List.of(ListExport.column("名称", (InstitutionRow r) -> r.institution().name()),
						ListExport.column("类型",
								(InstitutionRow r) -> label("institution.kind", r.institution().kind())),
						ListExport.column("行政区划", InstitutionRow::regionName),
						ListExport.column("运营机构", (InstitutionRow r) -> r.institution().operatorName()),
						ListExport.column("统一社会信用代码", (InstitutionRow r) -> r.institution().operatorCreditCode()),
						ListExport.column("服务模式",
								(InstitutionRow r) -> String.join("、",
										r.institution()
											.serviceModels()
											.stream()
											.map((m) -> label("institution.serviceModel", m))
											.toList())),
						ListExport.column("投入运营日期", (InstitutionRow r) -> r.institution().openedOn()),
						ListExport.column("地址", (InstitutionRow r) -> r.institution().address()),
						ListExport.column("状态", (InstitutionRow r) -> r.institution().operating() ? "运营中" : "已停止运营")),
				this.institutions.list(region, kind, q, user).map(this::row), list);
	}

	private String label(String prefix, Object code) {
		return (code != null)
				? this.messages.getMessage(prefix + "." + code, null, code.toString(), Locale.SIMPLIFIED_CHINESE) : "";
	}

	@GetMapping("/institutions/new")
	@PreAuthorize("hasRole('OPERATOR')")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(InstitutionForm.empty(this.institutions.operatorRegion(user)), null, Map.of(), model);
	}

	@PostMapping("/institutions")
	@PreAuthorize("hasRole('OPERATOR')")
	String register(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		InstitutionForm form = read(request, errors);
		try {
			if (!errors.isEmpty()) {
				// report the other fields' mistakes too, not only the unreadable date
				this.institutions.check(form).forEach(errors::putIfAbsent);
				throw new FieldErrorException(errors);
			}
			InstitutionSummary saved = this.institutions.register(form, user);
			redirect.addFlashAttribute("toast", "孵化载体“" + saved.name() + "”已登记");
			return "redirect:/institutions/" + saved.id();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			ex.errors().forEach(errors::putIfAbsent);
			return form(form, null, errors, model);
		}
	}

	@GetMapping("/institutions/{id:\\d+}")
	@PreAuthorize(ROLES)
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		InstitutionSummary i = this.institutions.get(id, user);
		LocalDate today = ChinaTime.today(this.clock);
		OperatorFacts facts = this.institutions.factsFor(id, today);
		boolean own = user.hasRole(Role.OPERATOR);
		model.addAttribute("institution", row(i));
		model.addAttribute("own", own);
		model.addAttribute("asOf", today);
		model.addAttribute("facts", FactView.of(facts, this.regions::fullName));
		model.addAttribute("counts", this.institutions.recordCounts(id));
		model.addAttribute("recordsBase", own ? "/operator" : "/operators/" + i.operatorId());
		model.addAttribute("history", this.history.of("institution", id, 50));
		return "institution/detail";
	}

	@GetMapping("/institutions/{id:\\d+}/edit")
	@PreAuthorize("hasRole('OPERATOR')")
	String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Institution i = this.institutions.own(id, user);
		return form(InstitutionForm.of(i.data()), i, Map.of(), model);
	}

	@PostMapping("/institutions/{id:\\d+}")
	@PreAuthorize("hasRole('OPERATOR')")
	String revise(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		InstitutionForm form = read(request, errors);
		try {
			if (!errors.isEmpty()) {
				// report the other fields' mistakes too, not only the unreadable date
				this.institutions.check(form).forEach(errors::putIfAbsent);
				throw new FieldErrorException(errors);
			}
			this.institutions.revise(id, version, form, user);
			redirect.addFlashAttribute("toast", "已保存");
			return "redirect:/institutions/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			ex.errors().forEach(errors::putIfAbsent);
			return form(form, this.institutions.own(id, user), errors, model);
		}
	}

	private String form(InstitutionForm form, Institution existing, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", InstitutionKind.values());
		model.addAttribute("serviceModels", ServiceModel.values());
		model.addAttribute("sectorTypes", SectorType.values());
		model.addAttribute("chain", InstitutionForm.CHAIN);
		return "institution/form";
	}

	/** The form as typed; a date that does not parse is a field error. */
	static InstitutionForm read(HttpServletRequest request, Map<String, String> errors) {
		LocalDate opened = null;
		String raw = request.getParameter("openedOn");
		if (raw != null && !raw.isBlank()) {
			try {
				opened = LocalDate.parse(raw.strip());
			}
			catch (DateTimeParseException ex) {
				errors.put("openedOn", "请选择正确的日期");
			}
		}
		return new InstitutionForm(request.getParameter("name"), request.getParameter("kind"),
				request.getParameter("specialization"), values(request, "serviceModels"),
				request.getParameter("sectorType"), request.getParameter("regionCode"), request.getParameter("address"),
				"true".equals(request.getParameter("virtual")), request.getParameter("focusSegment"), opened,
				values(request, "stages"));
	}

	private static List<String> values(HttpServletRequest request, String name) {
		String[] raw = request.getParameterValues(name);
		return (raw == null) ? List.of() : Arrays.asList(raw);
	}

	private InstitutionRow row(InstitutionSummary i) {
		return new InstitutionRow(i, this.regions.fullName(i.regionCode()));
	}

	/** An institution with its region's name, as lists and the page show it. */
	record InstitutionRow(InstitutionSummary institution, String regionName) {
	}

}
