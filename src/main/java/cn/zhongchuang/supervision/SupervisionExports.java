package cn.zhongchuang.supervision;

import java.util.List;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.region.Regions;
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
 * 导出 Excel of the rectification orders, with the page's filters (region, status, keyword,
 * 下达日期): a bureau's of its region, an operator's of its own organisation.
 */
@Controller
class SupervisionExports {

	private final Supervision supervision;

	private final MessageSource messages;

	private final Regions regions;

	SupervisionExports(Supervision supervision, MessageSource messages, Regions regions) {
		this.regions = regions;
		this.supervision = supervision;
		this.messages = messages;
	}

	@GetMapping("/bureau/supervision/export.xlsx")
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
	void export(@RequestParam(required = false) RectificationOrder.Status status,
			@RequestParam(required = false) String region, @RequestParam(required = false) String q, ListParams list,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		ListExport.respond(response, m("export.sheet.orders"), columns(),
				this.supervision.ordersForBureau(user, region, (status != null) ? status.name() : null, q), list);
	}

	/** The operator's own orders as its 动态管理 page filters them. */
	@GetMapping("/supervision/export.xlsx")
	@PreAuthorize("hasRole('OPERATOR')")
	void exportMine(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			ListParams list, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		ListExport.respond(response, m("export.sheet.orders"), columns(),
				this.supervision.myOrders(user, SupervisionController.status(status), q), list);
	}

	private List<ListExport.Column<RectificationOrder>> columns() {
		return List.of(ListExport.column(m("export.col.number"), (RectificationOrder o) -> o.recognitionNumber),
				ListExport.column(m("export.col.institution"), (RectificationOrder o) -> o.institutionName),
				ListExport.column(m("export.col.operator"), (RectificationOrder o) -> o.operatorName),
				ListExport.column(m("export.col.creditCode"), (RectificationOrder o) -> o.creditCode),
				ListExport.column(m("export.col.region"),
						(RectificationOrder o) -> this.regions.fullName(o.regionCode)),
				ListExport.column(m("export.col.reason"), (RectificationOrder o) -> o.reason),
				ListExport.column(m("export.col.issuedOn"), (RectificationOrder o) -> o.issuedOn),
				ListExport.column(m("export.col.deadline"), (RectificationOrder o) -> o.deadline),
				ListExport.column(m("export.col.status"), RectificationOrder::label),
				ListExport.column(m("export.col.answeredOn"),
						(RectificationOrder o) -> (o.answeredAt != null)
								? o.answeredAt.atZone(ChinaTime.ZONE).toLocalDate() : null),
				ListExport.column(m("export.col.answer"), (RectificationOrder o) -> o.answer),
				ListExport.column(m("export.col.decisionNote"), (RectificationOrder o) -> o.decisionNote),
				ListExport.column(m("export.col.lapsed"),
						(RectificationOrder o) -> m(o.lapsed ? "export.yes" : "export.no")));
	}

	private String m(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
