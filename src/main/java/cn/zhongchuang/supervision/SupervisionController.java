package cn.zhongchuang.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.attachment.AttachmentDownloads;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * 动态管理 pages. Operators: /supervision (their orders, their change reports, the form to
 * report a change), an order with its answer and evidence. Bureau users:
 * /bureau/supervision (orders of their region with a status filter, change reports with
 * the late flag, the form to issue an order), an order with the decision.
 */
@Controller
class SupervisionController {

	private final Supervision supervision;

	SupervisionController(Supervision supervision) {
		this.supervision = supervision;
	}

	// --- operator

	@GetMapping("/supervision")
	@PreAuthorize("hasRole('OPERATOR')")
	String mine(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		if (htmx != null) {
			myOrders(user, status, q, list, model);
			return "supervision/mine :: results";
		}
		return minePage(user, status, q, list, model, Map.of(), new ChangeForm(null, null, null, null));
	}

	@PostMapping("/supervision/changes")
	@PreAuthorize("hasRole('OPERATOR')")
	String report(@RequestParam(required = false) Long recognitionId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
			@RequestParam(required = false) String description, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (recognitionId == null) {
				throw new FieldErrorException("recognitionId", "请选择认定");
			}
			ConditionChange c = this.supervision.reportChange(recognitionId, kind, occurredOn, description, user);
			redirect.addFlashAttribute(c.late() ? "toastError" : "toast",
					c.late() ? "条件变化已报告，但晚于政策规定的 " + c.limitMonths() + " 个月报告期限，已标记为逾期报告" : "条件变化已报告");
			return "redirect:/supervision";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return minePage(user, null, null, ListParams.none(), model, ex.errors(),
					new ChangeForm(recognitionId, kind, occurredOn, description));
		}
	}

	private String minePage(CurrentUser user, String status, String q, ListParams list, Model model,
			Map<String, String> errors, ChangeForm form) {
		model.addAttribute("organisation", this.supervision.organisationOf(user).orElse(null));
		model.addAttribute("recognitions", this.supervision.myRecognitions(user));
		myOrders(user, status, q, list, model);
		model.addAttribute("changes", this.supervision.myChanges(user));
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("today", this.supervision.today());
		return "supervision/mine";
	}

	private void myOrders(CurrentUser user, String status, String q, ListParams list, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("statuses", RectificationOrder.Status.values());
		this.supervision.myOrders(user, status(status), q).page(list).addTo(model);
	}

	/** A status the list knows, or none (all). */
	static String status(String status) {
		if (status == null) {
			return null;
		}
		for (RectificationOrder.Status s : RectificationOrder.Status.values()) {
			if (s.name().equals(status.strip())) {
				return s.name();
			}
		}
		return null;
	}

	@GetMapping("/supervision/orders/{id}")
	@PreAuthorize("hasRole('OPERATOR')")
	String order(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return orderPage(id, user, model, Map.of(), "supervision/order");
	}

	@PostMapping("/supervision/orders/{id}/answer")
	@PreAuthorize("hasRole('OPERATOR')")
	String answer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String answer,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.supervision.answer(id, version, answer, user);
			redirect.addFlashAttribute("toast", "整改情况已提交，等待审核");
			return "redirect:/supervision/orders/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			model.addAttribute("answerText", answer);
			return orderPage(id, user, model, ex.errors(), "supervision/order");
		}
	}

	@PostMapping("/supervision/orders/{id}/evidence")
	@PreAuthorize("hasRole('OPERATOR')")
	String upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.supervision.upload(id, file.getOriginalFilename(), file.getInputStream(), file.getSize(), user);
			redirect.addFlashAttribute("toast", "证明材料已上传");
			return "redirect:/supervision/orders/" + id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return orderPage(id, user, model, Map.of("file", String.join("；", ex.errors().values())),
					"supervision/order");
		}
	}

	@GetMapping({ "/supervision/orders/{id}/evidence/{attachmentId}",
			"/bureau/supervision/orders/{id}/evidence/{attachmentId}" })
	@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	ResponseEntity<?> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		return AttachmentDownloads.download(this.supervision.open(id, attachmentId, user));
	}

	// --- bureau

	@GetMapping("/bureau/supervision")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String bureau(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean late, ListParams list,
			@AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("region", region);
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("late", Boolean.TRUE.equals(late));
		model.addAttribute("scope", user.regionCode());
		model.addAttribute("statuses", RectificationOrder.Status.values());
		this.supervision.ordersForBureau(user, region, status, q).page(list).addTo(model);
		if (htmx != null) {
			return "supervision/bureau :: results";
		}
		model.addAttribute("changes", this.supervision.changesForBureau(user, region, Boolean.TRUE.equals(late)));
		return "supervision/bureau";
	}

	@GetMapping("/bureau/supervision/new")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String issueForm(@RequestParam(required = false) String number, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return issuePage(number, null, null, Map.of(), user, model);
	}

	@PostMapping("/bureau/supervision/orders")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String issue(@RequestParam(required = false) String number, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		RecognitionSummary rec;
		try {
			rec = this.supervision.recognition(number, user);
		}
		catch (NotFoundException ex) {
			response.setStatus(422);
			return issuePage(number, reason, deadline, Map.of("number", "本辖区没有编号为 " + number + " 的认定"), user, model);
		}
		try {
			RectificationOrder order = this.supervision.issue(rec.id(), reason, deadline, user);
			redirect.addFlashAttribute("toast", "整改通知已下达，整改期限 " + ChinaTime.format(order.deadline));
			return "redirect:/bureau/supervision/orders/" + order.id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return issuePage(number, reason, deadline, ex.errors(), user, model);
		}
	}

	private String issuePage(String number, String reason, LocalDate deadline, Map<String, String> errors,
			CurrentUser user, Model model) {
		model.addAttribute("number", number);
		model.addAttribute("reason", reason);
		model.addAttribute("deadline", deadline);
		model.addAttribute("errors", errors);
		if (number != null && !number.isBlank() && !errors.containsKey("number")) {
			try {
				RecognitionSummary rec = this.supervision.recognition(number, user);
				model.addAttribute("rec", rec);
				model.addAttribute("dynamic", this.supervision.dynamicOf(rec.policyId()));
			}
			catch (NotFoundException ex) {
				model.addAttribute("errors", Map.of("number", "本辖区没有编号为 " + number + " 的认定"));
			}
		}
		return "supervision/issue";
	}

	@GetMapping("/bureau/supervision/orders/{id}")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String bureauOrder(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return orderPage(id, user, model, Map.of(), "supervision/bureau-order");
	}

	@PostMapping("/bureau/supervision/orders/{id}/decide")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	String decide(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (!"ACCEPT".equals(outcome) && !"REJECT".equals(outcome)) {
				throw new FieldErrorException("outcome", "请选择通过或不通过");
			}
			RectificationOrder order = this.supervision.decide(id, version, "ACCEPT".equals(outcome), note, user);
			redirect.addFlashAttribute("toast", "审核结果已保存" + (order.lapsed ? "：整改未达要求，认定资格已失效并已公告" : ""));
			return "redirect:/bureau/supervision/orders/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			model.addAttribute("note", note);
			return orderPage(id, user, model, ex.errors(), "supervision/bureau-order");
		}
	}

	private String orderPage(long id, CurrentUser user, Model model, Map<String, String> errors, String view) {
		RectificationOrder order = this.supervision.visible(id, user);
		model.addAttribute("order", order);
		model.addAttribute("statusLabel", order.label());
		model.addAttribute("evidence", this.supervision.evidence(order));
		model.addAttribute("dynamic", this.supervision.dynamicOf(order.policyId));
		model.addAttribute("errors", errors);
		model.addAttribute("today", this.supervision.today());
		return view;
	}

	record ChangeForm(Long recognitionId, String kind, LocalDate occurredOn, String description) {
	}

}
