package cn.zhongchuang.recognition;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;

import cn.zhongchuang.platform.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	RecognitionController(Recognitions recognitions, Certificates certificates, ExternalTitles external,
			Recommendations recommendations, MessageSource messages) {
		this.messages = messages;
		this.recommendations = recommendations;
		this.recognitions = recognitions;
		this.certificates = certificates;
		this.external = external;
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String level,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status, ListParams list,
			@AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("region", region);
		model.addAttribute("level", level);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("statuses", Recognition.Status.values());
		model.addAttribute("levels", cn.zhongchuang.policy.PackDefinition.Level.values());
		model.addAttribute("mayRecordExternal", this.external.mayRecord(user));
		this.recognitions.forBureau(user, region, level, q, status)
			.map((r) -> RecognitionView.of(r, this.recognitions))
			.page(list)
			.addTo(model);
		return (htmx != null) ? "recognition/bureau-list :: results" : "recognition/bureau-list";
	}

	/** 导出 Excel: every title the filters leave, in the order of the page. */
	@GetMapping("/export")
	void export(@RequestParam(required = false) String region, @RequestParam(required = false) String level,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status, ListParams list,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		ListExport.respond(response, "认定管理", List.of(ListExport.column("认定编号", RecognitionView::number),
				ListExport.column("载体名称", RecognitionView::name), ListExport.column("运营机构", RecognitionView::operator),
				ListExport.column("统一社会信用代码", RecognitionView::creditCode),
				ListExport.column("级别", (RecognitionView r) -> label("rec.level", r.level())),
				ListExport.column("行政区划", RecognitionView::regionName),
				ListExport.column("认定日期", RecognitionView::recognizedOn),
				ListExport.column("认定机关", RecognitionView::issuingAuthority),
				ListExport.column("状态", (RecognitionView r) -> label("rec.status", r.status())),
				ListExport.column("终止日期", RecognitionView::endedOn)),
				this.recognitions.forBureau(user, region, level, q, status)
					.map((r) -> RecognitionView.of(r, this.recognitions)),
				list);
	}

	private String label(String prefix, String code) {
		return (code != null) ? this.messages.getMessage(prefix + "." + code, null, code, Locale.SIMPLIFIED_CHINESE)
				: "";
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
