package cn.zhongchuang.supervision;

import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.platform.ChinaTime;
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
 * 导出 Excel of the rectification orders, with the page's filters (region, status,
 * keyword).
 */
@Controller
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class SupervisionExports {

	private final Supervision supervision;

	private final MessageSource messages;

	SupervisionExports(Supervision supervision, MessageSource messages) {
		this.supervision = supervision;
		this.messages = messages;
	}

	@GetMapping("/bureau/supervision/export.xlsx")
	void export(@RequestParam(required = false) RectificationOrder.Status status,
			@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		List<List<String>> rows = new ArrayList<>();
		int page = 1;
		PageResult<RectificationOrder> result;
		do {
			result = this.supervision.orders(user, region, (status != null) ? status.name() : null, q, page++,
					PageResult.MAX_SIZE);
			for (RectificationOrder o : result.items()) {
				rows.add(List.of(o.recognitionNumber, o.institutionName, o.operatorName, o.creditCode, o.regionCode,
						o.reason, String.valueOf(o.issuedOn), String.valueOf(o.deadline), o.label(),
						(o.answeredAt != null) ? o.answeredAt.atZone(ChinaTime.ZONE).toLocalDate().toString() : "",
						(o.answer != null) ? o.answer : "", (o.decisionNote != null) ? o.decisionNote : "",
						m(o.lapsed ? "export.yes" : "export.no")));
			}
		}
		while (result.hasNext());
		Xlsx.respond(response, m("export.sheet.orders") + ".xlsx", m("export.sheet.orders"),
				List.of(m("export.col.number"), m("export.col.institution"), m("export.col.operator"),
						m("export.col.creditCode"), m("export.col.region"), m("export.col.reason"),
						m("export.col.issuedOn"), m("export.col.deadline"), m("export.col.status"),
						m("export.col.answeredOn"), m("export.col.answer"), m("export.col.decisionNote"),
						m("export.col.lapsed")),
				rows);
	}

	private String m(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
