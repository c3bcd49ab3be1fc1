package cn.zhongchuang.mentor;

import java.util.Map;

import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.PageResult;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public registry of certified mentors, for anyone, without signing in: name, field,
 * employer, institution, certificate number, term and status; never the ID number or the
 * phone. By default only certificates in force; revoked and lapsed ones on asking for
 * all.
 */
@Controller
class MentorRegistryController {

	private final Mentors mentors;

	MentorRegistryController(Mentors mentors) {
		this.mentors = mentors;
	}

	/**
	 * {@code scope} empty: the mentors whose certificate is in force (a visitor looks for
	 * a mentor); {@code all}: also revoked and lapsed certificates (to check one).
	 */
	@GetMapping("/mentors")
	String page(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, Model model, HttpServletResponse response) {
		// no CSRF token on the page (its form only GETs): no session for a visitor
		model.addAttribute("sessionless", true);
		model.addAttribute("q", q);
		model.addAttribute("field", field);
		boolean all = "all".equals(scope);
		model.addAttribute("scope", all ? "all" : "");
		model.addAttribute("fields", this.mentors.registryFields());
		PageResult<Mentors.RegistryEntry> results;
		try {
			if (scope != null && !scope.isBlank() && !all) {
				throw new FieldErrorException("scope", "证书范围只能是“有效证书”或“全部证书”");
			}
			results = this.mentors.registry(q, field, !all, page, size);
			model.addAttribute("errors", Map.of());
		}
		catch (FieldErrorException ex) {
			response.setStatus(400);
			model.addAttribute("errors", ex.errors());
			results = this.mentors.registry(null, null, true, null, null);
		}
		model.addAttribute("results", results);
		return "mentor/registry";
	}

}
