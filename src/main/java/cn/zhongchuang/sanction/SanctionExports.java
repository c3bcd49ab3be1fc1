package cn.zhongchuang.sanction;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
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
			@RequestParam(required = false) Boolean active, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		LocalDate today = this.sanctions.today();
		ListExport.respond(
				response, m("export.sheet.sanctions"), List.of(
						ListExport.column(m("export.col.number"),
								(Sanction s) -> (s.recognitionNumber() != null) ? s.recognitionNumber()
										: "认定申请 #" + s.applicationId()),
						ListExport.column(m("export.col.institution"), Sanction::institutionName),
						ListExport.column(m("export.col.operator"), Sanction::operatorName),
						ListExport.column(m("export.col.creditCode"), Sanction::creditCode),
						ListExport.column(m("export.col.region"),
								(Sanction s) -> this.sanctions.regionName(s.regionCode())),
						ListExport.column(m("export.col.finding"), Sanction::finding),
						ListExport.column(m("export.col.foundOn"), Sanction::foundOn),
						ListExport.column(m("export.col.titleRevoked"), (Sanction s) -> yesNo(s.titleRevoked())),
						ListExport.column(m("export.col.banStarts"), Sanction::banStartsOn),
						ListExport.column(m("export.col.banEnds"), Sanction::banEndsOn),
						ListExport.column(m("export.col.banActive"), (Sanction s) -> yesNo(s.banActiveOn(today))),
						ListExport.column(m("export.col.recovery"), Sanction::recovery)),
				this.sanctions.registerList(user, region, q, Boolean.TRUE.equals(active)), list);
	}

	private String yesNo(boolean b) {
		return m(b ? "export.yes" : "export.no");
	}

	private String m(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
