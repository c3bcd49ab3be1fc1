package cn.zhongchuang.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import cn.zhongchuang.operator.OperatorFacts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The facts an institution's own records establish, for other systems (signed in, scoped
 * like the pages: the operator's own institutions, a government user's region; anything
 * else 404). The public list of institutions with their titles is the recognition
 * module's {@code /api/v1/institutions}.
 */
@RestController
@Tag(name = "institutions", description = "孵化载体")
class InstitutionApiController {

	private final Institutions institutions;

	private final Clock clock;

	InstitutionApiController(Institutions institutions, Clock clock) {
		this.institutions = institutions;
		this.clock = clock;
	}

	@GetMapping("/api/v1/institutions/{id:\\d+}/facts")
	@PreAuthorize(InstitutionController.ROLES)
	@Operation(
			summary = "The space facts the institution's own records establish on asOf (default today), with sources")
	Facts facts(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@AuthenticationPrincipal CurrentUser user) {
		InstitutionSummary institution = this.institutions.get(id, user);
		OperatorFacts facts = this.institutions.factsFor(institution.id(),
				(asOf != null) ? asOf : ChinaTime.today(this.clock));
		return new Facts(institution.id(), facts.asOf(), facts.asSpaceFacts(), facts.sources());
	}

	record Facts(long institutionId, LocalDate asOf, Map<String, Object> spaceFacts, Map<String, String> sources) {
	}

}
