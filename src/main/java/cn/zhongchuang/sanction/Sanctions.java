package cn.zhongchuang.sanction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 处罚: a bureau user records a fraud finding against a recognition of its region (or,
 * found during review, against an application: {@link #recordAgainstApplication}), and in
 * the same transaction the pack's sanctions apply: the title revoked when
 * {@code sanctions.revokeTitle}, a ban on applying for {@code sanctions.banYears} years
 * keyed by the operator's credit code (none when the pack sets no length), and a line of
 * subsidies to recover when {@code sanctions.subsidyRecovery}. A ban runs from the day of
 * the finding to the same day banYears later, both days included.
 */
@Service
public class Sanctions {

	private final SanctionRecords records;

	private final Recognitions recognitions;

	private final PolicyCatalog policies;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Sanctions(SanctionRecords records, Recognitions recognitions, PolicyCatalog policies, Regions regions,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.recognitions = recognitions;
		this.policies = policies;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The ban on the operator (by credit code) in force on the day, if any. */
	@Transactional(readOnly = true)
	public Optional<Ban> activeBan(String creditCode, LocalDate asOf) {
		if (creditCode == null || creditCode.isBlank() || asOf == null) {
			return Optional.empty();
		}
		return this.records.activeBan(creditCode.strip().toUpperCase(), asOf).map(Sanction::ban);
	}

	/** What the recognition's pack says about fraud, for the form. */
	@Transactional(readOnly = true)
	PackRule rule(RecognitionSummary recognition) {
		if (recognition.policyId() == null) {
			// a title no pack governs (external, or granted on a recommendation):
			// revoked, no ban
			return new PackRule(true, null, false, null);
		}
		PackDefinition.Sanctions s = this.policies.latest(recognition.policyId()).definition().sanctions();
		if (s == null) {
			return new PackRule(false, null, false, null);
		}
		return new PackRule(s.revokeTitle(), s.banYears(), s.subsidyRecovery(), s.basis());
	}

	@Transactional(readOnly = true)
	RecognitionSummary recognition(String number, CurrentUser user) {
		return this.recognitions.summaryByNumber(number, user);
	}

	/**
	 * Records a fraud finding against the recognition (of the user's region, 404
	 * otherwise) and applies the pack's sanctions in one transaction. A recognition has
	 * at most one finding (409 on a second).
	 */
	@Transactional
	Sanction record(long recognitionId, String finding, String recovery, CurrentUser user) {
		RecognitionSummary rec = this.recognitions.summary(recognitionId, user);
		if (this.records.existsFor(recognitionId)) {
			throw new ConflictException("该认定已记录欺诈处理，不能重复记录");
		}
		PackRule rule = rule(rec);
		Map<String, String> errors = new LinkedHashMap<>();
		String text = finding(finding, errors);
		String recoveryLine = (recovery == null) ? "" : recovery.strip();
		if (recoveryLine.length() > 1000) {
			errors.put("recovery", "收回资金说明不能超过 1000 个字");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		LocalDate today = ChinaTime.today(this.clock);
		boolean revoke = rule.revokeTitle() && rec.active();
		if (revoke) {
			String announcement = "经查，" + rec.operator() + "运营的" + rec.name() + "（认定编号 " + rec.number() + "）" + text
					+ "。依据" + ((rule.basis() != null) ? rule.basis() : "政策规定") + "，撤销其认定，摘除牌匾。"
					+ ((rule.banYears() != null) ? "自" + zh(today) + "起" + rule.banYears() + "年内不得申请。" : "");
			this.recognitions.revoke(rec.id(), Recognitions.Outcome.REVOKED, text, announcement, null, user);
		}
		Integer years = rule.banYears();
		LocalDate banEnds = (years != null) ? today.plusYears(years) : null;
		String recoveryText = null;
		if (rule.subsidyRecovery()) {
			recoveryText = recoveryLine.isEmpty() ? "收回以欺诈手段取得的财政资金（金额待核定）" : recoveryLine;
		}
		Sanction sanction = new Sanction(null, rec.id(), rec.number(), null, rec.name(), rec.operator(),
				rec.creditCode(), rec.regionCode(), rec.policyId(), text, today, revoke, years,
				(years != null) ? today : null, banEnds, recoveryText, rule.basis(), user.username(),
				this.clock.instant(), 0);
		long id = this.records.insert(sanction);
		this.audit.record(AuditEntry.success("SANCTION_RECORD", "sanction", id,
				"认定 " + rec.number() + " 欺诈处理：" + (revoke ? "撤销认定；" : "")
						+ ((banEnds != null) ? "禁止申请至 " + banEnds + "；" : "政策未规定禁止申请年限；")
						+ ((recoveryText != null) ? "收回资金：" + recoveryText : "") + "（" + rec.creditCode() + "）",
				rec.regionCode()));
		this.events.publishEvent(new SanctionRecorded(id, rec.id(), rec.creditCode(), rec.regionCode(), revoke,
				(years != null) ? today : null, banEnds, recoveryText, text));
		return this.records.find(id).orElseThrow();
	}

	private static String finding(String finding, Map<String, String> errors) {
		String text = (finding == null) ? "" : finding.strip();
		if (text.isEmpty()) {
			errors.put("finding", "请填写认定的欺诈事实");
		}
		else if (text.length() > 2000) {
			errors.put("finding", "欺诈事实不能超过 2000 个字");
		}
		return text;
	}

	/**
	 * What a fraud finding during the review of an application under the pack entails,
	 * for the confirmation the reviewer reads before recording it: the ban on the
	 * operator's credit code for the pack's years from today (none when the pack sets
	 * none, as Lanzhou, and the text says so).
	 */
	@Transactional(readOnly = true)
	public ApplicationConsequence consequenceForApplication(String policyId, String creditCode) {
		PackDefinition definition = this.policies.latest(policyId).definition();
		PackDefinition.Sanctions s = definition.sanctions();
		Integer years = (s != null) ? s.banYears() : null;
		LocalDate today = ChinaTime.today(this.clock);
		LocalDate ends = (years != null) ? today.plusYears(years) : null;
		String ban = (years != null) ? "运营机构（统一社会信用代码 " + creditCode + "）自" + ChinaTime.format(today) + "起 " + years
				+ " 年内（至" + ChinaTime.format(ends) + "）不得提出任何级别的认定申请" : "《" + definition.title() + "》未规定禁止申请年限，不设禁止申请期";
		return new ApplicationConsequence(years, ends, "本申请以申报材料虚假为由不予通过；" + ban + "。", (s != null) ? s.basis() : null);
	}

	/**
	 * Records fraud found while an application was under review (seed 000 第十条 在认定…过程中;
	 * seed 003 四(一)3 申报材料存虚假): the subject is the application, the pack's ban applies to
	 * the operator's credit code from today (none when the pack sets no length), there is
	 * no title to revoke and no subsidy yet. One finding per application (409), within
	 * the user's region (404). The caller rejects the application in the same
	 * transaction.
	 */
	@Transactional
	public ApplicationConsequence recordAgainstApplication(ApplicationSubject subject, String finding,
			CurrentUser user) {
		if (user == null || !user.role().isGovernment()
				|| !this.regions.contains(user.regionCode(), subject.regionCode())) {
			throw new NotFoundException("application " + subject.applicationId());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String text = finding(finding, errors);
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		if (this.records.existsForApplication(subject.applicationId())) {
			throw new ConflictException("该申请已记录欺诈处理，不能重复记录");
		}
		ApplicationConsequence consequence = consequenceForApplication(subject.policyId(), subject.creditCode());
		LocalDate today = ChinaTime.today(this.clock);
		Integer years = consequence.banYears();
		Sanction sanction = new Sanction(null, null, null, subject.applicationId(), subject.institutionName(),
				subject.operatorName(), subject.creditCode(), subject.regionCode(), subject.policyId(), text, today,
				false, years, (years != null) ? today : null, consequence.banEndsOn(), null, consequence.basis(),
				user.username(), this.clock.instant(), 0);
		long id;
		try {
			id = this.records.insert(sanction);
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw new ConflictException("该申请已记录欺诈处理，不能重复记录");
		}
		this.audit.record(AuditEntry.success("SANCTION_RECORD", "sanction", id,
				"认定申请 #" + subject.applicationId() + "（" + subject.institutionName() + "）审查中发现欺诈：" + text + "；"
						+ ((consequence.banEndsOn() != null) ? "禁止申请至 " + consequence.banEndsOn() : "政策未规定禁止申请年限") + "（"
						+ subject.creditCode() + "）",
				subject.regionCode()));
		return consequence;
	}

	/** The sanctions register of the user's region (or a region within it). */
	@Transactional(readOnly = true)
	PageResult<Sanction> register(CurrentUser user, String region, String keyword, boolean activeOnly, Integer page) {
		return register(user, region, keyword, activeOnly, page, null);
	}

	@Transactional(readOnly = true)
	PageResult<Sanction> register(CurrentUser user, String region, String keyword, boolean activeOnly, Integer page,
			Integer size) {
		String scope = (region != null && !region.isBlank() && this.regions.contains(user.regionCode(), region))
				? region : user.regionCode();
		return this.records.search(this.regions.codesWithin(scope), keyword, activeOnly, ChinaTime.today(this.clock),
				page, size);
	}

	/** The register of the user's region (or a region within it) as a sortable list. */
	ListQuery<Sanction> registerList(CurrentUser user, String region, String keyword, boolean activeOnly) {
		String scope = (region != null && !region.isBlank() && this.regions.contains(user.regionCode(), region))
				? region : user.regionCode();
		return this.records.list(this.regions.codesWithin(scope), keyword, activeOnly, ChinaTime.today(this.clock));
	}

	@Transactional(readOnly = true)
	Sanction get(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((s) -> user.role().isGovernment() && this.regions.contains(user.regionCode(), s.regionCode()))
			.orElseThrow(() -> new NotFoundException("sanction " + id));
	}

	LocalDate today() {
		return ChinaTime.today(this.clock);
	}

	String regionName(String code) {
		return this.regions.fullName(code);
	}

	private static String zh(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	/**
	 * The application a fraud finding during review is made against.
	 *
	 * @param applicationId the application
	 * @param institutionName the institution applied for
	 * @param operatorName the operator
	 * @param creditCode the operator's credit code (the ban's key)
	 * @param regionCode the application's region
	 * @param policyId the pack it is reviewed under
	 */
	public record ApplicationSubject(long applicationId, String institutionName, String operatorName, String creditCode,
			String regionCode, String policyId) {
	}

	/**
	 * What a finding against an application entails.
	 *
	 * @param banYears the pack's ban in years, null when it sets none
	 * @param banEndsOn the last day of the ban (inclusive) if recorded today, null
	 * without a ban
	 * @param text the consequence in Chinese, for the confirmation and the history
	 * @param basis the pack's sanctions basis
	 */
	public record ApplicationConsequence(Integer banYears, LocalDate banEndsOn, String text, String basis) {
	}

	/** The pack's sanctions section, as the form explains it. */
	record PackRule(boolean revokeTitle, Integer banYears, boolean subsidyRecovery, String basis) {
	}

	/**
	 * A fraud finding was recorded; banStartsOn and banEndsOn are null when the pack sets
	 * no ban, recovery is null unless the pack's subsidyRecovery is set; finding is the
	 * fact found.
	 */
	public record SanctionRecorded(long sanctionId, long recognitionId, String creditCode, String regionCode,
			boolean titleRevoked, LocalDate banStartsOn, LocalDate banEndsOn, String recovery, String finding) {
	}

}
