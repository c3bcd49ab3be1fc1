package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 认定管理: the recognitions of the bureau's region and their certificates. Another region's
 * recognition answers 404.
 */
@Controller
@RequestMapping("/bureau/recognitions")
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
class RecognitionController {

	private final Recognitions recognitions;

	private final Certificates certificates;

	private final ExternalTitles external;

	private final Recommendations recommendations;

	RecognitionController(Recognitions recognitions, Certificates certificates, ExternalTitles external,
			Recommendations recommendations) {
		this.recommendations = recommendations;
		this.recognitions = recognitions;
		this.certificates = certificates;
		this.external = external;
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String level,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("region", region);
		model.addAttribute("level", level);
		model.addAttribute("q", q);
		model.addAttribute("levels", cn.zhongchuang.policy.PackDefinition.Level.values());
		model.addAttribute("mayRecordExternal", this.external.mayRecord(user));
		model.addAttribute("results", this.recognitions.forBureau(user, region, level, q, page)
			.map((r) -> RecognitionView.of(r, this.recognitions)));
		return (htmx != null) ? "recognition/bureau-list :: results" : "recognition/bureau-list";
	}

	@GetMapping("/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Recognition r = this.recognitions.get(id, user);
		if (r.external()) {
			// another authority's title: its document is the evidence, this system issues
			// no certificate
			throw new cn.zhongchuang.platform.NotFoundException("certificate of external title " + id);
		}
		String verifyUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/verify/{code}")
			.buildAndExpand(r.verificationCode())
			.toUriString();
		String policy = this.recognitions.policyTitle(r.request().policyId());
		byte[] pdf = this.certificates.render(r, this.recognitions.regionName(r.regionCode()), (policy != null)
				? "《" + policy + "》" : "推荐函 " + this.recommendations.letterNumber(r.basis().recommendationId()),
				verifyUrl);
		return ChinesePdf.response(pdf, "认定证书-" + r.number() + ".pdf", false);
	}

}
