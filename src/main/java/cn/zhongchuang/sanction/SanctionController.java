package cn.zhongchuang.sanction;

import java.util.Map;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 处罚登记: the sanctions register of the bureau's region (filter by region, keyword, bans in
 * force) and the fraud finding form for one recognition. Another region's recognition
 * answers 404.
 */
@Controller
@RequestMapping("/bureau/sanctions")
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class SanctionController {

	private final Sanctions sanctions;

	SanctionController(Sanctions sanctions) {
		this.sanctions = sanctions;
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean active, ListParams list, @AuthenticationPrincipal CurrentUser user,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("region", region);
		model.addAttribute("q", q);
		model.addAttribute("active", Boolean.TRUE.equals(active));
		model.addAttribute("scope", user.regionCode());
		model.addAttribute("today", this.sanctions.today());
		this.sanctions.registerList(user, region, q, Boolean.TRUE.equals(active))
			.map(this::view)
			.page(list)
			.addTo(model);
		return (htmx != null) ? "sanction/list :: results" : "sanction/list";
	}

	@GetMapping("/new")
	String form(@RequestParam(required = false) String number, @AuthenticationPrincipal CurrentUser user, Model model) {
		return form(number, null, null, Map.of(), user, model);
	}

	@PostMapping
	String record(@RequestParam(required = false) String number, @RequestParam(required = false) String finding,
			@RequestParam(required = false) String recovery, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		RecognitionSummary rec;
		try {
			rec = this.sanctions.recognition(number, user);
		}
		catch (NotFoundException ex) {
			response.setStatus(422);
			return form(number, finding, recovery, Map.of("number", "本辖区没有编号为 " + number + " 的认定"), user, model);
		}
		try {
			Sanction s = this.sanctions.record(rec.id(), finding, recovery, user);
			redirect.addFlashAttribute("toast", "已记录认定 " + s.recognitionNumber() + " 的欺诈处理"
					+ ((s.banEndsOn() != null) ? "，禁止申请至 " + s.banEndsOn() : "（政策未规定禁止申请年限）"));
			return "redirect:/bureau/sanctions";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(number, finding, recovery, ex.errors(), user, model);
		}
	}

	private String form(String number, String finding, String recovery, Map<String, String> errors, CurrentUser user,
			Model model) {
		model.addAttribute("number", number);
		model.addAttribute("finding", finding);
		model.addAttribute("recovery", recovery);
		model.addAttribute("errors", errors);
		if (number != null && !number.isBlank() && !errors.containsKey("number")) {
			try {
				RecognitionSummary rec = this.sanctions.recognition(number, user);
				model.addAttribute("rec", rec);
				model.addAttribute("rule", this.sanctions.rule(rec));
			}
			catch (NotFoundException ex) {
				model.addAttribute("errors", Map.of("number", "本辖区没有编号为 " + number + " 的认定"));
			}
		}
		return "sanction/form";
	}

	SanctionView view(Sanction s) {
		return new SanctionView(s, this.sanctions.regionName(s.regionCode()), s.banActiveOn(this.sanctions.today()));
	}

	record SanctionView(Sanction s, String regionName, boolean banActive) {
	}

}
