package cn.zhongchuang.audit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The auditor's pages: search the trail and verify its hash chain. Read-only by design.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	private final AuditLog log;

	private final AuditChain chain;

	private final Regions regions;

	private final MessageSource messages;

	private final AuditObjects objects;

	AuditController(AuditLog log, AuditChain chain, Regions regions, MessageSource messages, AuditObjects objects) {
		this.messages = messages;
		this.log = log;
		this.chain = chain;
		this.regions = regions;
		this.objects = objects;
	}

	@GetMapping("/audit")
	String search(AuditQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("query", query);
		var page = this.log.list(query, scopeOf(user, this.regions)).page(list).addTo(model);
		model.addAttribute("objectNames", this.objects.namesOf(page.results().items()));
		model.addAttribute("actions", this.log.actions());
		model.addAttribute("resultValues", AuditEntry.Result.values());
		return (htmx != null) ? "audit/events :: results" : "audit/events";
	}

	/** 导出 Excel: every event the search finds, in the order of the page. */
	@GetMapping("/audit/export")
	void export(AuditQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		ListExport.respond(response, "审计日志", List.of(ListExport.column("时间", StoredEvent::occurredAt),
				ListExport.column("用户", StoredEvent::actor),
				ListExport.column("角色", (StoredEvent e) -> label("role", e.actorRole())),
				ListExport.column("IP", StoredEvent::ip),
				ListExport.column("操作", (StoredEvent e) -> label("audit.action", e.action())),
				ListExport.column("对象", (StoredEvent e) -> (e.objectType() != null)
						? label("audit.object", e.objectType()) + " " + Objects.toString(e.objectId(), "") : ""),
				ListExport.column("结果", (StoredEvent e) -> label("audit.result", e.result())),
				ListExport.column("说明", StoredEvent::detail)), this.log.list(query, scopeOf(user, this.regions)), list);
	}

	private String label(String prefix, String code) {
		return (code != null) ? this.messages.getMessage(prefix + "." + code, null, code, Locale.SIMPLIFIED_CHINESE)
				: "";
	}

	@PostMapping("/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", this.chain.verify());
		return "audit/events :: verification";
	}

	static List<String> scopeOf(CurrentUser user, Regions regions) {
		return Region.NATION.equals(user.regionCode()) ? null : regions.codesWithin(user.regionCode());
	}

}
