package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.platform.PublicPaths;
import cn.zhongchuang.policy.PackDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/assessments/rounds}: a bureau user sees the rounds of its region and
 * below in every status; anyone else, signed in or not, the published rounds, as the
 * public /assessments pages show them. A round outside that answers 404.
 */
@RestController
@Tag(name = "assessments", description = "考核")
class AssessmentApi {

	private final Assessments assessments;

	AssessmentApi(Assessments assessments) {
		this.assessments = assessments;
	}

	@Bean
	static PublicPaths assessmentApiPublicPaths() {
		return PublicPaths.pages("/api/v1/assessments/rounds", "/api/v1/assessments/rounds/*");
	}

	@GetMapping("/api/v1/assessments/rounds")
	@Operation(summary = "Rounds: a bureau user's region and below (OPEN and PUBLISHED), otherwise the published "
			+ "rounds; filtered by year and status")
	PageResult<RoundJson> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) RoundStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		List<AssessmentRound> rounds = bureau(user) ? this.assessments.rounds(user)
				: this.assessments.publishedRounds();
		List<RoundJson> out = rounds.stream()
			.filter((r) -> year == null || r.year() == year)
			.filter((r) -> status == null || status.name().equals(r.status()))
			.map(this::json)
			.toList();
		return PageResult.slice(out, page, size);
	}

	@GetMapping("/api/v1/assessments/rounds/{id}")
	@Operation(summary = "One round with its indicators and results (scores, total, grade, lapsed); "
			+ "404 outside the caller's region unless published")
	RoundDetailJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		AssessmentRound round = visible(id, user);
		PackDefinition.Assessment a = this.assessments.definition(round.policyId()).assessment();
		List<IndicatorJson> indicators = (a != null) ? a.indicators()
			.stream()
			.map((i) -> new IndicatorJson(i.code(), i.name(), i.weight(), i.maxScore()))
			.toList() : List.of();
		Map<Long, SealCheck> seals = this.assessments.sealChecks(round.id());
		List<ResultJson> results = this.assessments.results(round.id())
			.stream()
			.map((r) -> new ResultJson(r.id(), r.recognitionId(), r.recognitionNumber(), r.institutionName(),
					r.operatorName(), r.creditCode(), r.regionCode(), r.scores(), r.total(), r.grade(),
					(a != null) ? a.codeOf(r.grade()) : null, r.lapsed(),
					seals.containsKey(r.id()) ? seals.get(r.id()).json() : null))
			.toList();
		return new RoundDetailJson(json(round), indicators, results);
	}

	/** A bureau user's round in scope, or a published round for anyone. */
	AssessmentRound visible(long id, CurrentUser user) {
		if (bureau(user)) {
			try {
				return this.assessments.round(id, user);
			}
			catch (NotFoundException ex) {
				// another region's round: visible only once published
			}
		}
		return this.assessments.publishedRound(id);
	}

	private static boolean bureau(CurrentUser user) {
		return user != null && user.role().isGovernment();
	}

	private RoundJson json(AssessmentRound r) {
		return new RoundJson(r.id(), r.policyId(), this.assessments.packs().getOrDefault(r.policyId(), r.policyId()),
				r.year(), r.regionCode(), this.assessments.regionName(r.regionCode()), r.status(), r.publishedOn(),
				r.version());
	}

	enum RoundStatus {

		OPEN, PUBLISHED

	}

	record RoundJson(long id, String policyId, String policyTitle, int year, String regionCode, String regionName,
			String status, LocalDate publishedOn, int version) {
	}

	record IndicatorJson(String code, String name, int weight, int maxScore) {
	}

	/**
	 * One result; {@code grade}: 优秀, 良好, 合格 or 不合格; {@code gradeCode}: its code where the
	 * pack gives one (A–D of the national incubator evaluation, jiangsu-2015), else null;
	 * {@code seal}: the check of its HMAC-SM3 seal, null while the round is open.
	 */
	record ResultJson(long id, long recognitionId, String recognitionNumber, String institutionName,
			String operatorName, String creditCode, String regionCode, Map<String, BigDecimal> scores, BigDecimal total,
			String grade, String gradeCode, boolean lapsed, SealCheck.Json seal) {
	}

	record RoundDetailJson(RoundJson round, List<IndicatorJson> indicators, List<ResultJson> results) {
	}

}
