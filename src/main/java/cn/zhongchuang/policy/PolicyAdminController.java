package cn.zhongchuang.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.SmallUpload;

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

/** 政策包管理: versions of every pack, upload of a new version or jurisdiction, activation. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PolicyAdminController {

	private static final long MAX_BYTES = 1024 * 1024;

	private final PolicyCatalog catalog;

	PolicyAdminController(PolicyCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/admin/policies")
	String list(Model model) {
		return page(model, Map.of());
	}

	@PostMapping("/admin/policies")
	String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser admin, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			PolicyCatalog.VersionInfo uploaded = this.catalog.upload(SmallUpload.read(file, "政策包文件", MAX_BYTES),
					admin.username());
			redirect.addFlashAttribute((uploaded.problems() == null) ? "toast" : "toastError",
					(uploaded.problems() == null)
							? "已上传 " + uploaded.title() + "（" + uploaded.version() + "），示例全部通过，可以启用"
							: "已上传为草稿，但示例未全部通过，修正后重新上传");
			return "redirect:/admin/policies";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return page(model, ex.errors());
		}
	}

	@PostMapping("/admin/policies/{id}/{version}/activate")
	String activate(@PathVariable String id, @PathVariable String version, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		try {
			this.catalog.activate(id, version, admin.username());
			redirect.addFlashAttribute("toast", "已启用 " + id + " 版本 " + version);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("toastError", ex.getMessage());
		}
		return "redirect:/admin/policies";
	}

	private String page(Model model, Map<String, String> errors) {
		Map<String, List<PolicyCatalog.VersionInfo>> versions = new LinkedHashMap<>();
		this.catalog.ids().forEach((id) -> versions.put(id, this.catalog.versions(id)));
		model.addAttribute("versions", versions);
		model.addAttribute("errors", errors);
		return "policy/admin";
	}

}
