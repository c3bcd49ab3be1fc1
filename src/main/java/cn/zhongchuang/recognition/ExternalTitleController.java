package cn.zhongchuang.recognition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.attachment.AttachmentDownloads;
import cn.zhongchuang.institution.InstitutionKind;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PackDefinition;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 外部认定 pages in 认定管理: the form (an institution of the region, or one known only from the
 * document) with the scan; the scan of a recorded title; the end (撤销 / 失效) of a title
 * that no pack of this system governs, as its authority decided.
 */
@Controller
class ExternalTitleController {

	private final ExternalTitles external;

	private final Recognitions recognitions;

	private final TitleLevels levels;

	ExternalTitleController(ExternalTitles external, Recognitions recognitions, TitleLevels levels) {
		this.external = external;
		this.recognitions = recognitions;
		this.levels = levels;
	}

	@GetMapping("/bureau/recognitions/external/new")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String form(@RequestParam(required = false) Long institution, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		requireMayRecord(user);
		ExternalTitles.Form form = new ExternalTitles.Form(institution, null, null, null, null, null, null,
				this.levels.levelOf(user).orElse(null), null, null, null, null, null);
		return form(form, Map.of(), user, model);
	}

	@PostMapping("/bureau/recognitions/external")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String record(ExternalTitles.Request request,
			@RequestParam(name = "evidence", required = false) MultipartFile evidence,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireMayRecord(user);
		ExternalTitles.Form form = request.form();
		try {
			Recognition saved = this.external.record(form, evidence(evidence), user);
			redirect.addFlashAttribute("toast", "已登记外部认定：" + saved.request().institutionName() + "（"
					+ Recognitions.levelLabel(saved.request().level()) + "，" + saved.reference() + "）");
			return "redirect:/institutions/" + saved.request().institutionId();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(form, ex.errors(), user, model);
		}
	}

	@GetMapping("/bureau/recognitions/{id:\\d+}/evidence")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	ResponseEntity<Resource> evidence(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return AttachmentDownloads.download(this.external.evidence(id, user));
	}

	@GetMapping("/bureau/recognitions/{id:\\d+}/end")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String endForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return endForm(endable(id, user), null, null, null, Map.of(), model);
	}

	@PostMapping("/bureau/recognitions/{id:\\d+}/end")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String end(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String announcement,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Recognition r = endable(id, user);
		Recognitions.Outcome o = null;
		try {
			o = (outcome == null) ? null : Recognitions.Outcome.valueOf(outcome);
		}
		catch (IllegalArgumentException ex) {
			// answered as a missing outcome below
		}
		try {
			this.recognitions.revoke(id, o, reason, announcement, null, user);
			redirect.addFlashAttribute("toast",
					"已登记：" + r.request().institutionName() + "的" + Recognitions.levelLabel(r.request().level()) + "称号"
							+ ((o == Recognitions.Outcome.REVOKED) ? "已撤销" : "已失效"));
			return "redirect:/institutions/" + r.request().institutionId();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return endForm(r, outcome, reason, announcement, ex.errors(), model);
		}
	}

	/**
	 * A title without a pack the user may end: an external one (a user who may record
	 * them) or one granted here on a recommendation (a user at its level); 404 otherwise.
	 */
	private Recognition endable(long id, CurrentUser user) {
		Recognition r = this.recognitions.get(id, user);
		boolean may = r.request().policyId() == null && (r.external() ? this.external.mayRecord(user)
				: this.levels.actsAt(user, r.request().level(), r.regionCode()));
		if (!may) {
			throw new NotFoundException("recognition " + id + " to end");
		}
		return r;
	}

	private String endForm(Recognition r, String outcome, String reason, String announcement,
			Map<String, String> errors, Model model) {
		model.addAttribute("rec", RecognitionView.of(r, this.recognitions));
		model.addAttribute("outcome", outcome);
		model.addAttribute("reason", reason);
		model.addAttribute("announcement", announcement);
		model.addAttribute("errors", errors);
		return "recognition/end-form";
	}

	private String form(ExternalTitles.Form form, Map<String, String> errors, CurrentUser user, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("candidates", this.external.candidates(user, null));
		model.addAttribute("levels", PackDefinition.Level.values());
		model.addAttribute("kinds", InstitutionKind.values());
		model.addAttribute("today", LocalDate.now(cn.zhongchuang.platform.ChinaTime.ZONE));
		model.addAttribute("scope", user.regionCode());
		return "recognition/external-form";
	}

	private void requireMayRecord(CurrentUser user) {
		if (!this.external.mayRecord(user)) {
			throw new NotFoundException("external titles for " + user.username());
		}
	}

	static ExternalTitles.Evidence evidence(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return new ExternalTitles.Evidence(file.getOriginalFilename(), file.getInputStream(), file.getSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
