package cn.zhongchuang.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.zhongchuang.attachment.AttachmentDownloads;
import cn.zhongchuang.expert.ExpertPanels;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListPage;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.region.Regions;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 认定申请 pages: the operator's list, new application, the form (facts, live verdict,
 * materials), submit, withdraw, resubmit; the reviewers' 待办 queue, the detail with the
 * decision form of the current stage; the history of every decision.
 */
@Controller
class ApplicationController {

	private final Applications applications;

	private final PolicyCatalog catalog;

	private final Regions regions;

	private final ApplicationNotices notices;

	private final Clock clock;

	private final MessageSource messages;

	ApplicationController(Applications applications, ApplicationNotices notices, PolicyCatalog catalog, Regions regions,
			Clock clock, MessageSource messages) {
		this.messages = messages;
		this.applications = applications;
		this.notices = notices;
		this.clock = clock;
		this.catalog = catalog;
		this.regions = regions;
	}

	@GetMapping("/applications")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String policy,
			@RequestParam(required = false) String q, @RequestParam(required = false) String view, ListParams list,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		if (user.hasRole(Role.OPERATOR)) {
			model.addAttribute("organisation", this.applications.organisationOf(user).orElse(null));
			model.addAttribute("applications", this.applications.mine(user));
			model.addAttribute("mode", "mine");
		}
		else {
			boolean all = "all".equals(view);
			ListPage<Application> page = this.applications.list(user, all, policy, q).page(list).addTo(model);
			List<Application> rows = page.results().items();
			model.addAttribute("applications", rows);
			model.addAttribute("batches", this.applications.batchesOf(rows));
			// overdue batches over the whole view, not only this page
			List<Application> viewed = all ? this.applications.within(user, null)
					: this.applications.queue(user, policy, q);
			model.addAttribute("overdueCount",
					this.applications.batchesOf(viewed)
						.values()
						.stream()
						.filter(Applications.ReviewBatch::overdue)
						.count());
			model.addAttribute("queueCount", all ? this.applications.queue(user, null, null).size() : viewed.size());
			model.addAttribute("mode", all ? "all" : "queue");
			model.addAttribute("policies", this.catalog.all());
			model.addAttribute("policy", policy);
			model.addAttribute("q", q);
		}
		model.addAttribute("regions", this.regions);
		return (htmx != null && !"mine".equals(model.getAttribute("mode"))) ? "application/list :: results"
				: "application/list";
	}

	/**
	 * 导出 Excel of 认定审查: every application of the view and filters, in the order of the
	 * page.
	 */
	@GetMapping("/applications/export")
	void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String policy,
			@RequestParam(required = false) String q, @RequestParam(required = false) String view, ListParams list,
			HttpServletResponse response) {
		ListExport.respond(response, "认定审查",
				List.of(ListExport.column("空间名称", Application::spaceName),
						ListExport.column("运营机构", Application::operatorName),
						ListExport.column("行政区划", (Application a) -> this.regions.fullName(a.regionCode())),
						ListExport.column("政策", (Application a) -> policyTitle(a.policyId())),
						ListExport.column("状态",
								(Application a) -> this.messages.getMessage("application.status." + a.status(), null,
										a.status().name(), Locale.SIMPLIFIED_CHINESE)),
						ListExport.column("当前环节", Application::currentStageName),
						ListExport.column("提交日期", Application::submittedOn)),
				this.applications.list(user, "all".equals(view), policy, q), list);
	}

	private String policyTitle(String policyId) {
		return this.catalog.all()
			.stream()
			.filter((p) -> p.id().equals(policyId))
			.map((p) -> p.title())
			.findFirst()
			.orElse(policyId);
	}

	@GetMapping("/applications/new")
	String newForm(@RequestParam(required = false) Long institution, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return newPage(user, model,
				(institution != null) ? Map.of("institutionId", String.valueOf(institution)) : Map.of(), Map.of());
	}

	private String newPage(CurrentUser user, Model model, Map<String, String> form, Map<String, String> errors) {
		Optional<OperatorOrganisation> org = this.applications.organisationOf(user);
		if (!user.hasRole(Role.OPERATOR)) {
			throw new cn.zhongchuang.platform.NotFoundException("new application");
		}
		model.addAttribute("organisation", org.orElse(null));
		model.addAttribute("ban", org.flatMap(this.applications::banOf).orElse(null));
		model.addAttribute("packs", org.map(this.applications::packsFor).orElse(List.of()));
		model.addAttribute("institutions", this.applications.institutionsOf(user));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "application/new";
	}

	private static long parseInstitution(String raw) {
		try {
			return Long.parseLong(raw.strip());
		}
		catch (NumberFormatException ex) {
			throw new FieldErrorException("institutionId", "请选择本机构的载体");
		}
	}

	@PostMapping("/applications")
	String create(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			String institution = form.get("institutionId");
			Application created = (institution != null && !institution.isBlank())
					? this.applications.open(user, form.get("policyId"), parseInstitution(institution))
					: this.applications.create(user, form.get("policyId"), form.get("spaceName"),
							form.get("regionCode"), form.get("specialization"));
			redirect.addFlashAttribute("toast", "已新建申请草稿，请核对事实并上传材料");
			return "redirect:/applications/" + created.id();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return newPage(user, model, form, ex.errors());
		}
	}

	@GetMapping("/applications/{id}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return detailPage(id, user, model, Map.of(), Map.of());
	}

	private String detailPage(long id, CurrentUser user, Model model, Map<String, String> errors,
			Map<String, String> form) {
		Applications.FormView view = this.applications.form(id, user);
		Application app = view.application();
		model.addAttribute("view", view);
		model.addAttribute("app", app);
		model.addAttribute("history", this.applications.history(id, user));
		model.addAttribute("stages", view.pack().definition().review().stages());
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("regionName", this.regions.fullName(app.regionCode()));
		model.addAttribute("batch", this.applications.batchOf(app).orElse(null));
		boolean owner = user.hasRole(Role.OPERATOR);
		model.addAttribute("owner", owner);
		model.addAttribute("editable", owner && app.editable());
		model.addAttribute("submissionKey", UUID.randomUUID().toString());
		ReviewStage current = this.applications.currentStage(app).orElse(null);
		model.addAttribute("currentStage", current);
		boolean atNotice = current != null && app.status().inReview()
				&& Applications.noticeStage(view.pack().definition()).filter(current.code()::equals).isPresent();
		boolean handles = current != null && app.status().inReview() && user.role().isGovernment()
				&& user.role().name().equals(app.currentStageRole());
		model.addAttribute("atNotice", atNotice);
		model.addAttribute("handlesStage", handles);
		model.addAttribute("mayDecide", handles && !atNotice);
		model.addAttribute("nextSteps", (handles && !atNotice) ? this.applications.nextSteps(app) : Map.of());
		boolean expertStage = current != null && current.expertsScore() && app.status().inReview();
		model.addAttribute("expertStage", expertStage);
		boolean mayReportFraud = app.underReview() && this.applications.reviews(app, user);
		model.addAttribute("mayReportFraud", mayReportFraud);
		if (mayReportFraud) {
			model.addAttribute("fraudConsequence", this.applications.fraudConsequence(app));
		}
		if (expertStage && user.role().isGovernment()) {
			List<Long> panels = this.applications.panelsOf(app, user);
			model.addAttribute("panelId", panels.isEmpty() ? null : panels.get(0));
			model.addAttribute("expertResults", this.applications.revealedPanel(app, user).orElse(null));
		}
		return "application/detail";
	}

	/**
	 * 申请书 for print (A4): applicant, institution, the facts with their labels, the
	 * materials and the self-check verdict.
	 */
	@GetMapping("/applications/{id}/print")
	String print(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Applications.FormView view = this.applications.form(id, user);
		model.addAttribute("view", view);
		model.addAttribute("app", view.application());
		model.addAttribute("regionName", this.regions.fullName(view.application().regionCode()));
		model.addAttribute("today", this.applications.today());
		return "application/print";
	}

	/**
	 * 审查意见 for print (A4): each stage's decision with reviewer, date and reasons, and for
	 * reviewers the experts' scores and opinions once revealed.
	 */
	@GetMapping("/applications/{id}/opinions/print")
	String printOpinions(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Applications.FormView view = this.applications.form(id, user);
		Application app = view.application();
		model.addAttribute("view", view);
		model.addAttribute("app", app);
		model.addAttribute("regionName", this.regions.fullName(app.regionCode()));
		model.addAttribute("history",
				this.applications.history(id, user)
					.stream()
					.filter((h) -> h.stageCode() != null || "RECOGNIZE".equals(h.decision()))
					.toList());
		model.addAttribute("expertResults",
				user.role().isGovernment() ? this.applications.revealedPanel(app, user).orElse(null) : null);
		model.addAttribute("today", this.applications.today());
		return "application/opinions-print";
	}

	/** Saves the declared facts and answers the live verdict (htmx, on change). */
	@PostMapping("/applications/{id}/facts")
	String facts(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		try {
			this.applications.saveFacts(id, user, form);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			detailPage(id, user, model, ex.errors(), form);
			return (htmx != null) ? "application/detail :: factsAndVerdict" : "application/detail";
		}
		if (htmx != null) {
			detailPage(id, user, model, Map.of(), Map.of());
			return "application/detail :: factsAndVerdict";
		}
		redirect.addFlashAttribute("toast", "已保存申报事实");
		return "redirect:/applications/" + id;
	}

	@PostMapping("/applications/{id}/materials/{code}")
	String upload(@PathVariable long id, @PathVariable String code, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try (InputStream in = file.getInputStream()) {
			this.applications.upload(id, code, file.getOriginalFilename(), in, file.getSize(), user);
			redirect.addFlashAttribute("toast", "已上传材料");
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "redirect:/applications/" + id + "#materials";
	}

	@PostMapping("/applications/{id}/attachments/{attachmentId}/delete")
	String deleteAttachment(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		this.applications.deleteAttachment(id, attachmentId, user);
		redirect.addFlashAttribute("toast", "已删除附件");
		return "redirect:/applications/" + id + "#materials";
	}

	@GetMapping("/applications/{id}/attachments/{attachmentId}")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		return AttachmentDownloads.download(this.applications.open(id, attachmentId, user));
	}

	@PostMapping("/applications/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) String submissionKey,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.applications.submit(id, submissionKey, user);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detailPage(id, user, model, ex.errors(), Map.of());
		}
		redirect.addFlashAttribute("toast", "申请已提交，等待审查");
		return "redirect:/applications/" + id;
	}

	@PostMapping("/applications/{id}/resubmit")
	String resubmit(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.applications.resubmit(id, version, user);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detailPage(id, user, model, ex.errors(), Map.of());
		}
		redirect.addFlashAttribute("toast", "已重新提交");
		return "redirect:/applications/" + id;
	}

	@PostMapping("/applications/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		this.applications.withdraw(id, version, user);
		redirect.addFlashAttribute("toast", "申请已撤回");
		return "redirect:/applications/" + id;
	}

	@GetMapping("/applications/notice-candidates")
	String noticeCandidates(@AuthenticationPrincipal CurrentUser user, Model model) {
		return candidatesPage(user, model, null, Map.of());
	}

	private String candidatesPage(CurrentUser user, Model model, String errorPolicy, Map<String, String> errors) {
		Map<PolicyPack, List<Application>> candidates = this.notices.candidates(user);
		Map<String, String> titles = new LinkedHashMap<>();
		int year = ChinaTime.today(this.clock).getYear();
		candidates.keySet()
			.forEach((p) -> titles.put(p.id(),
					this.regions.nameOf(user.regionCode()) + year + "年拟认定名单公示（" + p.title() + "）"));
		model.addAttribute("candidates", candidates);
		model.addAttribute("defaultTitles", titles);
		model.addAttribute("regions", this.regions);
		model.addAttribute("errorPolicy", errorPolicy);
		model.addAttribute("errors", errors);
		return "application/notice-candidates";
	}

	@PostMapping("/applications/notice-candidates")
	String putOnNotice(@AuthenticationPrincipal CurrentUser user, @RequestParam String policyId,
			@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) String title, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			long noticeId = this.notices.putOnNotice(policyId, ids, title, user);
			redirect.addFlashAttribute("toast", "已起草公示，请核对名单后发布");
			return "redirect:/bureau/notices/" + noticeId;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return candidatesPage(user, model, policyId, ex.errors());
		}
	}

	@PostMapping("/applications/{id}/panel")
	String drawPanel(@PathVariable long id, @RequestParam(defaultValue = "5") int members,
			@RequestParam(defaultValue = "2") int alternates, @RequestParam(required = false) String fields,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Set<String> wanted = (fields == null) ? Set.of()
				: Arrays.stream(fields.split("[,，、;；\\s]+")).filter((f) -> !f.isBlank()).collect(Collectors.toSet());
		try {
			ExpertPanels.Drawn drawn = this.applications.drawPanel(id, members, alternates, wanted, user);
			redirect.addFlashAttribute("toast", "已随机抽取评审专家 " + drawn.members().size() + " 名、候补 "
					+ drawn.alternates().size() + " 名；回避 " + drawn.excluded().size() + " 名");
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		return "redirect:/applications/" + id + "#experts";
	}

	/**
	 * 审查中发现申报材料虚假: the reviewer records the finding; the application is rejected and the
	 * pack's ban applies (the page's confirmation names it).
	 */
	@PostMapping("/applications/{id}/fraud")
	String reportFraud(@PathVariable long id, @RequestParam(required = false) String finding, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.applications.reportFraud(id, finding, version, user);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detailPage(id, user, model, ex.errors(), Map.of("finding", (finding == null) ? "" : finding));
		}
		redirect.addFlashAttribute("toast", "已记录审查中发现的欺诈，申请不予通过；处理记录见处罚登记");
		return "redirect:/applications/" + id;
	}

	@PostMapping("/applications/{id}/decision")
	String decide(@PathVariable long id, @RequestParam String stage, @RequestParam String decision,
			@RequestParam(required = false) String reasons, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Application.Decision d;
		try {
			d = Application.Decision.valueOf(decision);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(422);
			return detailPage(id, user, model, Map.of("decision", "请选择审查决定"), Map.of());
		}
		try {
			this.applications.decide(id, stage, d, reasons, version, user);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			Map<String, String> form = new LinkedHashMap<>();
			form.put("reasons", (reasons == null) ? "" : reasons);
			form.put("decision", decision);
			return detailPage(id, user, model, ex.errors(), form);
		}
		redirect.addFlashAttribute("toast", "已记录审查决定");
		return "redirect:/applications";
	}

}
