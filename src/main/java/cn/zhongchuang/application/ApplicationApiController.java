package cn.zhongchuang.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applications for other systems (JSON, problem+json errors), in the pages' scope: an
 * operator reaches its own, a government user those of its region; anything else is 404.
 */
@RestController
@Tag(name = "applications", description = "认定申请与审查")
class ApplicationApiController {

	private final Applications applications;

	ApplicationApiController(Applications applications) {
		this.applications = applications;
	}

	@GetMapping("/api/v1/applications")
	@Operation(summary = "An operator's applications, or a reviewer's queue (待办) in their region")
	List<ApplicationJson> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String policy) {
		List<Application> rows = user.hasRole(Role.OPERATOR) ? this.applications.mine(user)
				: this.applications.queue(user, policy, null);
		return rows.stream().map((a) -> json(a, null)).toList();
	}

	@GetMapping("/api/v1/applications/{id}")
	@Operation(summary = "One application with its history of decisions")
	ApplicationJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Application app = this.applications.visible(id, user);
		return json(app,
				this.applications.history(id, user)
					.stream()
					.map((h) -> new DecisionJson(h.id(), h.stageCode(), h.stageName(), h.decision(), h.reasons(),
							h.by(), h.role(), h.at(), h.seal().json()))
					.toList());
	}

	private static ApplicationJson json(Application a, List<DecisionJson> history) {
		return new ApplicationJson(a.id(), a.operatorId(), a.operatorName(), a.policyId(), a.policyVersion(),
				a.regionCode(), a.spaceName(), a.kind(), a.specialization(), a.status(), a.currentStage(),
				a.currentStageName(), a.submittedOn(), a.verdictOutcome(), a.version(), history);
	}

	record ApplicationJson(long id, long operatorId, String operatorName, String policy, String policyVersion,
			String region, String spaceName, String kind, String specialization, ApplicationStatus status,
			String currentStage, String currentStageName, LocalDate submittedOn, String verdict, int version,
			List<DecisionJson> history) {
	}

	/** One decision; {@code seal} is the check of its HMAC-SM3 seal as stored now. */
	record DecisionJson(long id, String stage, String stageName, String decision, String reasons, String by,
			String role, Instant at, SealCheck.Json seal) {
	}

}
