package cn.zhongchuang.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.expert.ExpertPanels;
import cn.zhongchuang.expert.Results;
import cn.zhongchuang.expert.Subject;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PackDefinition.ScoringItem;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expert scoring in assessment rounds. In an open round a CITY_BUREAU or PROVINCE user
 * draws an expert panel for one institution's result ({@link ExpertPanels#draw}, subject
 * type assessment_result, subject id the result id, the pack's assessment indicators with
 * their maxScore as the sheet, the operator's related parties in the conflict check). The
 * experts score it sealed on their 我的评审 page (or the bureau types in paper sheets on the
 * panel page).
 * <p>
 * <b>The rule.</b> A result with a panel takes the experts' mean per indicator as its
 * scores once the panel reveals (on {@link ExpertPanels.ScoresRevealed}, and again at
 * publication in case that listener has not run yet); the total and grade follow as for a
 * bureau's score. Until then the result is unscored, so its round cannot be published;
 * the bureau's own scores are kept and shown next to the experts' mean, and the page
 * names each result's source: 局评分 or 专家评分 with the number of experts.
 */
@Service
public class AssessmentPanels {

	/** The subject type of assessment results in the expert module. */
	public static final String SUBJECT_TYPE = "assessment_result";

	private final AssessmentRecords records;

	private final Assessments assessments;

	private final ExpertPanels panels;

	private final Operators operators;

	private final AuditTrail audit;

	AssessmentPanels(AssessmentRecords records, Assessments assessments, ExpertPanels panels, Operators operators,
			AuditTrail audit) {
		this.records = records;
		this.assessments = assessments;
		this.panels = panels;
		this.operators = operators;
		this.audit = audit;
	}

	/**
	 * Whether the user may draw experts (the expert pool is the city's or province's).
	 */
	public static boolean mayDraw(CurrentUser user) {
		return user != null && (user.hasRole(Role.CITY_BUREAU) || user.hasRole(Role.PROVINCE));
	}

	/**
	 * Draws an expert panel for a result of an open round of the user's region. Refused
	 * (409) once the round is published or while an earlier panel of the result is still
	 * sealed; a stale version answers 409; too few eligible experts is a field error on
	 * members. A new panel replaces a revealed one: the result waits for its mean.
	 */
	@Transactional
	public ExpertPanels.Drawn draw(CurrentUser user, long resultId, int members, int alternates, Set<String> fields,
			int version) {
		AssessmentResult result = this.records.findResult(resultId)
			.orElseThrow(() -> new NotFoundException("assessment result " + resultId));
		AssessmentRound round = this.assessments.round(result.roundId(), user);
		if (!mayDraw(user)) {
			throw new NotFoundException("expert pool of " + user.username());
		}
		if (round.published()) {
			throw new ConflictException("考核结果已公布，不能再抽取专家");
		}
		if (result.hasPanel() && this.panels.revealedResults(result.expertPanelId()).isEmpty()) {
			throw new ConflictException("已为该机构抽取专家（专家组 #" + result.expertPanelId() + "），评分尚未全部提交；如有专家回避，请在专家组页面由候补递补");
		}
		if (result.version() != version) {
			throw new OptimisticLockingFailureException(
					"assessment result " + resultId + " was changed by someone else");
		}
		PackDefinition.Assessment a = this.assessments.definition(round.policyId()).assessment();
		List<ScoringItem> sheet = a.indicators()
			.stream()
			.map((i) -> new ScoringItem(i.code(), i.name(), i.maxScore(), null))
			.toList();
		Operators.RelatedParties parties = this.operators.idByCreditCode(result.creditCode())
			.map(this.operators::relatedParties)
			.orElse(new Operators.RelatedParties(List.of(), List.of(), List.of(), List.of()));
		String title = round.year() + " 年度考核：" + result.institutionName();
		Subject subject = new Subject(SUBJECT_TYPE, String.valueOf(resultId),
				(title.length() > 200) ? title.substring(0, 200) : title, result.regionCode(), result.operatorName(),
				result.creditCode(), parties.employers(), parties.mentors(), parties.investors(), parties.tenants());
		ExpertPanels.Drawn drawn = this.panels.draw(subject, sheet, members, alternates, fields, null, user);
		this.records.attachPanel(resultId, version, drawn.panelId());
		this.audit.record(AuditEntry.success("ASSESSMENT_PANEL", "assessment_result", resultId,
				round.year() + " 年度考核 " + result.recognitionNumber() + "：抽取评审专家 " + drawn.members().size() + " 名、候补 "
						+ drawn.alternates().size() + " 名（专家组 #" + drawn.panelId() + "），得分以专家均值为准",
				result.regionCode()));
		return drawn;
	}

	/**
	 * The expert scoring of a round's results that have a panel, by result id: the panel
	 * and, once revealed, its aggregate. The caller has checked the round's scope.
	 */
	@Transactional(readOnly = true)
	public Map<Long, ExpertScores> of(List<AssessmentResult> results) {
		Map<Long, ExpertScores> out = new LinkedHashMap<>();
		for (AssessmentResult r : results) {
			if (r.hasPanel()) {
				out.put(r.id(), new ExpertScores(r.expertPanelId(),
						this.panels.revealedResults(r.expertPanelId()).orElse(null)));
			}
		}
		return out;
	}

	@ApplicationModuleListener
	void on(ExpertPanels.ScoresRevealed revealed) {
		if (SUBJECT_TYPE.equals(revealed.subjectType())) {
			this.assessments.adoptExperts(Long.parseLong(revealed.subjectId()), revealed.panelId());
		}
	}

	/**
	 * A result's expert panel and its aggregate, null while sealed.
	 *
	 * @param panelId the panel
	 * @param results the revealed aggregate, or null while sealed
	 */
	public record ExpertScores(long panelId, Results results) {

		public boolean revealed() {
			return this.results != null;
		}

	}

}
