package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核: a bureau opens a round for a year under a pack in its region; the round lists the
 * ACTIVE recognitions whose cycle falls in that year (every cycleYears years counted from
 * the recognition year); the bureau scores each on the pack's indicators (0 to maxScore,
 * total weighted to 100, grade by the pack's grade bands); publishing makes the results
 * public and, under the lapse rule CONSECUTIVE_FAILING_YEARS, lapses a recognition whose
 * failing grade follows consecutiveFailingYears minus one failing published results.
 * Under RECTIFICATION_NOT_MET a failing grade changes nothing by itself.
 */
@Service
public class Assessments {

	/** The failing grade. */
	public static final String FAILING = "不合格";

	private final AssessmentRecords records;

	private final Recognitions recognitions;

	private final PolicyCatalog policies;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Assessments(AssessmentRecords records, Recognitions recognitions, PolicyCatalog policies, Regions regions,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.recognitions = recognitions;
		this.policies = policies;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Whether a recognition is assessed in the year under a cycle of cycleYears. */
	public static boolean isDue(LocalDate recognizedOn, int year, int cycleYears) {
		int since = year - recognizedOn.getYear();
		return since > 0 && since % Math.max(1, cycleYears) == 0;
	}

	/** The packs that define an assessment, id to title. */
	@Transactional(readOnly = true)
	public Map<String, String> packs() {
		Map<String, String> out = new LinkedHashMap<>();
		for (String id : this.policies.ids()) {
			if (definition(id).assessment() != null) {
				out.put(id, this.policies.latest(id).title());
			}
		}
		return out;
	}

	/** The pack's definition (indicators, grades, lapse rule). */
	@Transactional(readOnly = true)
	public PackDefinition definition(String policyId) {
		return this.policies.latest(policyId).definition();
	}

	/**
	 * Opens a round for the year under the pack in the bureau's region, listing the
	 * active recognitions due that year. Refused when the pack has no assessment, the
	 * year is in the future, no institution is due (an off year of the cycle), or the
	 * round exists.
	 */
	@Transactional
	public AssessmentRound open(CurrentUser user, String policyId, int year) {
		requireGovernment(user);
		Map<String, String> errors = new LinkedHashMap<>();
		PackDefinition def = null;
		try {
			def = definition(policyId);
		}
		catch (NotFoundException ex) {
			errors.put("policyId", "请选择政策");
		}
		if (def != null && def.assessment() == null) {
			errors.put("policyId", "该政策没有规定考核");
		}
		if (year > ChinaTime.today(this.clock).getYear() || year < 2000) {
			errors.put("year", "考核年度不能晚于今年");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		int cycle = def.assessment().cycleYears();
		List<RecognitionSummary> due = this.recognitions.activeWithin(user.regionCode(), policyId)
			.stream()
			.filter((r) -> isDue(r.recognizedOn(), year, cycle))
			.toList();
		if (due.isEmpty()) {
			throw new FieldErrorException("year", year + " 年没有到考核周期的机构（该政策每 " + cycle + " 年考核一次，自认定年度起算）");
		}
		if (this.records.roundExists(policyId, year, user.regionCode())) {
			throw new ConflictException("本辖区 " + year + " 年度的该政策考核已开启");
		}
		long id = this.records.insertRound(policyId, year, user.regionCode(), user.username(), this.clock.instant());
		for (RecognitionSummary r : due) {
			this.records.insertResult(id, r.id(), r.number(), r.name(), r.operator(), r.creditCode(), r.regionCode());
		}
		this.audit.record(AuditEntry.success("ASSESSMENT_OPEN", "assessment_round", id,
				"开启 " + year + " 年度考核（" + policyId + "），" + due.size() + " 家机构", user.regionCode()));
		return this.records.findRound(id).orElseThrow();
	}

	/** A round of the user's region (or above it); 404 otherwise. */
	@Transactional(readOnly = true)
	public AssessmentRound round(long id, CurrentUser user) {
		return this.records.findRound(id)
			.filter((r) -> user != null && user.role().isGovernment()
					&& this.regions.contains(user.regionCode(), r.regionCode()))
			.orElseThrow(() -> new NotFoundException("assessment round " + id));
	}

	/** A published round, for anyone; 404 when not published. */
	@Transactional(readOnly = true)
	public AssessmentRound publishedRound(long id) {
		return this.records.findRound(id)
			.filter(AssessmentRound::published)
			.orElseThrow(() -> new NotFoundException("assessment round " + id));
	}

	/** The rounds of the user's region and below. */
	@Transactional(readOnly = true)
	public List<AssessmentRound> rounds(CurrentUser user) {
		return this.records.rounds(this.regions.codesWithin(user.regionCode()), false);
	}

	/** The published rounds, everywhere. */
	@Transactional(readOnly = true)
	public List<AssessmentRound> publishedRounds() {
		return this.records.rounds(null, true);
	}

	@Transactional(readOnly = true)
	public List<AssessmentResult> results(long roundId) {
		return this.records.results(roundId);
	}

	/**
	 * Scores one institution of an open round: every indicator of the pack, 0 to its
	 * maxScore; the total is the weighted sum scaled to 100 and the grade comes from the
	 * pack's bands. A stale version answers 409.
	 */
	@Transactional
	public AssessmentResult score(CurrentUser user, long resultId, Map<String, String> scores, int version) {
		AssessmentResult result = this.records.findResult(resultId)
			.orElseThrow(() -> new NotFoundException("assessment result " + resultId));
		AssessmentRound round = round(result.roundId(), user);
		if (round.published()) {
			throw new ConflictException("考核结果已公布，不能再评分");
		}
		PackDefinition.Assessment a = definition(round.policyId()).assessment();
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal weighted = BigDecimal.ZERO;
		int weights = 0;
		for (PackDefinition.Indicator ind : a.indicators()) {
			String raw = (scores == null) ? null : scores.get(ind.code());
			try {
				BigDecimal v = new BigDecimal((raw == null) ? "" : raw.strip());
				if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(ind.maxScore())) > 0 || v.scale() > 1) {
					throw new NumberFormatException();
				}
				values.put(ind.code(), v);
				weighted = weighted.add(v.multiply(BigDecimal.valueOf(ind.weight()))
					.divide(BigDecimal.valueOf(ind.maxScore()), 6, RoundingMode.HALF_UP));
				weights += ind.weight();
			}
			catch (NumberFormatException ex) {
				errors.put(ind.code(), ind.name() + "的得分应在 0 到 " + ind.maxScore() + " 之间（最多一位小数）");
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		BigDecimal total = weighted.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(Math.max(1, weights)), 2, RoundingMode.HALF_UP);
		String grade = a.gradeFor(total.doubleValue());
		this.records.score(resultId, version, values, total, grade, user.username());
		this.audit.record(AuditEntry.success("ASSESSMENT_SCORE", "assessment_result", resultId,
				round.year() + " 年度考核 " + result.recognitionNumber() + "：" + total.toPlainString() + " 分，" + grade,
				result.regionCode()));
		return this.records.findResult(resultId).orElseThrow();
	}

	/**
	 * Publishes an open round whose institutions are all scored; applies the pack's lapse
	 * rule and publishes {@link AssessmentPublished}.
	 */
	@Transactional
	public AssessmentRound publish(CurrentUser user, long roundId, int version) {
		AssessmentRound round = round(roundId, user);
		if (round.published()) {
			throw new ConflictException("考核结果已公布");
		}
		List<AssessmentResult> results = this.records.results(roundId);
		List<String> unscored = results.stream()
			.filter((r) -> !r.scored())
			.map(AssessmentResult::recognitionNumber)
			.toList();
		if (!unscored.isEmpty()) {
			throw new FieldErrorException("round", "还有 " + unscored.size() + " 家机构未评分：" + String.join("、", unscored));
		}
		LocalDate today = ChinaTime.today(this.clock);
		this.records.publishRound(roundId, version, today, user.username());
		PackDefinition def = definition(round.policyId());
		PackDefinition.Dynamic dyn = def.dynamic();
		List<Long> lapsed = new ArrayList<>();
		if (dyn != null && dyn.lapseRule() == PackDefinition.LapseRule.CONSECUTIVE_FAILING_YEARS
				&& dyn.consecutiveFailingYears() != null) {
			int n = dyn.consecutiveFailingYears();
			for (AssessmentResult r : results) {
				if (!r.failing()) {
					continue;
				}
				List<AssessmentRecords.PastResult> past = this.records.publishedBefore(r.recognitionId(), round.year());
				if (past.size() < n - 1 || past.stream().limit(n - 1).anyMatch((p) -> !FAILING.equals(p.grade()))) {
					continue;
				}
				RecognitionSummary rec = this.recognitions.find(r.recognitionId()).orElse(null);
				if (rec == null || !rec.active()) {
					continue;
				}
				List<Integer> years = new ArrayList<>();
				years.add(round.year());
				past.stream().limit(n - 1).forEach((p) -> years.add(p.year()));
				String yearsText = years.stream().sorted().map((y) -> y + " 年").collect(Collectors.joining("、"));
				String reason = "连续 " + n + " 年考核不合格（" + yearsText + "）";
				String announcement = rec.operator() + "运营的" + rec.name() + "（认定编号 " + rec.number() + "）" + yearsText
						+ "度考核均为不合格。依据" + ((dyn.basis() != null) ? dyn.basis() : "政策规定") + "，其认定自" + today
						+ "起失效，摘除牌匾。";
				this.recognitions.lapseBySystem(rec.id(), reason, announcement);
				this.records.markLapsed(r.id());
				lapsed.add(rec.id());
			}
		}
		this.audit.record(AuditEntry.success(
				"ASSESSMENT_PUBLISH", "assessment_round", roundId, "公布 " + round.year() + " 年度考核结果（" + round.policyId()
						+ "），" + results.size() + " 家" + (lapsed.isEmpty() ? "" : "，" + lapsed.size() + " 家认定失效"),
				round.regionCode()));
		List<Long> failing = results.stream()
			.filter(AssessmentResult::failing)
			.map(AssessmentResult::recognitionId)
			.toList();
		this.events.publishEvent(
				new AssessmentPublished(roundId, round.policyId(), round.year(), round.regionCode(), failing, lapsed));
		return this.records.findRound(roundId).orElseThrow();
	}

	/** The lapse rule of the pack, for the page. */
	@Transactional(readOnly = true)
	public PackDefinition.LapseRule lapseRule(String policyId) {
		PackDefinition.Dynamic d = definition(policyId).dynamic();
		return (d != null) ? d.lapseRule() : null;
	}

	/** The full name of a region, for pages. */
	public String regionName(String code) {
		return this.regions.fullName(code);
	}

	private static void requireGovernment(CurrentUser user) {
		if (user == null || !user.role().isGovernment()) {
			throw new NotFoundException("assessment");
		}
	}

	/**
	 * A round's results were published: the recognitions graded failing and those that
	 * lapsed under the pack's rule.
	 */
	public record AssessmentPublished(long roundId, String policyId, int year, String regionCode,
			List<Long> failingRecognitionIds, List<Long> lapsedRecognitionIds) {
	}

}
