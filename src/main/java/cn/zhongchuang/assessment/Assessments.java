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
import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.expert.ExpertPanels;
import cn.zhongchuang.expert.Results;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListQuery;
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
 * failing grade follows consecutiveFailingYears minus one failing published results. A
 * failing grade (and, where the pack says so, not taking part) opens a rectification
 * order when the pack's {@code dynamic.rectifyOnFailing} (or
 * {@code rectifyOnNotAssessed}) is set: the supervision module listens to
 * {@link AssessmentPublished}.
 * <p>
 * Experts: a bureau may draw an expert panel for a result of an open round
 * ({@link AssessmentPanels}); from then on the result's score is the experts' mean per
 * indicator once the panel reveals (the bureau's own score is kept and shown next to it),
 * and the round cannot be published while such a panel is still sealed.
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

	private final ExpertPanels expertPanels;

	private final ResultSeals seals;

	Assessments(AssessmentRecords records, Recognitions recognitions, PolicyCatalog policies, Regions regions,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, ExpertPanels expertPanels,
			ResultSeals seals) {
		this.expertPanels = expertPanels;
		this.seals = seals;
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
	 * The years a round may be opened for now, latest first: the years that have ended (a
	 * round looks back on a whole year, or on a cycle whose last year has ended).
	 */
	public List<Integer> openableYears() {
		int thisYear = ChinaTime.today(this.clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = thisYear - 1; y >= Math.max(2000, thisYear - 10); y--) {
			years.add(y);
		}
		return years;
	}

	private static String endedYearMessage(PackDefinition def, int year) {
		if (def != null && def.assessment() != null && def.assessment().cycleYears() > 1) {
			return "该政策每 " + def.assessment().cycleYears() + " 年考核一次，" + year + " 年度所在的考核周期尚未结束，须待 " + year + " 年结束后开启";
		}
		return year + " 年度尚未结束，考核只能对已结束的年度开启";
	}

	/**
	 * Opens a round for the year under the pack in the bureau's region, listing the
	 * active recognitions due that year. Refused when the pack has no assessment, the
	 * year has not ended (the current year or later, in China time: under a cycle of
	 * several years, the cycle year has not ended), no institution is due (an off year of
	 * the cycle), or the round exists.
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
		int thisYear = ChinaTime.today(this.clock).getYear();
		if (year < 2000) {
			errors.put("year", "请填写考核年度");
		}
		else if (year >= thisYear) {
			errors.put("year", endedYearMessage(def, year));
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

	/** The rounds of the user's region as a sortable list (page, export). */
	ListQuery<AssessmentRound> roundList(CurrentUser user) {
		return this.records.roundList(this.regions.codesWithin(user.regionCode()));
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
		for (PackDefinition.Indicator ind : a.indicators()) {
			String raw = (scores == null) ? null : scores.get(ind.code());
			try {
				BigDecimal v = new BigDecimal((raw == null) ? "" : raw.strip());
				if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(ind.maxScore())) > 0 || v.scale() > 1) {
					throw new NumberFormatException();
				}
				values.put(ind.code(), v);
			}
			catch (NumberFormatException ex) {
				errors.put(ind.code(), ind.name() + "的得分应在 0 到 " + ind.maxScore() + " 之间（最多一位小数）");
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		BigDecimal total = total(a, values);
		String grade = a.gradeFor(total.doubleValue());
		if (result.hasPanel()) {
			// the experts' mean is the result's score; the bureau's own is kept next to
			// it
			this.records.scoreBureauOnly(resultId, version, values);
			this.audit.record(AuditEntry.success("ASSESSMENT_SCORE", "assessment_result", resultId,
					round.year() + " 年度考核 " + result.recognitionNumber() + "：局评分 " + total.toPlainString()
							+ " 分（该机构以专家组 #" + result.expertPanelId() + " 的均值为准）",
					result.regionCode()));
			return this.records.findResult(resultId).orElseThrow();
		}
		this.records.score(resultId, version, values, total, grade, user.username());
		this.audit.record(AuditEntry.success("ASSESSMENT_SCORE", "assessment_result", resultId,
				round.year() + " 年度考核 " + result.recognitionNumber() + "：" + total.toPlainString() + " 分，" + grade,
				result.regionCode()));
		return this.records.findResult(resultId).orElseThrow();
	}

	/**
	 * Marks an institution of an open round as not taking part (不参加考核): its scores and
	 * grade are cleared; scoring it again undoes the mark. Refused once published, and
	 * for a result an expert panel was drawn for. Audited; versioned.
	 */
	@Transactional
	public AssessmentResult markNotAssessed(CurrentUser user, long resultId, int version) {
		AssessmentResult result = this.records.findResult(resultId)
			.orElseThrow(() -> new NotFoundException("assessment result " + resultId));
		AssessmentRound round = round(result.roundId(), user);
		if (round.published()) {
			throw new ConflictException("考核结果已公布，不能再修改");
		}
		if (result.hasPanel()) {
			throw new ConflictException("已为该机构抽取评审专家，不能记为未参加考核");
		}
		this.records.markNotAssessed(resultId, version, user.username());
		this.audit.record(AuditEntry.success("ASSESSMENT_NOT_ASSESSED", "assessment_result", resultId,
				round.year() + " 年度考核 " + result.recognitionNumber() + "（" + result.institutionName() + "）：未参加考核",
				result.regionCode()));
		return this.records.findResult(resultId).orElseThrow();
	}

	/** The weighted total scaled to 100 of scores per indicator. */
	static BigDecimal total(PackDefinition.Assessment a, Map<String, BigDecimal> values) {
		BigDecimal weighted = BigDecimal.ZERO;
		int weights = 0;
		for (PackDefinition.Indicator ind : a.indicators()) {
			BigDecimal v = values.getOrDefault(ind.code(), BigDecimal.ZERO);
			weighted = weighted.add(v.multiply(BigDecimal.valueOf(ind.weight()))
				.divide(BigDecimal.valueOf(ind.maxScore()), 6, RoundingMode.HALF_UP));
			weights += ind.weight();
		}
		return weighted.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(Math.max(1, weights)), 2, RoundingMode.HALF_UP);
	}

	/**
	 * The rule when a result has an expert panel: once the panel's scores are revealed,
	 * the experts' mean per indicator is the result's score (total and grade computed as
	 * for the bureau's). Nothing happens while the panel is sealed, when the panel is not
	 * the result's current one, when the mean is already adopted, or once the round is
	 * published. Audited; versioned.
	 * @return whether the result changed
	 */
	@Transactional
	boolean adoptExperts(long resultId, long panelId) {
		AssessmentResult result = this.records.findResult(resultId).orElse(null);
		if (result == null || result.expertPanelId() == null || result.expertPanelId() != panelId
				|| result.byExperts()) {
			return false;
		}
		AssessmentRound round = this.records.findRound(result.roundId()).orElseThrow();
		if (round.published()) {
			return false;
		}
		Results revealed = this.expertPanels.revealedResults(panelId).orElse(null);
		if (revealed == null) {
			return false;
		}
		PackDefinition.Assessment a = definition(round.policyId()).assessment();
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		for (PackDefinition.Indicator ind : a.indicators()) {
			BigDecimal mean = revealed.items()
				.stream()
				.filter((i) -> i.code().equals(ind.code()))
				.map(Results.ItemMean::mean)
				.findFirst()
				.orElse(BigDecimal.ZERO);
			values.put(ind.code(), mean.setScale(1, RoundingMode.HALF_UP));
		}
		BigDecimal total = total(a, values);
		String grade = a.gradeFor(total.doubleValue());
		int experts = revealed.members().size();
		this.records.adoptExperts(resultId, result.version(), panelId, values, total, grade, experts);
		this.audit.record(AuditEntry.success("ASSESSMENT_EXPERT_SCORES", "assessment_result", resultId,
				round.year() + " 年度考核 " + result.recognitionNumber() + "：采用专家组 #" + panelId + " " + experts + " 位专家的均值，"
						+ total.toPlainString() + " 分，" + grade,
				result.regionCode()));
		return true;
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
		List<String> sealed = new ArrayList<>();
		for (AssessmentResult r : this.records.results(roundId)) {
			if (r.hasPanel() && !r.byExperts()) {
				// the listener of ScoresRevealed may not have run yet
				if (this.expertPanels.revealedResults(r.expertPanelId()).isEmpty()) {
					sealed.add(r.recognitionNumber() + "（专家组 #" + r.expertPanelId() + "）");
				}
				else {
					adoptExperts(r.id(), r.expertPanelId());
				}
			}
		}
		if (!sealed.isEmpty()) {
			throw new FieldErrorException("round",
					"还有 " + sealed.size() + " 家机构的专家评分未全部提交，不能公布：" + String.join("、", sealed));
		}
		List<AssessmentResult> results = this.records.results(roundId);
		List<String> unscored = results.stream()
			.filter((r) -> !r.settled())
			.map(AssessmentResult::recognitionNumber)
			.toList();
		if (!unscored.isEmpty()) {
			throw new FieldErrorException("round",
					"还有 " + unscored.size() + " 家机构未评分（未参加考核的请记为“未参加考核”）：" + String.join("、", unscored));
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
		// every result is sealed as published, lapse marks included
		this.seals.sealRound(roundId);
		this.audit.record(AuditEntry.success(
				"ASSESSMENT_PUBLISH", "assessment_round", roundId, "公布 " + round.year() + " 年度考核结果（" + round.policyId()
						+ "），" + results.size() + " 家" + (lapsed.isEmpty() ? "" : "，" + lapsed.size() + " 家认定失效"),
				round.regionCode()));
		List<Long> failing = results.stream()
			.filter(AssessmentResult::failing)
			.map(AssessmentResult::recognitionId)
			.toList();
		List<Long> notAssessed = results.stream()
			.filter(AssessmentResult::notAssessed)
			.map(AssessmentResult::recognitionId)
			.toList();
		this.events.publishEvent(new AssessmentPublished(roundId, round.policyId(), round.year(), round.regionCode(),
				failing, lapsed, notAssessed));
		return this.records.findRound(roundId).orElseThrow();
	}

	/**
	 * The checks of the seals of a published round's results by result id (empty while
	 * open).
	 */
	@Transactional(readOnly = true)
	public Map<Long, SealCheck> sealChecks(long roundId) {
		return this.seals.checks(roundId);
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
	 * A round's results were published: the recognitions graded failing, those that
	 * lapsed under the pack's rule, and those that did not take part.
	 */
	public record AssessmentPublished(long roundId, String policyId, int year, String regionCode,
			List<Long> failingRecognitionIds, List<Long> lapsedRecognitionIds, List<Long> notAssessedRecognitionIds) {
	}

}
