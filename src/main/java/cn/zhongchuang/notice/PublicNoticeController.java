package cn.zhongchuang.notice;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.FieldErrorException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 公示 for anyone: the list, a notice with its objection form, and a printable A4 page.
 * Drafts are not public and answer 404.
 */
@Controller
@RequestMapping("/notices")
class PublicNoticeController {

	private final Notices notices;

	PublicNoticeController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping
	String list(Model model) {
		// no form, no CSRF token: the same page for every visitor
		model.addAttribute("sessionless", true);
		model.addAttribute("notices", this.notices.publicNotices().stream().map(this.notices::view).toList());
		return "notice/public-list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("form", new ObjectionForm(null, null, null, null));
		return detail(id, model, Map.of());
	}

	@GetMapping("/{id}/print")
	String print(@PathVariable long id, Model model) {
		model.addAttribute("notice", this.notices.view(this.notices.publicNotice(id)));
		return "notice/print";
	}

	@PostMapping("/{id}/objections")
	String lodge(@PathVariable long id, ObjectionForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			long itemId = (form.itemId() != null) ? form.itemId() : -1;
			this.notices.lodgeObjection(id, itemId, form.name(), form.phone(), form.content());
			redirect.addFlashAttribute("toast", "异议已提交。我们将调查核实并作出答复，公示结束前处理完毕。");
			return "redirect:/notices/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			model.addAttribute("form", form);
			return detail(id, model, ex.errors());
		}
	}

	private String detail(long id, Model model, Map<String, String> errors) {
		NoticeView notice = this.notices.view(this.notices.publicNotice(id));
		model.addAttribute("notice", notice);
		model.addAttribute("errors", errors);
		model.addAttribute("maxContent", Notices.MAX_CONTENT);
		return "notice/public-detail";
	}

	/** What a member of the public types into the objection form. */
	record ObjectionForm(Long itemId, String name, String phone, String content) {
	}

}
