package cn.zhongchuang.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListPage;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.MessageSource;
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
 * 公示管理: the bureau's notices of its region; publish, answer objections, close or
 * withdraw. A notice of another region answers 404.
 */
@Controller
@RequestMapping("/bureau/notices")
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class NoticeController {

	private final Notices notices;

	private final MessageSource messages;

	NoticeController(Notices notices, MessageSource messages) {
		this.notices = notices;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		ListPage<NoticeView> page = this.notices.forBureau(user, status, q).map(this.notices::view).page(list);
		page.addTo(model);
		model.addAttribute("notices", page.results().items());
		model.addAttribute("statuses", Notice.Status.values());
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		return (htmx != null) ? "notice/bureau-list :: results" : "notice/bureau-list";
	}

	/** 导出 Excel: every notice the filters leave, in the order of the page. */
	@GetMapping("/export")
	void export(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			ListParams list, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		ListExport.respond(response, "公示管理", List.of(ListExport.column("标题", NoticeView::title),
				ListExport.column("政策", NoticeView::policyTitle), ListExport.column("行政区划", NoticeView::regionName),
				ListExport.column("发布机关", NoticeView::issuingAuthority),
				ListExport.column("公示开始日期", NoticeView::startsOn), ListExport.column("公示结束日期", NoticeView::endsOn),
				ListExport.column("名单（家）", (NoticeView n) -> n.items().size()),
				ListExport.column("待答复异议", NoticeView::openObjections),
				ListExport.column("状态",
						(NoticeView n) -> this.messages.getMessage("notice.status." + n.status(), null, n.status(),
								Locale.SIMPLIFIED_CHINESE))),
				this.notices.forBureau(user, status, q).map(this.notices::view), list);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return detail(id, user, model, Map.of(), null);
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Notices.Published published = this.notices.publish(id, startsOn, user);
			redirect.addFlashAttribute("toast",
					"公示已发布，公示期至 " + ChinaTime.format(published.endsOn()) + "（" + published.workingDays() + " 个工作日）");
			if (published.calendarWarning() != null) {
				redirect.addFlashAttribute("toastError", published.calendarWarning());
			}
			return "redirect:/bureau/notices/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(id, user, model, ex.errors(), null);
		}
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Notices.NoticeClosed closed = this.notices.close(id, user);
		redirect.addFlashAttribute("toast", "公示已结束：" + closed.items().size() + " 家可予认定");
		return "redirect:/bureau/notices/" + id;
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Notices.NoticeWithdrawn withdrawn = this.notices.withdraw(id, reason, user);
			redirect.addFlashAttribute("toast", "公示已撤回：名单中的 " + withdrawn.items().size() + " 家可重新列入公示");
			return "redirect:/bureau/notices/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			model.addAttribute("withdrawReason", reason);
			return detail(id, user, model, ex.errors(), null);
		}
	}

	@PostMapping("/{id}/objections/{objectionId}/answer")
	String answer(@PathVariable long id, @PathVariable long objectionId, @RequestParam int version,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String investigation,
			@RequestParam(required = false) String answer, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.notices.answerObjection(id, objectionId, version, outcome, investigation, answer, user);
			redirect.addFlashAttribute("toast", "异议答复已保存");
			return "redirect:/bureau/notices/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			model.addAttribute("answerForm", new AnswerForm(outcome, investigation, answer));
			return detail(id, user, model, ex.errors(), objectionId);
		}
	}

	private String detail(long id, CurrentUser user, Model model, Map<String, String> errors, Long objectionInError) {
		NoticeView notice = this.notices.view(this.notices.get(id, user));
		model.addAttribute("notice", notice);
		model.addAttribute("errors", errors);
		model.addAttribute("objectionInError", objectionInError);
		model.addAttribute("today", this.notices.today());
		if (!model.containsAttribute("answerForm")) {
			model.addAttribute("answerForm", new AnswerForm(null, null, null));
		}
		return "notice/bureau-detail";
	}

	record AnswerForm(String outcome, String investigation, String answer) {
	}

}
