package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.platform.Xlsx;
import cn.zhongchuang.reference.Industry;
import jakarta.servlet.http.HttpServletResponse;

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
 * 在孵企业 pages: the operator's own tenants (admit, graduate, move, exit, leaving checklist,
 * decisions on findings); bureau and county users read their region's, run the exit scan
 * on demand; both export what they filter.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class TenantController {

	private final Tenants tenants;

	private final Findings findings;

	private final ExitScan scan;

	private final TaxFilings filings;

	private final Operators operators;

	private final TenantFigures figures;

	private final Institutions institutions;

	private final Clock clock;

	TenantController(Tenants tenants, Findings findings, ExitScan scan, TaxFilings filings, Operators operators,
			TenantFigures figures, Institutions institutions, Clock clock) {
		this.tenants = tenants;
		this.figures = figures;
		this.institutions = institutions;
		this.findings = findings;
		this.scan = scan;
		this.filings = filings;
		this.operators = operators;
		this.clock = clock;
	}

	@GetMapping("/tenants")
	String list(TenantQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("query", query);
		this.tenants.list(query, user).page(list).addTo(model);
		model.addAttribute("stages", ChainStage.values());
		model.addAttribute("statuses", TenantStatus.values());
		return (htmx != null) ? "tenant/list :: results" : "tenant/list";
	}

	/** 导出 Excel: every tenant the filters leave, in the order of the page. */
	@GetMapping("/tenants/export.xlsx")
	void export(TenantQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		ListExport.respond(response, "在孵企业",
				List.of(ListExport.column("企业名称", Tenant::name),
						ListExport.column("类型",
								(Tenant t) -> t.team() ? "创业团队" : (t.registeredFromTeam() ? "企业（毕业团队注册）" : "企业")),
						ListExport.column("统一社会信用代码", Tenant::creditCode), ListExport.column("区划", Tenant::regionCode),
						ListExport.column("入孵日期", Tenant::admittedOn),
						ListExport.column("孵化阶段", (Tenant t) -> stageLabel(t.chainStage())),
						ListExport.column("状态", (Tenant t) -> statusLabel(t.status())),
						ListExport.column("离孵日期", Tenant::leftOn), ListExport.column("退出原因", Tenant::exitReason)),
				this.tenants.list(query, user), list);
	}

	@GetMapping("/tenants/new")
	@PreAuthorize("hasRole('OPERATOR')")
	String admitForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		requireOrganisation(user);
		model.addAttribute("institutions", this.institutions.mine(user));
		model.addAttribute("institutionId", null);
		return form(AdmissionForm.empty(), null, Map.of(), model);
	}

	@GetMapping("/tenants/new-team")
	@PreAuthorize("hasRole('OPERATOR')")
	String teamForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		requireOrganisation(user);
		return teamForm(TeamForm.empty(), null, Map.of(), user, model);
	}

	@PostMapping("/tenants/teams")
	@PreAuthorize("hasRole('OPERATOR')")
	String admitTeam(@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		requireOrganisation(user);
		Map<String, String> errors = new LinkedHashMap<>();
		TeamForm form = readTeam(params, errors);
		Long institutionId = longParam(params, "institutionId", errors);
		try {
			if (!errors.isEmpty()) {
				throw new FieldErrorException(errors);
			}
			long id = this.tenants.admitTeam(user, institutionId, form);
			redirect.addFlashAttribute("toast", "已登记创业团队入孵：" + form.name().strip());
			return "redirect:/tenants/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return teamForm(form, institutionId, ex.errors(), user, model);
		}
	}

	@PostMapping("/tenants/check")
	@PreAuthorize("hasRole('OPERATOR')")
	String check(@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user, Model model) {
		OperatorOrganisation org = requireOrganisation(user);
		Map<String, String> errors = new LinkedHashMap<>();
		AdmissionForm form = read(params, errors);
		try {
			model.addAttribute("eligibility", errors.isEmpty() ? this.tenants.check(org.regionCode(), form) : null);
		}
		catch (FieldErrorException ex) {
			errors.putAll(ex.errors());
		}
		model.addAttribute("checkErrors", errors);
		return "tenant/admit :: verdict";
	}

	@PostMapping("/tenants")
	@PreAuthorize("hasRole('OPERATOR')")
	String admit(@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		OperatorOrganisation org = requireOrganisation(user);
		Map<String, String> errors = new LinkedHashMap<>();
		AdmissionForm form = read(params, errors);
		Long institutionId = longParam(params, "institutionId", errors);
		model.addAttribute("institutions", this.institutions.mine(user));
		model.addAttribute("institutionId", institutionId);
		try {
			if (!errors.isEmpty()) {
				throw new FieldErrorException(errors);
			}
			long id = this.tenants.admit(user, institutionId, form);
			redirect.addFlashAttribute("toast", "已登记入孵：" + form.name().strip());
			return "redirect:/tenants/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			Eligibility eligibility = null;
			try {
				eligibility = this.tenants.check(org.regionCode(), form);
			}
			catch (FieldErrorException ignored) {
				// the field errors are shown already
			}
			return form(form, eligibility, ex.errors(), model);
		}
	}

	@GetMapping("/tenants/{id:\\d+}")
	String detail(@PathVariable long id, @RequestParam(name = "year", required = false) Integer year,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		TenantView view = this.tenants.view(id, user);
		model.addAttribute("view", view);
		model.addAttribute("t", view.tenant());
		model.addAttribute("filings", this.filings.latest(id, 36));
		model.addAttribute("findings", this.findings.ofTenant(id));
		model.addAttribute("stages", ChainStage.values());
		model.addAttribute("items", LeavingItem.values());
		model.addAttribute("today", ChinaTime.today(this.clock));
		List<TenantFigures.Figures> all = this.figures.ofTenant(id, user);
		int thisYear = ChinaTime.today(this.clock).getYear();
		int figureYear = (year != null && year >= 2000 && year <= thisYear) ? year : thisYear - 1;
		model.addAttribute("figures", all);
		model.addAttribute("figureYear", figureYear);
		model.addAttribute("figure",
				all.stream()
					.filter((f) -> f.year() == figureYear)
					.findFirst()
					.orElse(TenantFigures.Figures.empty(id, figureYear)));
		model.addAttribute("marks", TenantFigures.Mark.values());
		model.addAttribute("thisYear", thisYear);
		if (!model.containsAttribute("registerErrors")) {
			model.addAttribute("registerErrors", Map.of());
		}
		if (!model.containsAttribute("figureErrors")) {
			model.addAttribute("figureErrors", Map.of());
		}
		return "tenant/detail";
	}

	@PostMapping("/tenants/{id:\\d+}/register-company")
	@PreAuthorize("hasRole('OPERATOR')")
	String registerCompany(@PathVariable long id, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate on = date(params, "registeredOn", errors);
		Long version = longParam(params, "version", errors);
		try {
			if (!errors.isEmpty()) {
				throw new FieldErrorException(errors);
			}
			this.tenants.registerCompany(id, version.intValue(), text(params, "companyName"),
					text(params, "creditCode"), on, user);
			redirect.addFlashAttribute("toast", "已登记注册企业：毕业团队注册企业");
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("registerErrors", ex.errors());
			redirect.addFlashAttribute("registerValues", params);
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		return "redirect:/tenants/" + id;
	}

	@PostMapping("/tenants/{id:\\d+}/figures")
	@PreAuthorize("hasRole('OPERATOR')")
	String recordFigures(@PathVariable long id, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Long year = longParam(params, "year", errors);
		Long version = longParam(params, "figureVersion", errors);
		Integer patents = integer(params, "patentApplications", errors);
		Integer ip = integer(params, "validIp", errors);
		TenantFigures.Values values = new TenantFigures.Values(decimal(params, "revenueWan", errors), patents, ip,
				bool(params, "highTech"), decimal(params, "financingWan", errors));
		try {
			if (!errors.isEmpty()) {
				throw new FieldErrorException(errors);
			}
			this.figures.record(id, (year != null) ? year.intValue() : null, values, TenantFigures.Source.DECLARED,
					(version != null) ? version.intValue() : null, user);
			redirect.addFlashAttribute("toast", "已保存 " + year + " 年统计指标");
			redirect.addAttribute("year", year);
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("figureErrors", ex.errors());
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		return "redirect:/tenants/" + id;
	}

	@PostMapping("/tenants/{id:\\d+}/mark")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE')")
	String mark(@PathVariable long id, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Long year = longParam(params, "year", errors);
		String v = text(params, "mark");
		TenantFigures.Mark mark = null;
		try {
			mark = (v == null || "NONE".equals(v)) ? null : TenantFigures.Mark.valueOf(v);
		}
		catch (IllegalArgumentException ex) {
			errors.put("mark", "标记无效");
		}
		try {
			if (!errors.isEmpty()) {
				throw new FieldErrorException(errors);
			}
			this.figures.mark(id, (year != null) ? year.intValue() : null, mark, user);
			redirect.addFlashAttribute("toast", (mark != null) ? "已标记为" + mark.label() : "已取消标记");
			redirect.addAttribute("year", year);
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		return "redirect:/tenants/" + id;
	}

	@PostMapping("/tenants/{id:\\d+}/graduate")
	@PreAuthorize("hasRole('OPERATOR')")
	String graduate(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) LocalDate on,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "已办理毕业", () -> this.tenants.graduate(id, version, on, user));
	}

	@PostMapping("/tenants/{id:\\d+}/move")
	@PreAuthorize("hasRole('OPERATOR')")
	String move(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) ChainStage stage,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "已转入下一孵化阶段", () -> this.tenants.move(id, version, stage, on, note, user));
	}

	@PostMapping("/tenants/{id:\\d+}/exit")
	@PreAuthorize("hasRole('OPERATOR')")
	String exit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) LocalDate on,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "已办理退出", () -> this.tenants.exit(id, version, on, reason, user));
	}

	@PostMapping("/tenants/{id:\\d+}/leaving/{item}")
	@PreAuthorize("hasRole('OPERATOR')")
	String tick(@PathVariable long id, @PathVariable LeavingItem item, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "已记录办理", () -> this.tenants.tick(id, item, user));
	}

	// --- exit findings

	@GetMapping("/tenants/exit-findings")
	String findings(FindingQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("query", query);
		this.findings.list(query, user).page(list).addTo(model);
		return (htmx != null) ? "tenant/findings :: results" : "tenant/findings";
	}

	/** 导出 Excel: every finding the filters leave, in the order of the page. */
	@GetMapping("/tenants/exit-findings/export.xlsx")
	void exportFindings(FindingQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		ListExport.respond(response, "异常与清退名单", List.of(ListExport.column("企业名称", FindingRow::tenantName),
				ListExport.column("统一社会信用代码", FindingRow::creditCode),
				ListExport.column("运营机构", FindingRow::operatorName), ListExport.column("区划", FindingRow::regionCode),
				ListExport.column("名单", (FindingRow f) -> ExitScan.label(f.status())),
				ListExport.column("连续未申报月数", FindingRow::monthsWithoutFiling),
				ListExport.column("连续无税收贡献月数", FindingRow::monthsWithoutTax),
				ListExport.column("首次发现", FindingRow::firstFoundOn), ListExport.column("最近扫描", FindingRow::asOf),
				ListExport.column("处理", (FindingRow f) -> decisionLabel(f.decision())),
				ListExport.column("原因", FindingRow::reason)), this.findings.list(query, user), list);
	}

	@PostMapping("/tenants/exit-scan")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE')")
	String scanNow(RedirectAttributes redirect) {
		ExitScan.Summary s = this.scan.scan(ChinaTime.today(this.clock));
		redirect.addFlashAttribute("toast", "退出扫描完成：扫描 " + s.scanned() + " 家，异常名录 " + s.abnormal() + " 家，清退名单 "
				+ s.clearance() + " 家，新增 " + s.created() + " 条；创业团队 " + s.teams() + " 个不适用（无纳税申报）");
		return "redirect:/tenants/exit-findings";
	}

	@PostMapping("/tenants/exit-findings/{id:\\d+}/decide")
	@PreAuthorize("hasRole('OPERATOR')")
	String decide(@PathVariable long id, @RequestParam int version, @RequestParam String decision,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			this.scan.decide(id, version, "CONFIRMED".equals(decision), reason, user);
			redirect.addFlashAttribute("toast", "CONFIRMED".equals(decision) ? "已确认清退" : "已记录保留原因");
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		return "redirect:/tenants/exit-findings";
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("toast", done);
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		return "redirect:/tenants/" + id;
	}

	private OperatorOrganisation requireOrganisation(CurrentUser user) {
		return this.operators.organisationOf(user).orElseThrow(() -> new NotFoundException("organisation of operator"));
	}

	private String form(AdmissionForm form, Eligibility eligibility, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("eligibility", eligibility);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("checkErrors", Map.of());
		model.addAttribute("industries", Industry.values());
		model.addAttribute("stages", ChainStage.values());
		return "tenant/admit";
	}

	private String teamForm(TeamForm form, Long institutionId, Map<String, String> errors, CurrentUser user,
			Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("institutions", this.institutions.mine(user));
		model.addAttribute("institutionId", institutionId);
		model.addAttribute("stages", ChainStage.values());
		return "tenant/team-admit";
	}

	static TeamForm readTeam(Map<String, String> p, Map<String, String> errors) {
		String members = text(p, "members");
		List<String> names = (members == null) ? List.of() : List.of(members.split("[、,，;；\\s]+"));
		ChainStage stage = stage(p, errors);
		return new TeamForm(text(p, "name"), text(p, "leader"), names, integer(p, "memberCount", errors),
				text(p, "field"), date(p, "admittedOn", errors), date(p, "agreementDate", errors),
				"true".equals(p.get("inFocusSegment")), (stage != null) ? stage : ChainStage.NURSERY);
	}

	private static Long longParam(Map<String, String> p, String name, Map<String, String> errors) {
		String v = text(p, name);
		try {
			return (v == null) ? null : Long.valueOf(v);
		}
		catch (NumberFormatException ex) {
			errors.put(name, "应为整数");
			return null;
		}
	}

	static AdmissionForm read(Map<String, String> p, Map<String, String> errors) {
		return new AdmissionForm(text(p, "name"), text(p, "creditCode"), date(p, "admittedOn", errors),
				date(p, "agreementDate", errors), "true".equals(p.get("inFocusSegment")), stage(p, errors),
				bool(p, "officeInSpace"), text(p, "industry"), integer(p, "employees", errors),
				decimal(p, "revenueWan", errors), decimal(p, "totalAssetsWan", errors), bool(p, "technologyInnovative"),
				integer(p, "staffWithCollegeDegree", errors), decimal(p, "rdExpenditureWan", errors),
				decimal(p, "totalExpenditureWan", errors), text(p, "keyIndustry"));
	}

	private static ChainStage stage(Map<String, String> p, Map<String, String> errors) {
		String v = text(p, "stage");
		try {
			return (v == null) ? null : ChainStage.valueOf(v);
		}
		catch (IllegalArgumentException ex) {
			errors.put("stage", "孵化阶段无效");
			return null;
		}
	}

	private static String text(Map<String, String> p, String name) {
		String v = p.get(name);
		return (v == null || v.isBlank()) ? null : v.strip();
	}

	private static Boolean bool(Map<String, String> p, String name) {
		String v = text(p, name);
		return (v == null) ? null : Boolean.valueOf(v);
	}

	private static LocalDate date(Map<String, String> p, String name, Map<String, String> errors) {
		String v = text(p, name);
		try {
			return (v == null) ? null : LocalDate.parse(v);
		}
		catch (java.time.DateTimeException ex) {
			errors.put(name, "日期格式应为 2026-03-01");
			return null;
		}
	}

	private static Integer integer(Map<String, String> p, String name, Map<String, String> errors) {
		String v = text(p, name);
		try {
			Integer n = (v == null) ? null : Integer.valueOf(v);
			if (n != null && n < 0) {
				errors.put(name, "不能为负数");
			}
			return n;
		}
		catch (NumberFormatException ex) {
			errors.put(name, "应为整数");
			return null;
		}
	}

	private static BigDecimal decimal(Map<String, String> p, String name, Map<String, String> errors) {
		String v = text(p, name);
		try {
			BigDecimal n = (v == null) ? null : new BigDecimal(v);
			if (n != null && n.signum() < 0) {
				errors.put(name, "不能为负数");
			}
			return n;
		}
		catch (NumberFormatException ex) {
			errors.put(name, "应为数字");
			return null;
		}
	}

	static String stageLabel(ChainStage s) {
		return switch (s) {
			case NURSERY -> "苗圃";
			case INCUBATOR -> "孵化器";
			case ACCELERATOR -> "加速器";
			case PARK -> "产业园";
		};
	}

	static String statusLabel(TenantStatus s) {
		return switch (s) {
			case ACTIVE -> "在孵";
			case GRADUATED -> "已毕业";
			case EXITED -> "已退出";
		};
	}

	static String decisionLabel(String d) {
		return (d == null) ? "待处理" : "CONFIRMED".equals(d) ? "已确认清退" : "保留";
	}

}
