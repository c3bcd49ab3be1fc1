package cn.zhongchuang.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's anchors of the audit chain: export them, take one now, check an export
 * kept from earlier.
 */
@RestController
@RequestMapping("/api/v1/audit-anchors")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "audit", description = "审计日志（仅审计员）")
class AuditAnchorApiController {

	private final AuditAnchors anchors;

	AuditAnchorApiController(AuditAnchors anchors) {
		this.anchors = anchors;
	}

	@GetMapping
	@Operation(summary = "Export every anchor of the audit chain (keep the file outside the system)")
	List<AuditAnchors.Anchor> export() {
		return this.anchors.all();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Anchor the chain's head now")
	AuditAnchors.Anchor anchorNow() {
		return this.anchors.anchorNow();
	}

	@PostMapping("/verify")
	@Operation(summary = "Check anchors exported earlier against the trail as it is now")
	AuditAnchors.Check verify(@RequestBody List<AuditAnchors.Anchor> exported) {
		return this.anchors.verify(exported);
	}

}
