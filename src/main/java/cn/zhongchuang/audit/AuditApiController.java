package cn.zhongchuang.audit;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "audit", description = "审计日志（仅审计员）")
class AuditApiController {

	private final AuditLog log;

	private final Regions regions;

	AuditApiController(AuditLog log, Regions regions) {
		this.log = log;
		this.regions = regions;
	}

	@GetMapping
	@Operation(summary = "Search the audit trail")
	PageResult<StoredEvent> search(AuditQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user) {
		return this.log.list(query, AuditController.scopeOf(user, this.regions)).results(list);
	}

}
