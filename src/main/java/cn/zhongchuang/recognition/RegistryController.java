package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 认定名录 and 证书验证 for anyone: search by region (cascade), level and keyword; one
 * institution; a certificate's verification code.
 */
@Controller
class RegistryController {

	private final Recognitions recognitions;

	RegistryController(Recognitions recognitions) {
		this.recognitions = recognitions;
	}

	@GetMapping("/registry")
	String search(@RequestParam(required = false) String region, @RequestParam(required = false) String level,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		// no CSRF token on the page (its forms only GET): the same page for every visitor
		model.addAttribute("sessionless", true);
		model.addAttribute("region", region);
		model.addAttribute("status", status);
		model.addAttribute("statuses", Recognition.Status.values());
		model.addAttribute("announcements", this.recognitions.announcements(region, 10));
		model.addAttribute("level", level);
		model.addAttribute("q", q);
		model.addAttribute("levels", cn.zhongchuang.policy.PackDefinition.Level.values());
		model.addAttribute("results", this.recognitions.registryRows(region, level, q, status, page)
			.map((r) -> RecognitionView.of(r, this.recognitions)));
		return (htmx != null) ? "recognition/registry :: results" : "recognition/registry";
	}

	@GetMapping("/registry/{number}")
	String detail(@PathVariable String number, Model model) {
		Recognition r = this.recognitions.findByNumber(number)
			.orElseThrow(() -> new NotFoundException("recognition " + number));
		model.addAttribute("sessionless", true);
		model.addAttribute("rec", RecognitionView.of(r, this.recognitions));
		model.addAttribute("seal", this.recognitions.seal(r.id()));
		return "recognition/detail";
	}

	@GetMapping("/verify")
	String verifyForm(@RequestParam(required = false) String code, Model model) {
		model.addAttribute("sessionless", true);
		if (code != null && !code.isBlank()) {
			String bare = bareCode(code);
			if (bare.matches("[A-Za-z0-9]{1,32}")) {
				return "redirect:/verify/" + bare.toUpperCase(java.util.Locale.ROOT);
			}
			// not a code at all: say so on the page, never a redirect to a path the
			// server refuses
			model.addAttribute("code", code.strip());
		}
		return "recognition/verify";
	}

	/**
	 * The code out of what a visitor pasted: the bare code, or the 验证网址 printed on the
	 * certificate ({@code https://…/verify/ABCD…}), with spaces and dashes of a grouped
	 * code removed.
	 */
	static String bareCode(String input) {
		String s = input.strip();
		int at = s.lastIndexOf("/verify/");
		if (at >= 0) {
			s = s.substring(at + "/verify/".length());
		}
		int end = s.length();
		for (char c : new char[] { '?', '#', '/' }) {
			int i = s.indexOf(c);
			if (i >= 0 && i < end) {
				end = i;
			}
		}
		return s.substring(0, end).replaceAll("[\\s\\-]", "");
	}

	@GetMapping("/verify/{code}")
	String verify(@PathVariable String code, Model model) {
		model.addAttribute("sessionless", true);
		model.addAttribute("code", code);
		this.recognitions.verify(code).ifPresent((r) -> {
			model.addAttribute("rec", RecognitionView.of(r, this.recognitions));
			model.addAttribute("seal", this.recognitions.seal(r.id()));
		});
		return "recognition/verify";
	}

}
