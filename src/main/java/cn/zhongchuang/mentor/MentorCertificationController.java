package cn.zhongchuang.mentor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import cn.zhongchuang.attachment.AttachmentDownloads;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.Role;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 创业导师认定 for staff: the list (an operator's own nominations; a government user's region),
 * the nomination form (operators), one nomination with the province's decisions (certify,
 * refuse, revoke; each asks for confirmation naming its consequence).
 */
@Controller
@RequestMapping("/mentor-certifications")
@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
class MentorCertificationController {

	private final Mentors mentors;

	MentorCertificationController(Mentors mentors) {
		this.mentors = mentors;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("today", this.mentors.today());
		model.addAttribute("operator", user.hasRole(Role.OPERATOR));
		model.addAttribute("statuses", MentorCertification.Status.values());
		this.mentors.list(user, q, status).map((c) -> view(c)).page(list).addTo(model);
		return (htmx != null) ? "mentor/list :: results" : "mentor/list";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('OPERATOR')")
	String form(@RequestParam(required = false) Long mentorRecordId, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return form(new Mentors.Form(mentorRecordId, null, null, null, null, null, null, null), Map.of(), user, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('OPERATOR')")
	String submit(@RequestParam(required = false) Long mentorRecordId,
			@RequestParam(required = false) Long institutionId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String field, @RequestParam(required = false) String employer,
			@RequestParam(required = false) String experience,
			@RequestParam(name = "evidence", required = false) MultipartFile evidence,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Mentors.Form form = new Mentors.Form(mentorRecordId, institutionId, name, idNumber, phone, field, employer,
				experience);
		try {
			long id = this.mentors.submit(form, evidence(evidence), user);
			redirect.addFlashAttribute("toast", "已提交创业导师认定申请，等待省级科技部门审核");
			return "redirect:/mentor-certifications/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(form, ex.errors(), user, model);
		}
	}

	private String form(Mentors.Form form, Map<String, String> errors, CurrentUser user, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("choices", this.mentors.choices(user));
		return "mentor/form";
	}

	@GetMapping("/{id:\\d+}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return detail(this.mentors.get(id, user), Map.of(), user, model);
	}

	private String detail(MentorCertification c, Map<String, String> errors, CurrentUser user, Model model) {
		model.addAttribute("v", view(c));
		model.addAttribute("c", c);
		model.addAttribute("errors", errors);
		model.addAttribute("mayDecide", this.mentors.mayDecide(c, user));
		model.addAttribute("regionName", this.mentors.regionName(c.regionCode()));
		model.addAttribute("provinceName", this.mentors.regionName(c.provinceCode()));
		model.addAttribute("termYears", this.mentors.termYears());
		model.addAttribute("evidence", this.mentors.evidenceRef(c).orElse(null));
		model.addAttribute("samePerson", this.mentors.certificateInForceOfSamePerson(c).orElse(null));
		return "mentor/detail";
	}

	@PostMapping("/{id:\\d+}/certify")
	@PreAuthorize("hasRole('PROVINCE')")
	String certify(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			MentorCertification c = this.mentors.certify(id, version, user);
			redirect.addFlashAttribute("toast", "已认定创业导师“" + c.name() + "”，证书编号 " + c.certificateNumber());
			return "redirect:/mentor-certifications/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.mentors.get(id, user), ex.errors(), user, model);
		}
	}

	@PostMapping("/{id:\\d+}/refuse")
	@PreAuthorize("hasRole('PROVINCE')")
	String refuse(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			MentorCertification c = this.mentors.refuse(id, version, reason, user);
			redirect.addFlashAttribute("toast", "已决定不予认定“" + c.name() + "”");
			return "redirect:/mentor-certifications/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.mentors.get(id, user), Map.of("refuseReason", String.join("；", ex.errors().values())),
					user, model);
		}
	}

	@PostMapping("/{id:\\d+}/revoke")
	@PreAuthorize("hasRole('PROVINCE')")
	String revoke(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			MentorCertification c = this.mentors.revoke(id, version, reason, user);
			redirect.addFlashAttribute("toast", "已撤销“" + c.name() + "”的创业导师证书 " + c.certificateNumber());
			return "redirect:/mentor-certifications/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.mentors.get(id, user), Map.of("revokeReason", String.join("；", ex.errors().values())),
					user, model);
		}
	}

	@GetMapping("/{id:\\d+}/evidence")
	ResponseEntity<Resource> evidence(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return AttachmentDownloads.download(this.mentors.evidence(id, user));
	}

	View view(MentorCertification c) {
		MentorCertification.Status s = c.statusOn(this.mentors.today());
		return new View(c, MentorCertification.label(s), s.name(), MentorCertification.label(c.origin()),
				IdNumbers.masked(c.idNumber()));
	}

	/** A row as the pages show it: the status as of today, the ID number masked. */
	record View(MentorCertification c, String statusLabel, String status, String originLabel, String maskedId) {
	}

	static Mentors.Evidence evidence(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return new Mentors.Evidence(file.getOriginalFilename(), file.getInputStream(), file.getSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
