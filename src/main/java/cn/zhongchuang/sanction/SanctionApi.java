package cn.zhongchuang.sanction;

import java.time.LocalDate;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/sanctions}: the sanctions register of the caller's region, as the
 * /bureau/sanctions page shows it; another region's sanction answers 404.
 */
@RestController
@Tag(name = "sanctions", description = "处罚登记")
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class SanctionApi {

	private final Sanctions sanctions;

	SanctionApi(Sanctions sanctions) {
		this.sanctions = sanctions;
	}

	@GetMapping("/api/v1/sanctions")
	@Operation(summary = "Sanctions of the caller's region (or a region within it), against a recognition or, for "
			+ "fraud found during review, an application; active true = bans in force; "
			+ "q matches institution, operator, credit code, recognition number or application id")
	PageResult<SanctionJson> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		LocalDate today = this.sanctions.today();
		return this.sanctions.register(user, region, q, Boolean.TRUE.equals(active), page, size)
			.map((s) -> SanctionJson.of(s, today));
	}

	@GetMapping("/api/v1/sanctions/{id}")
	@Operation(summary = "One sanction; 404 outside the caller's region")
	SanctionJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return SanctionJson.of(this.sanctions.get(id, user), this.sanctions.today());
	}

	/**
	 * A sanction: its subject is a recognition ({@code subjectType} recognition,
	 * {@code recognitionId}, {@code recognitionNumber}) or an application where the fraud
	 * was found during review ({@code subjectType} application, {@code applicationId};
	 * the recognition fields null).
	 */
	record SanctionJson(long id, String subjectType, Long recognitionId, String recognitionNumber, Long applicationId,
			String institutionName, String operatorName, String creditCode, String regionCode, String policyId,
			String finding, LocalDate foundOn, boolean titleRevoked, Integer banYears, LocalDate banStartsOn,
			LocalDate banEndsOn, boolean banActive, String recovery, String basis, String recordedBy, int version) {

		static SanctionJson of(Sanction s, LocalDate today) {
			return new SanctionJson(s.id(), s.subjectType(), s.recognitionId(), s.recognitionNumber(),
					s.applicationId(), s.institutionName(), s.operatorName(), s.creditCode(), s.regionCode(),
					s.policyId(), s.finding(), s.foundOn(), s.titleRevoked(), s.banYears(), s.banStartsOn(),
					s.banEndsOn(), s.banActiveOn(today), s.recovery(), s.basis(), s.recordedBy(), s.version());
		}

	}

}
