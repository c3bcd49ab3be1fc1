package cn.zhongchuang.tenant;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.PageResult;

/**
 * Tax-filing imports as JSON: POST a file (multipart, field file) and get 202 with the
 * job id at once; GET the job for its state and progress, and its refused rows.
 */
@RestController
@RequestMapping("/api/v1/tax-filings/imports")
class FilingImportApiController {

	private final FilingImports imports;

	FilingImportApiController(FilingImports imports) {
		this.imports = imports;
	}

	@PostMapping(path = "", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> apiSubmit(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
		long id = FilingImportController.submit(this.imports, user, file, request);
		URI status = URI.create("/api/v1/tax-filings/imports/" + id);
		return ResponseEntity.accepted()
			.location(status)
			.body(Map.of("id", id, "status", "QUEUED", "statusUrl", status));
	}

	@GetMapping("")
	PageResult<FilingImportJob> apiHistory(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		FilingImportController.requireImporter(user);
		return this.imports.history(user).results(ListParams.page(page, size));
	}

	@GetMapping("/{id}")
	FilingImportJob apiJob(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return this.imports.job(id, user);
	}

	@GetMapping("/{id}/errors")
	List<FilingImportError> apiErrors(@PathVariable long id, @RequestParam(defaultValue = "1000") int limit,
			@AuthenticationPrincipal CurrentUser user) {
		return this.imports.errors(id, user, Math.max(1, Math.min(limit, FilingImportController.ERRORS_IN_REPORT)));
	}

}
