package cn.zhongchuang.reference;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.SmallUpload;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历: the years in force and the upload of a new year's official schedule. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CalendarAdminController {

	private static final long MAX_BYTES = 256 * 1024;

	private final WorkingDays workingDays;

	CalendarAdminController(WorkingDays workingDays) {
		this.workingDays = workingDays;
	}

	@GetMapping("/admin/calendars")
	String calendars(Model model) {
		return page(model, Map.of());
	}

	@PostMapping("/admin/calendars")
	String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser admin, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			HolidaySchedule loaded = this.workingDays.load(SmallUpload.read(file, "节假日安排 JSON 文件", MAX_BYTES),
					admin.username());
			redirect.addFlashAttribute("toast", "已导入 " + loaded.year() + " 年节假日安排");
			return "redirect:/admin/calendars";
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return page(model, ex.errors());
		}
	}

	private String page(Model model, Map<String, String> errors) {
		Map<Integer, WorkingDays.LoadedYear> loaded = new java.util.HashMap<>();
		this.workingDays.loadedYears().forEach((y) -> loaded.put(y.year(), y));
		model.addAttribute("rows",
				this.workingDays.calendar()
					.schedules()
					.stream()
					.map((s) -> new Row(s.year(), (int) s.days().values().stream().filter((off) -> off).count(),
							(int) s.days().values().stream().filter((off) -> !off).count(), loaded.get(s.year())))
					.sorted(java.util.Comparator.comparingInt(Row::year).reversed())
					.toList());
		model.addAttribute("errors", errors);
		return "reference/calendars";
	}

	record Row(int year, int offDays, int workDays, WorkingDays.LoadedYear loaded) {
	}

}
