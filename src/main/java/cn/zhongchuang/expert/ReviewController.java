package cn.zhongchuang.expert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.attachment.AttachmentDownloads;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.policy.PackDefinition.ScoringItem;

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
 * 我的评审 for experts: only the subjects of panels they serve on (anything else is 404); the
 * scoring sheet with the opinion and the on-site inspection record, and its photos.
 */
@Controller
@PreAuthorize("hasRole('EXPERT')")
class ReviewController {

	private final ExpertPanels panels;

	private final Experts experts;

	ReviewController(ExpertPanels panels, Experts experts) {
		this.panels = panels;
		this.experts = experts;
	}

	@GetMapping("/my-reviews")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("reviews", this.panels.assigned(user).stream().map((p) -> {
			PanelMember m = p.memberFor(this.panels.expertIdOf(user)).orElseThrow();
			return new Assigned(p.id(), p.subject().title(), p.subject().operatorName(), p.drawnAt(), m.status().name(),
					p.status().name());
		}).toList());
		return "expert/reviews";
	}

	@GetMapping("/my-reviews/{id:\\d+}")
	String form(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Panel panel = this.panels.visible(id, user);
		PanelMember member = this.panels.ownMembership(id, user);
		Map<String, String> values = new LinkedHashMap<>();
		if (member.scores() != null) {
			member.scores().forEach((k, v) -> values.put("score_" + k, String.valueOf(v)));
		}
		PanelMember.Inspection in = member.inspection();
		values.put("opinion", member.opinion());
		values.put("inspectedOn", (in != null && in.date() != null) ? in.date().toString() : null);
		values.put("inspectionPlace", (in != null) ? in.place() : null);
		values.put("inspectionFindings", (in != null) ? in.findings() : null);
		return page(panel, member, values, Map.of(), user, model);
	}

	@PostMapping("/my-reviews/{id:\\d+}")
	String submit(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Panel panel = this.panels.visible(id, user);
		Map<String, String> scores = new LinkedHashMap<>();
		Map<String, String> values = new LinkedHashMap<>();
		for (ScoringItem item : panel.sheet()) {
			scores.put(item.code(), request.getParameter("score_" + item.code()));
			values.put("score_" + item.code(), request.getParameter("score_" + item.code()));
		}
		for (String name : new String[] { "opinion", "inspectedOn", "inspectionPlace", "inspectionFindings" }) {
			values.put(name, request.getParameter(name));
		}
		try {
			Panel saved = this.panels.submit(id, version, new ScoreInput(scores, values.get("opinion"),
					values.get("inspectedOn"), values.get("inspectionPlace"), values.get("inspectionFindings")), user);
			redirect.addFlashAttribute("toast",
					(saved.status() == Panel.Status.REVEALED) ? "评分已提交；全部专家已提交，评分揭晓" : "评分已提交（密封），在全部专家提交前可以修改");
			return "redirect:/my-reviews/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return page(panel, this.panels.ownMembership(id, user), values, ex.errors(), user, model);
		}
	}

	@PostMapping("/my-reviews/{id:\\d+}/photos")
	String upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			this.panels.uploadPhoto(id, file.getOriginalFilename(), file.getInputStream(), file.getSize(), user);
			redirect.addFlashAttribute("toast", "考察照片已上传");
		}
		catch (FieldErrorException ex) {
			redirect.addFlashAttribute("toastError", String.join("；", ex.errors().values()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "redirect:/my-reviews/" + id;
	}

	@GetMapping("/my-reviews/{id:\\d+}/photos/{photo:\\d+}")
	ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long photo,
			@AuthenticationPrincipal CurrentUser user) {
		PanelMember member = this.panels.ownMembership(id, user);
		return AttachmentDownloads.download(this.panels.openPhoto(id, member.id(), photo, user));
	}

	private String page(Panel panel, PanelMember member, Map<String, String> values, Map<String, String> errors,
			CurrentUser user, Model model) {
		model.addAttribute("panel",
				PanelView.of(panel, null, (expertId) -> this.experts.findById(expertId).orElseThrow()));
		model.addAttribute("memberStatus", member.status().name());
		model.addAttribute("memberVersion", member.version());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("editable", panel.status() == Panel.Status.SEALED);
		model.addAttribute("photos", this.panels.photos(panel.id(), member.id(), user));
		return "expert/review";
	}

	record Assigned(long panelId, String title, String operatorName, java.time.Instant drawnAt, String memberStatus,
			String panelStatus) {
	}

}
