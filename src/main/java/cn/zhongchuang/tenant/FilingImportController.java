package cn.zhongchuang.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.NotFoundException;

/**
 * 纳税申报导入: the page (templates, upload, history), one import with its progress bar (htmx
 * polls the job row) and its errors, the error report as XLSX, and the same as JSON under
 * /api/v1/tax-filings/imports.
 */
@Controller
class FilingImportController {

	static final int ERRORS_ON_PAGE = 200;

	static final int ERRORS_IN_REPORT = TaxFilingImporter.MAX_ERRORS;

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final FilingImports imports;

	FilingImportController(FilingImports imports) {
		this.imports = imports;
	}

	@GetMapping("/tax-filings/imports")
	String page(ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		String view = page(user, list, Map.of(), model);
		return (htmx != null) ? view + " :: results" : view;
	}

	/** 导出 Excel of the 导入记录: what is filtered, in the order of the page. */
	@GetMapping("/tax-filings/imports/export.xlsx")
	void export(ListParams list, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		requireImporter(user);
		ListExport.respond(response, "导入记录", List.of(ListExport.column("时间", FilingImportJob::createdAt),
				ListExport.column("文件", FilingImportJob::fileName), ListExport.column("导入人", FilingImportJob::username),
				ListExport.column("读取行数", FilingImportJob::rowsRead),
				ListExport.column("写入条数", FilingImportJob::rowsWritten),
				ListExport.column("企业数", FilingImportJob::tenants), ListExport.column("所属期", FilingImportJob::months),
				ListExport.column("错误数", FilingImportJob::errorCount),
				ListExport.column("状态", (FilingImportJob j) -> STATUS.getOrDefault(j.status(), j.status())),
				ListExport.column("完成时间", FilingImportJob::finishedAt)), this.imports.history(user), list);
	}

	private static final Map<String, String> STATUS = Map.of("QUEUED", "排队中", "RUNNING", "导入中", "SUCCEEDED", "已导入",
			"REJECTED", "未通过校验", "FAILED", "失败");

	@PostMapping("/tax-filings/imports")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		try {
			long id = submit(this.imports, user, file, request);
			redirect.addFlashAttribute("toast", "文件已上传，正在导入");
			return "redirect:/tax-filings/imports/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return page(user, ListParams.none(), ex.errors(), model);
		}
	}

	@GetMapping("/tax-filings/imports/{id}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		FilingImportJob job = this.imports.job(id, user);
		model.addAttribute("job", job);
		model.addAttribute("errors",
				"REJECTED".equals(job.status()) ? this.imports.errors(id, user, ERRORS_ON_PAGE) : List.of());
		model.addAttribute("errorsShown", ERRORS_ON_PAGE);
		return "tenant/filing-import";
	}

	/** The progress card, polled by htmx every second until the job has finished. */
	@GetMapping("/tax-filings/imports/{id}/progress")
	String progress(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		FilingImportJob job = this.imports.job(id, user);
		model.addAttribute("job", job);
		if (job.finished()) {
			// reload the whole page once: the result and the error table
			response.setHeader("HX-Refresh", "true");
		}
		return "tenant/filing-import :: progress";
	}

	@GetMapping("/tax-filings/imports/{id}/errors.xlsx")
	ResponseEntity<byte[]> errorReport(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		FilingImportJob job = this.imports.job(id, user);
		if (!"REJECTED".equals(job.status())) {
			throw new NotFoundException("error report of import " + id);
		}
		byte[] body = FilingImportSheets.errorReport(job, this.imports.errors(id, user, ERRORS_IN_REPORT));
		return download(body, XLSX, "纳税申报导入错误报告-" + id + ".xlsx");
	}

	@GetMapping("/tax-filings/imports/template.csv")
	ResponseEntity<byte[]> templateCsv(@AuthenticationPrincipal CurrentUser user) {
		requireImporter(user);
		return download(FilingImportSheets.templateCsv(), new MediaType("text", "csv", StandardCharsets.UTF_8),
				"纳税申报导入模板.csv");
	}

	@GetMapping("/tax-filings/imports/template.xlsx")
	ResponseEntity<byte[]> templateXlsx(@AuthenticationPrincipal CurrentUser user) {
		requireImporter(user);
		return download(FilingImportSheets.templateXlsx(), XLSX, "纳税申报导入模板.xlsx");
	}

	static long submit(FilingImports imports, CurrentUser user, MultipartFile file, HttpServletRequest request) {
		requireImporter(user);
		if (file == null || file.isEmpty()) {
			throw new FieldErrorException("file", "请选择要导入的文件（CSV 或 XLSX）");
		}
		if (file.getSize() > FilingImports.MAX_BYTES) {
			throw new FieldErrorException("file", "文件过大（上限 100 MB）");
		}
		try (InputStream in = file.getInputStream()) {
			return imports.submit(user, file.getOriginalFilename(), in, request.getRemoteAddr());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String page(CurrentUser user, ListParams list, Map<String, String> errors, Model model) {
		requireImporter(user);
		this.imports.history(user).page(list).addTo(model);
		model.addAttribute("errors", errors);
		return "tenant/filing-imports";
	}

	static void requireImporter(CurrentUser user) {
		if (!FilingImports.mayImport(user)) {
			throw new NotFoundException("tax-filing imports");
		}
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

}
