package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

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
		model.addAttribute("rec", RecognitionView.of(r, this.recognitions));
		return "recognition/detail";
	}

	@GetMapping("/verify")
	String verifyForm(@RequestParam(required = false) String code) {
		if (code != null && !code.isBlank()) {
			return "redirect:/verify/"
					+ UriUtils.encodePathSegment(code.strip(), java.nio.charset.StandardCharsets.UTF_8);
		}
		return "recognition/verify";
	}

	@GetMapping("/verify/{code}")
	String verify(@PathVariable String code, Model model) {
		model.addAttribute("code", code);
		this.recognitions.verify(code)
			.ifPresent((r) -> model.addAttribute("rec", RecognitionView.of(r, this.recognitions)));
		return "recognition/verify";
	}

}
