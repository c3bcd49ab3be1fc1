package cn.zhongchuang.audit;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;

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

	private final AuditObjects objects;

	AuditController(AuditLog log, AuditChain chain, Regions regions, AuditObjects objects) {
		this.log = log;
		this.chain = chain;
		this.regions = regions;
		this.objects = objects;
	}

	@GetMapping("/audit")
	String search(AuditQuery query, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("query", query);
		var results = this.log.search(query, scopeOf(user, this.regions));
		model.addAttribute("results", results);
		model.addAttribute("objectNames", this.objects.namesOf(results.items()));
		model.addAttribute("actions", this.log.actions());
		model.addAttribute("resultValues", AuditEntry.Result.values());
		return (htmx != null) ? "audit/events :: results" : "audit/events";
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
