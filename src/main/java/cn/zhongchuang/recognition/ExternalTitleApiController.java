package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 外部认定 for other systems: a multipart form with the document's particulars and its scan
 * ({@code evidence}). Refusals are 400 problem+json naming the field ({@code evidence},
 * {@code level}, {@code documentDate}, …); another region's institution answers 404.
 */
@RestController
@Tag(name = "external titles", description = "外部认定")
class ExternalTitleApiController {

	private final ExternalTitles external;

	ExternalTitleApiController(ExternalTitles external) {
		this.external = external;
	}

	@PostMapping(path = "/api/v1/external-titles", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a title another authority granted: institutionId (of the user's region) or the "
			+ "holder (institutionName, kind, specialization, regionCode, operatorName, creditCode); level, "
			+ "documentNumber, documentDate (ISO), authority, titleNumber (if the document gives one), designation; "
			+ "evidence: the scan (PDF or image), required")
	Recorded record(ExternalTitles.Request request,
			@RequestParam(name = "evidence", required = false) MultipartFile evidence,
			@AuthenticationPrincipal CurrentUser user) {
		if (!this.external.mayRecord(user)) {
			throw new NotFoundException("external titles for " + user.username());
		}
		Recognition saved = this.external.record(request.form(), ExternalTitleController.evidence(evidence), user);
		return Recorded.of(saved);
	}

	/** The recorded title: its id, the institution it is of, the document it rests on. */
	record Recorded(long id, String number, long institutionId, String name, String level, String authority,
			String designation, String documentNumber, java.time.LocalDate documentDate, String status, String source,
			String verificationCode) {

		static Recorded of(Recognition r) {
			RecognitionRequest q = r.request();
			return new Recorded(r.id(), r.number(), q.institutionId(), q.institutionName(), q.level(),
					q.issuingAuthority(), r.designation(), r.basis().documentNumber(), r.basis().documentDate(),
					r.status().name(), r.source(), r.verificationCode());
		}

	}

}
