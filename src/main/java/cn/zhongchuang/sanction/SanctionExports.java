package cn.zhongchuang.sanction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.platform.Xlsx;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 导出 Excel of the sanctions register, with the page's filters (region, keyword, bans in
 * force).
 */
@Controller
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class SanctionExports {

	private final Sanctions sanctions;

	private final MessageSource messages;

	SanctionExports(Sanctions sanctions, MessageSource messages) {
		this.sanctions = sanctions;
		this.messages = messages;
	}

	@GetMapping("/bureau/sanctions/export.xlsx")
	void export(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean active, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		LocalDate today = this.sanctions.today();
		List<List<String>> rows = new ArrayList<>();
		int page = 1;
		PageResult<Sanction> result;
		do {
			result = this.sanctions.register(user, region, q, Boolean.TRUE.equals(active), page++, PageResult.MAX_SIZE);
			for (Sanction s : result.items()) {
				rows.add(List.of((s.recognitionNumber() != null) ? s.recognitionNumber() : "认定申请 #" + s.applicationId(),
						s.institutionName(), s.operatorName(), s.creditCode(), s.regionCode(), s.finding(),
						String.valueOf(s.foundOn()), yesNo(s.titleRevoked()), text(s.banStartsOn()),
						text(s.banEndsOn()), yesNo(s.banActiveOn(today)), (s.recovery() != null) ? s.recovery() : ""));
			}
		}
		while (result.hasNext());
		Xlsx.respond(response, m("export.sheet.sanctions") + ".xlsx", m("export.sheet.sanctions"),
				List.of(m("export.col.number"), m("export.col.institution"), m("export.col.operator"),
						m("export.col.creditCode"), m("export.col.region"), m("export.col.finding"),
						m("export.col.foundOn"), m("export.col.titleRevoked"), m("export.col.banStarts"),
						m("export.col.banEnds"), m("export.col.banActive"), m("export.col.recovery")),
				rows);
	}

	private static String text(LocalDate d) {
		return (d != null) ? d.toString() : "";
	}

	private String yesNo(boolean b) {
		return m(b ? "export.yes" : "export.no");
	}

	private String m(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
