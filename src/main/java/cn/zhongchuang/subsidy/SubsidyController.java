package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.Xlsx;
import jakarta.servlet.http.HttpServletResponse;

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
 * 奖补管理 for bureau users: programmes of their region with totals, the programme form, the
 * programme page (totals per region, awards, proposals from recognitions or from
 * assessment results, disbursement and recovery) and the XLSX export of its awards.
 * Another region's programme answers 404.
 */
@Controller
@RequestMapping("/bureau/subsidies")
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class SubsidyController {

	private final Subsidies subsidies;

	SubsidyController(Subsidies subsidies) {
		this.subsidies = subsidies;
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("region", region);
		model.addAttribute("year", year);
		model.addAttribute("scope", user.regionCode());
		this.subsidies.programmeList(user, region, year).map(this::row).page(list).addTo(model);
		return (htmx != null) ? "subsidy/list :: results" : "subsidy/list";
	}

	/** 导出 Excel of the programmes as filtered and sorted, amounts in yuan. */
	@GetMapping("/export")
	void exportList(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			ListParams list, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		ListExport.respond(response, "奖补项目", List.of(ListExport.column("项目名称", (ProgrammeRow r) -> r.p().name()),
				ListExport.column("年度", (ProgrammeRow r) -> r.p().year()),
				ListExport.column("区划", ProgrammeRow::regionName),
				ListExport.column("奖补依据",
						(ProgrammeRow r) -> Programme.ON_RECOGNITION.equals(r.p().basis()) ? "按认定奖补" : "按考核结果后补助"),
				ListExport.column("状态", (ProgrammeRow r) -> programmeStatus(r.p().status())),
				ListExport.column("预算（元）", (ProgrammeRow r) -> plain(r.t().budget())),
				ListExport.column("已奖补（元）", (ProgrammeRow r) -> plain(r.t().awarded())),
				ListExport.column("已发放（元）", (ProgrammeRow r) -> plain(r.t().disbursed())),
				ListExport.column("已收回（元）", (ProgrammeRow r) -> plain(r.t().recovered())),
				ListExport.column("剩余（元）", (ProgrammeRow r) -> plain(r.t().remaining()))),
				this.subsidies.programmeList(user, region, year).map(this::row), list);
	}

	private static String programmeStatus(String status) {
		return switch (status) {
			case "DRAFT" -> "草稿";
			case "OPEN" -> "发放中";
			default -> "已结束";
		};
	}

	private static String plain(BigDecimal amount) {
		return (amount != null) ? amount.toPlainString() : "";
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(new Subsidies.ProgrammeForm(null, this.subsidies.today().getYear(), user.regionCode(), null,
				Programme.ON_RECOGNITION, null, null, Map.of()), Map.of(), user, model);
	}

	@PostMapping
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String budget,
			@RequestParam(required = false) String basis, @RequestParam(required = false) Long assessmentRoundId,
			@RequestParam(required = false) String policyId, @RequestParam(required = false) String stage,
			@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> rates = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("rate.") && v != null && !v.isBlank()) {
				rates.put(k.substring(5), v);
			}
		});
		Subsidies.ProgrammeForm form = new Subsidies.ProgrammeForm(name, year, regionCode, budget, basis,
				assessmentRoundId, policyId, rates, stage);
		try {
			Programme p = this.subsidies.create(form, user);
			redirect.addFlashAttribute("toast", "已设立奖补项目《" + p.name() + "》（草稿），确认后请点击“开始发放”");
			return "redirect:/bureau/subsidies/" + p.id();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(form, ex.errors(), user, model);
		}
	}

	private String form(Subsidies.ProgrammeForm form, Map<String, String> errors, CurrentUser user, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("scope", user.regionCode());
		model.addAttribute("rounds", this.subsidies.publishedRounds(user));
		model.addAttribute("policies", this.subsidies.policyIds());
		model.addAttribute("levels", Subsidies.LEVELS);
		model.addAttribute("grades", Subsidies.GRADES);
		return "subsidy/form";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return detail(id, Map.of(), null, user, model);
	}

	private String detail(long id, Map<String, String> errors, Map<String, String> typed, CurrentUser user,
			Model model) {
		Programme p = this.subsidies.programme(id, user);
		model.addAttribute("p", p);
		model.addAttribute("t", this.subsidies.totals(p));
		model.addAttribute("byRegion", this.subsidies.totalsByRegion(p));
		model.addAttribute("awards", this.subsidies.awards(id, user));
		model.addAttribute("regionName", this.subsidies.regionName(p.regionCode()));
		model.addAttribute("policyTitle", (p.policyId() != null) ? this.subsidies.policyTitle(p.policyId()) : null);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", (typed != null) ? typed : Map.of());
		model.addAttribute("today", this.subsidies.today());
		return "subsidy/detail";
	}

	@PostMapping("/{id}/open")
	String open(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.subsidies.open(id, version, user), "项目已开始发放");
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.subsidies.close(id, version, user), "项目已结束，不再新增奖补");
	}

	@PostMapping("/{id}/awards")
	String award(@PathVariable long id, @RequestParam(required = false) String recognitionNumber,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> typed = Map.of("recognitionNumber", nn(recognitionNumber), "amount", nn(amount), "reason",
				nn(reason));
		try {
			Award a = this.subsidies.award(id, recognitionNumber, amount, reason, user);
			redirect.addFlashAttribute("toast",
					"已向 " + a.institutionName() + " 奖补 " + a.amount().toPlainString() + " 元");
			return "redirect:/bureau/subsidies/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(id, ex.errors(), typed, user, model);
		}
		catch (BudgetExceededException ex) {
			response.setStatus(409);
			return detail(id, Map.of("amount", ex.getMessage()), typed, user, model);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("toastError", ex.getMessage());
			return "redirect:/bureau/subsidies/" + id;
		}
	}

	@GetMapping("/{id}/proposal")
	String proposal(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Programme p = this.subsidies.programme(id, user);
		List<Subsidies.Proposal> items = this.subsidies.propose(id, user);
		model.addAttribute("p", p);
		model.addAttribute("t", this.subsidies.totals(p));
		model.addAttribute("items", items);
		model.addAttribute("sum",
				items.stream().map(Subsidies.Proposal::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
		return "subsidy/proposal";
	}

	@PostMapping("/{id}/proposal")
	String confirm(@PathVariable long id, @RequestParam(name = "recognitionId", required = false) List<Long> ids,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("toastError", "请至少选择一家机构");
			return "redirect:/bureau/subsidies/" + id + "/proposal";
		}
		try {
			List<Award> made = this.subsidies.confirm(id, ids, user);
			BigDecimal sum = made.stream().map(Award::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			redirect.addFlashAttribute("toast", "已生成 " + made.size() + " 笔奖补，合计 " + sum.toPlainString() + " 元");
			return "redirect:/bureau/subsidies/" + id;
		}
		catch (ConflictException | FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", ex.getMessage());
			return "redirect:/bureau/subsidies/" + id + "/proposal";
		}
	}

	@PostMapping("/awards/{awardId}/disburse")
	String disburse(@PathVariable long awardId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disbursedOn,
			@RequestParam(required = false) String voucherNo, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Award a = this.subsidies.award(awardId, user);
		return act(a.programmeId(), redirect,
				() -> this.subsidies.disburse(awardId, disbursedOn, voucherNo, version, user),
				"已登记发放：" + a.institutionName());
	}

	@PostMapping("/awards/{awardId}/recovery-due")
	String recoveryDue(@PathVariable long awardId, @RequestParam(required = false) String recoveryReason,
			@RequestParam int version, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Award a = this.subsidies.award(awardId, user);
		return act(a.programmeId(), redirect, () -> this.subsidies.recoveryDue(awardId, recoveryReason, version, user),
				"已列为应收回：" + a.institutionName());
	}

	@PostMapping("/awards/{awardId}/recover")
	String recover(@PathVariable long awardId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recoveredOn,
			@RequestParam(required = false) String recoveredAmount, @RequestParam(required = false) String recoveryNote,
			@RequestParam int version, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Award a = this.subsidies.award(awardId, user);
		return act(a.programmeId(), redirect,
				() -> this.subsidies.recover(awardId, recoveredOn, recoveredAmount, recoveryNote, version, user),
				"已登记收回：" + a.institutionName());
	}

	@GetMapping("/{id}/awards.xlsx")
	void export(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		Programme p = this.subsidies.programme(id, user);
		List<List<String>> rows = new ArrayList<>();
		for (Award a : this.subsidies.awards(id, user)) {
			rows.add(List.of(a.recognitionNumber(), a.institutionName(), a.operatorName(), a.creditCode(),
					this.subsidies.regionName(a.regionCode()), a.amount().toPlainString(), a.reason(),
					statusLabel(a.status()), str(a.disbursedOn()), nn(a.voucherNo()), nn(a.recoveryReason()),
					str(a.recoveredOn()), (a.recoveredAmount() != null) ? a.recoveredAmount().toPlainString() : ""));
		}
		Xlsx.respond(response, p.name() + "-奖补发放.xlsx", "奖补发放", List.of("认定编号", "载体名称", "运营机构", "统一社会信用代码", "区划",
				"金额（元）", "事由", "状态", "发放日期", "凭证号", "收回原因", "收回日期", "收回金额（元）"), rows);
	}

	private String act(long programmeId, RedirectAttributes redirect, Runnable action, String done) {
		try {
			action.run();
			redirect.addFlashAttribute("toast", done);
		}
		catch (ConflictException | FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", ex.getMessage());
		}
		return "redirect:/bureau/subsidies/" + programmeId;
	}

	ProgrammeRow row(Programme p) {
		return new ProgrammeRow(p, this.subsidies.totals(p), this.subsidies.regionName(p.regionCode()));
	}

	static String statusLabel(String status) {
		return switch (status) {
			case Award.AWARDED -> "已奖补待发放";
			case Award.DISBURSED -> "已发放";
			case Award.RECOVERY_DUE -> "应收回";
			case Award.RECOVERED -> "已收回";
			default -> status;
		};
	}

	private static String nn(String s) {
		return (s == null) ? "" : s;
	}

	private static String str(LocalDate d) {
		return (d == null) ? "" : d.toString();
	}

	record ProgrammeRow(Programme p, Totals t, String regionName) {
	}

}
