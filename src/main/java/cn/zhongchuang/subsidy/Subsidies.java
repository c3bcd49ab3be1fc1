package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhongchuang.assessment.AssessmentResult;
import cn.zhongchuang.assessment.AssessmentRound;
import cn.zhongchuang.assessment.Assessments;
import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.sanction.Sanctions.SanctionRecorded;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 奖补: a bureau's programmes and their awards. A programme (DRAFT, OPEN, CLOSED) has a
 * budget; awards are made only while it is OPEN, to ACTIVE recognitions of its region, at
 * most one per recognition. The budget holds under concurrency: every award locks the
 * programme row first, then checks that awards less recoveries plus the new amounts stay
 * within the budget; a batch that does not fit writes nothing. On a fraud finding under a
 * pack with subsidyRecovery every AWARDED or DISBURSED award of the recognition becomes
 * RECOVERY_DUE; under a pack without it the awards stay as they are, are marked as
 * concerned by the finding and the bureau is told to review them.
 */
@Service
public class Subsidies {

	static final List<String> GRADES = List.of("优秀", "良好", "合格");

	static final List<String> LEVELS = List.of("DISTRICT", "CITY", "PROVINCE");

	static final BigDecimal MAX = new BigDecimal("99999999999999.99");

	private final SubsidyRecords records;

	private final Recognitions recognitions;

	private final Assessments assessments;

	private final PolicyCatalog policies;

	private final Operators operators;

	private final Regions regions;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	Subsidies(SubsidyRecords records, Recognitions recognitions, Assessments assessments, PolicyCatalog policies,
			Operators operators, Regions regions, Notifications notifications, AuditTrail audit, Clock clock) {
		this.records = records;
		this.recognitions = recognitions;
		this.assessments = assessments;
		this.policies = policies;
		this.operators = operators;
		this.regions = regions;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What the bureau fills in for a new programme; amounts are text as typed; stage
	 * FILING_YEAR (按认定 only) pays only the titles granted in the programme's year.
	 */
	public record ProgrammeForm(String name, Integer year, String regionCode, String budget, String basis,
			Long assessmentRoundId, String policyId, Map<String, String> rates, String stage) {

		public ProgrammeForm(String name, Integer year, String regionCode, String budget, String basis,
				Long assessmentRoundId, String policyId, Map<String, String> rates) {
			this(name, year, regionCode, budget, basis, assessmentRoundId, policyId, rates, null);
		}

	}

	/** A proposed award: the recognition and the programme's amount for it. */
	public record Proposal(RecognitionSummary recognition, BigDecimal amount, String reason) {
	}

	/** Creates a DRAFT programme in the user's region or below it. */
	@Transactional
	public Programme create(ProgrammeForm form, CurrentUser user) {
		requireBureau(user);
		Map<String, String> errors = new LinkedHashMap<>();
		String name = (form.name() == null) ? "" : form.name().strip();
		if (name.isEmpty()) {
			errors.put("name", "请填写项目名称");
		}
		else if (name.length() > 200) {
			errors.put("name", "项目名称不能超过 200 个字");
		}
		if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
			errors.put("year", "请填写 2000 至 2100 之间的年度");
		}
		String region = (form.regionCode() == null || form.regionCode().isBlank()) ? user.regionCode()
				: form.regionCode().strip();
		if (!this.regions.contains(user.regionCode(), region)) {
			errors.put("regionCode", "只能为本辖区或下级区划设立项目");
		}
		BigDecimal budget = money(form.budget(), "budget", "预算", true, errors);
		String basis = form.basis();
		if (!Programme.ON_RECOGNITION.equals(basis) && !Programme.ON_ASSESSMENT.equals(basis)) {
			errors.put("basis", "请选择奖补依据");
		}
		String policy = (form.policyId() == null || form.policyId().isBlank()) ? null : form.policyId().strip();
		if (policy != null && !this.policies.ids().contains(policy)) {
			errors.put("policyId", "没有该政策");
		}
		Long roundId = null;
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		Map<String, String> typed = (form.rates() != null) ? form.rates() : Map.of();
		if (Programme.ON_ASSESSMENT.equals(basis)) {
			AssessmentRound round = null;
			if (form.assessmentRoundId() != null) {
				try {
					round = this.assessments.round(form.assessmentRoundId(), user);
				}
				catch (NotFoundException ex) {
					round = null;
				}
			}
			if (round == null || !round.published()) {
				errors.put("assessmentRoundId", "请选择本辖区已公布的考核");
			}
			else {
				roundId = round.id();
				if (policy != null && !policy.equals(round.policyId())) {
					errors.put("policyId", "考核所依据的政策与所选政策不一致");
				}
				policy = round.policyId();
			}
			for (String g : GRADES) {
				BigDecimal v = money(typed.get(g), "rate." + g, g + "金额", false, errors);
				if (v != null) {
					rates.put(g, v);
				}
			}
			if (rates.isEmpty() && !errors.keySet().stream().anyMatch((k) -> k.startsWith("rate."))) {
				errors.put("rate.优秀", "请至少填写一个等次的奖补金额（不合格不予奖补）");
			}
		}
		else if (basis != null) {
			BigDecimal d = money(typed.get("DEFAULT"), "rate.DEFAULT", "每家金额", false, errors);
			if (d != null) {
				rates.put("DEFAULT", d);
			}
			for (String l : LEVELS) {
				BigDecimal v = money(typed.get(l), "rate." + l, "该级别金额", false, errors);
				if (v != null) {
					rates.put(l, v);
				}
			}
			if (rates.isEmpty() && !errors.keySet().stream().anyMatch((k) -> k.startsWith("rate."))) {
				errors.put("rate.DEFAULT", "请填写每家认定机构的奖补金额");
			}
		}
		String stage = (form.stage() == null || form.stage().isBlank()) ? null : form.stage().strip();
		if (stage != null && !Programme.FILING_YEAR.equals(stage)) {
			errors.put("stage", "请选择奖补阶段");
		}
		else if (stage != null && !Programme.ON_RECOGNITION.equals(basis)) {
			errors.put("stage", "“仅限当年备案（认定）”只适用于按认定奖补；以后各年按当年考核结果后补助");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Programme p = new Programme(0, name, form.year(), region, budget, basis, roundId, policy, "DRAFT",
				user.username(), user.role().name(), this.clock.instant(), 0, rates, Programme.TITLE, stage);
		long id = this.records.insertProgramme(p);
		this.audit.record(AuditEntry.success("SUBSIDY_PROGRAMME_CREATE", "subsidy_programme", id,
				"设立奖补项目《" + name + "》，预算 " + budget.toPlainString() + " 元（" + Totals.wan(budget) + " 万元），"
						+ (p.onAssessment() ? "按考核结果（后补助）" : "按认定"),
				region));
		return this.records.findProgramme(id).orElseThrow();
	}

	/** DRAFT to OPEN: awards may be made. */
	@Transactional
	public Programme open(long id, int version, CurrentUser user) {
		return transition(id, version, user, "DRAFT", "OPEN", "开始发放");
	}

	/** OPEN to CLOSED: no more awards; disbursement and recovery go on. */
	@Transactional
	public Programme close(long id, int version, CurrentUser user) {
		return transition(id, version, user, "OPEN", "CLOSED", "结束");
	}

	private Programme transition(long id, int version, CurrentUser user, String from, String to, String what) {
		Programme p = programme(id, user);
		if (!from.equals(p.status())) {
			throw new ConflictException("项目当前状态不能" + what);
		}
		this.records.setStatus(id, to, version);
		this.audit.record(AuditEntry.success("SUBSIDY_PROGRAMME_" + to, "subsidy_programme", id,
				"奖补项目《" + p.name() + "》" + what, p.regionCode()));
		return this.records.findProgramme(id).orElseThrow();
	}

	/** A programme of the user's region or below; 404 otherwise. */
	@Transactional(readOnly = true)
	public Programme programme(long id, CurrentUser user) {
		return this.records.findProgramme(id)
			.filter((p) -> user != null && user.role().isGovernment()
					&& this.regions.contains(user.regionCode(), p.regionCode()))
			.orElseThrow(() -> new NotFoundException("subsidy programme " + id));
	}

	/** The programmes of the user's region (or a region within it), newest year first. */
	@Transactional(readOnly = true)
	public PageResult<Programme> programmes(CurrentUser user, String region, Integer year, Integer page, Integer size) {
		return programmeList(user, region, year).results(ListParams.page(page, size));
	}

	/** The same programmes as a sortable list (page, export). */
	ListQuery<Programme> programmeList(CurrentUser user, String region, Integer year) {
		requireBureau(user);
		String scope = (region != null && !region.isBlank() && this.regions.contains(user.regionCode(), region))
				? region : user.regionCode();
		return this.records.programmes(this.regions.codesWithin(scope), year);
	}

	/** Budget, awarded, disbursed, recovered and remaining of a programme. */
	@Transactional(readOnly = true)
	public Totals totals(Programme p) {
		return this.records.totals(p);
	}

	/** The same money per region of the awards, named. */
	@Transactional(readOnly = true)
	public List<Totals> totalsByRegion(Programme p) {
		return this.records.totalsByRegion(p.id())
			.stream()
			.map((t) -> new Totals(this.regions.fullName(t.key()), t.key(), t.awards(), null, t.awarded(),
					t.disbursed(), t.recovered()))
			.toList();
	}

	/** The awards of a programme the user may see. */
	@Transactional(readOnly = true)
	public List<Award> awards(long programmeId, CurrentUser user) {
		return this.records.awards(programme(programmeId, user).id());
	}

	/** The awards made to the operator's organisation (by credit code), for 我的奖补. */
	@Transactional(readOnly = true)
	public List<Award> mine(CurrentUser user) {
		return this.operators.organisationOf(user)
			.map((o) -> this.records.awardsOfCreditCode(o.creditCode()))
			.orElse(List.of());
	}

	/**
	 * The programme an award belongs to, by id, without scope (the operator's own page).
	 */
	@Transactional(readOnly = true)
	Optional<Programme> programmeOf(Award a) {
		return this.records.findProgramme(a.programmeId());
	}

	/**
	 * The awards the programme would make: ACTIVE recognitions of its region (under its
	 * pack, if any) at the amount for their level, or the passing results of its
	 * published round at the amount of their grade; recognitions already awarded are left
	 * out.
	 */
	@Transactional(readOnly = true)
	public List<Proposal> propose(long programmeId, CurrentUser user) {
		Programme p = programme(programmeId, user);
		Set<Long> done = new HashSet<>(this.records.awardedRecognitions(p.id()));
		List<Proposal> out = new ArrayList<>();
		if (p.onAssessment()) {
			AssessmentRound round = this.assessments.publishedRound(p.assessmentRoundId());
			PackDefinition.Assessment grading = this.assessments.definition(round.policyId()).assessment();
			for (AssessmentResult r : this.assessments.results(round.id())) {
				BigDecimal amount = p.rateFor(r.grade());
				if (amount == null || done.contains(r.recognitionId())
						|| !this.regions.contains(p.regionCode(), r.regionCode())) {
					continue;
				}
				this.recognitions.find(r.recognitionId())
					.filter(RecognitionSummary::active)
					.ifPresent((rec) -> out.add(new Proposal(rec, amount,
							round.year() + " 年度考核" + grading.labelOf(r.grade()) + "（" + r.total() + " 分），后补助")));
			}
		}
		else {
			List<String> packs = (p.policyId() != null) ? List.of(p.policyId()) : this.policies.ids();
			for (String pack : packs) {
				for (RecognitionSummary rec : this.recognitions.activeWithin(p.regionCode(), pack)) {
					BigDecimal amount = p.rateFor(rec.level());
					boolean inStage = !p.filingYearOnly()
							|| (rec.recognizedOn() != null && rec.recognizedOn().getYear() == p.year());
					if (amount != null && inStage && !done.contains(rec.id())) {
						out.add(new Proposal(rec, amount, p.filingYearOnly()
								? p.year() + " 年备案（认定）当年后补助（" + rec.number() + "）" : "认定奖补（" + rec.number() + "）"));
					}
				}
			}
		}
		return out;
	}

	/**
	 * Confirms the proposed awards of the recognitions chosen (all when the list is
	 * empty), at the programme's amounts, all or nothing.
	 */
	@Transactional
	public List<Award> confirm(long programmeId, List<Long> recognitionIds, CurrentUser user) {
		List<Proposal> proposals = propose(programmeId, user);
		List<Proposal> chosen = (recognitionIds == null || recognitionIds.isEmpty()) ? proposals
				: proposals.stream().filter((x) -> recognitionIds.contains(x.recognition().id())).toList();
		if (chosen.isEmpty()) {
			throw new FieldErrorException("recognitionIds", "没有可生成的奖补");
		}
		return write(programmeId, chosen, user);
	}

	/**
	 * One award by hand: an ACTIVE recognition of the programme's region (by its number),
	 * the amount and the reason. Past the budget it answers BudgetExceededException (409,
	 * amount).
	 */
	@Transactional
	public Award award(long programmeId, String recognitionNumber, String amount, String reason, CurrentUser user) {
		Programme p = programme(programmeId, user);
		Map<String, String> errors = new LinkedHashMap<>();
		RecognitionSummary rec = null;
		try {
			rec = this.recognitions.summaryByNumber(recognitionNumber, user);
			if (!this.regions.contains(p.regionCode(), rec.regionCode())) {
				rec = null;
				errors.put("recognitionNumber", "该认定不在本项目的区划内");
			}
			else if (!rec.active()) {
				errors.put("recognitionNumber", "该认定已撤销或失效，不能奖补");
			}
		}
		catch (NotFoundException ex) {
			errors.put("recognitionNumber", "本辖区没有编号为 " + recognitionNumber + " 的认定");
		}
		BigDecimal value = money(amount, "amount", "金额", true, errors);
		String why = (reason == null) ? "" : reason.strip();
		if (why.isEmpty()) {
			errors.put("reason", "请填写奖补事由");
		}
		else if (why.length() > 500) {
			errors.put("reason", "事由不能超过 500 个字");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		return write(programmeId, List.of(new Proposal(rec, value, why)), user).get(0);
	}

	private List<Award> write(long programmeId, List<Proposal> items, CurrentUser user) {
		Programme p = this.records.lockProgramme(programmeId);
		if (!p.open()) {
			throw new ConflictException("项目" + ("DRAFT".equals(p.status()) ? "尚未开始发放" : "已结束") + "，不能奖补");
		}
		Set<Long> done = new HashSet<>(this.records.awardedRecognitions(p.id()));
		BigDecimal sum = BigDecimal.ZERO;
		for (Proposal x : items) {
			if (done.contains(x.recognition().id())) {
				throw new ConflictException("认定 " + x.recognition().number() + " 已在本项目中获得奖补，每个认定只能奖补一次");
			}
			sum = sum.add(x.amount());
		}
		BigDecimal remaining = p.budget().subtract(this.records.committed(p.id()));
		if (sum.compareTo(remaining) > 0) {
			throw new BudgetExceededException("超出项目预算：本次奖补合计 " + sum.toPlainString() + " 元，项目剩余预算 "
					+ remaining.toPlainString() + " 元（" + Totals.wan(remaining) + " 万元），未写入任何奖补");
		}
		List<Award> out = new ArrayList<>();
		for (Proposal x : items) {
			RecognitionSummary r = x.recognition();
			long id = this.records.insertAward(new Award(0, p.id(), r.id(), r.number(), r.name(), r.operator(),
					r.creditCode(), r.regionCode(), x.amount(), x.reason(), Award.AWARDED, user.username(),
					this.clock.instant(), null, null, null, null, null, null, null, null, 0));
			this.audit.record(
					AuditEntry.success(
							"SUBSIDY_AWARD", "subsidy_award", id, "奖补项目《" + p.name() + "》向认定 " + r.number() + "（"
									+ r.name() + "）奖补 " + x.amount().toPlainString() + " 元：" + x.reason(),
							r.regionCode()));
			this.notifications.notify(
					Recipients.users(Set.copyOf(this.operators.memberIdsByCreditCode(r.creditCode()))),
					"获得奖补：" + p.name(), r.name() + " 获得 " + x.amount().toPlainString() + " 元（" + Totals.wan(x.amount())
							+ " 万元）奖补，事由：" + x.reason(),
					"/subsidies/mine");
			out.add(this.records.findAward(id).orElseThrow());
		}
		return out;
	}

	/** AWARDED to DISBURSED; refused when the recognition is no longer ACTIVE. */
	@Transactional
	public Award disburse(long awardId, LocalDate on, String voucherNo, int version, CurrentUser user) {
		Award a = award(awardId, user);
		if (!Award.AWARDED.equals(a.status())) {
			throw new ConflictException("该奖补当前状态不能登记发放");
		}
		boolean active = this.recognitions.find(a.recognitionId()).map(RecognitionSummary::active).orElse(false);
		if (!active) {
			throw new ConflictException("认定 " + a.recognitionNumber() + " 已撤销或失效，不能发放奖补资金");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (on == null) {
			errors.put("disbursedOn", "请填写发放日期");
		}
		else if (on.isAfter(ChinaTime.today(this.clock))) {
			errors.put("disbursedOn", "发放日期不能晚于今天");
		}
		String voucher = (voucherNo == null) ? "" : voucherNo.strip();
		if (voucher.isEmpty()) {
			errors.put("voucherNo", "请填写凭证号");
		}
		else if (voucher.length() > 60) {
			errors.put("voucherNo", "凭证号不能超过 60 个字符");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		this.records.disburse(a.id(), on, voucher, version);
		this.audit.record(AuditEntry.success("SUBSIDY_DISBURSE", "subsidy_award", a.id(), "认定 " + a.recognitionNumber()
				+ " 奖补 " + a.amount().toPlainString() + " 元已发放，日期 " + on + "，凭证号 " + voucher, a.regionCode()));
		return this.records.findAward(a.id()).orElseThrow();
	}

	/** AWARDED or DISBURSED to RECOVERY_DUE by the bureau, with the reason. */
	@Transactional
	public Award recoveryDue(long awardId, String reason, int version, CurrentUser user) {
		Award a = award(awardId, user);
		if (!Award.AWARDED.equals(a.status()) && !Award.DISBURSED.equals(a.status())) {
			throw new ConflictException("该奖补当前状态不能列为应收回");
		}
		String why = (reason == null) ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 2000) {
			throw new FieldErrorException("recoveryReason", "请填写收回原因（不超过 2000 字）");
		}
		this.records.recoveryDue(a.id(), why, ChinaTime.today(this.clock), null, version);
		afterRecoveryDue(a, why);
		return this.records.findAward(a.id()).orElseThrow();
	}

	/**
	 * RECOVERY_DUE to RECOVERED: the day and the amount that came back (up to the award).
	 */
	@Transactional
	public Award recover(long awardId, LocalDate on, String amount, String note, int version, CurrentUser user) {
		Award a = award(awardId, user);
		if (!Award.RECOVERY_DUE.equals(a.status())) {
			throw new ConflictException("该奖补未列为应收回");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (on == null) {
			errors.put("recoveredOn", "请填写收回日期");
		}
		else if (on.isAfter(ChinaTime.today(this.clock))) {
			errors.put("recoveredOn", "收回日期不能晚于今天");
		}
		BigDecimal value = money(amount, "recoveredAmount", "收回金额", true, errors);
		if (value != null && value.compareTo(a.amount()) > 0) {
			errors.put("recoveredAmount", "收回金额不能超过奖补金额 " + a.amount().toPlainString() + " 元");
		}
		String text = (note == null) ? null : note.strip();
		if (text != null && text.length() > 500) {
			errors.put("recoveryNote", "说明不能超过 500 个字");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		this.records.recover(a.id(), on, value, text, version);
		this.audit
			.record(AuditEntry.success(
					"SUBSIDY_RECOVER", "subsidy_award", a.id(), "认定 " + a.recognitionNumber() + " 奖补收回 "
							+ value.toPlainString() + " 元，日期 " + on + ((text != null) ? "：" + text : ""),
					a.regionCode()));
		return this.records.findAward(a.id()).orElseThrow();
	}

	/** An award of a programme the user may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public Award award(long awardId, CurrentUser user) {
		Award a = this.records.findAward(awardId).orElseThrow(() -> new NotFoundException("subsidy award " + awardId));
		programme(a.programmeId(), user);
		return a;
	}

	/**
	 * A fraud finding: under a pack with subsidyRecovery (the event carries a recovery
	 * line) every AWARDED or DISBURSED award of the recognition becomes RECOVERY_DUE with
	 * the finding as reason, and the operator and the bureau are told. Without it the
	 * awards stay, are marked as concerned by the finding, and the bureau is told to
	 * review them. A redelivered event changes nothing.
	 */
	@ApplicationModuleListener
	void on(SanctionRecorded event) {
		String reason = "欺诈处理：" + ((event.finding() != null) ? event.finding() : "以欺诈手段取得认定")
				+ ((event.recovery() != null) ? "；" + event.recovery() : "");
		for (Award a : this.records.awardsOfRecognition(event.recognitionId())) {
			boolean live = Award.AWARDED.equals(a.status()) || Award.DISBURSED.equals(a.status());
			if (event.recovery() != null && live) {
				this.records.recoveryDue(a.id(), reason, ChinaTime.today(this.clock), event.sanctionId(), a.version());
				afterRecoveryDue(a, reason);
			}
			else if (event.recovery() == null && a.sanctionId() == null
					&& this.records.flag(a.id(), event.sanctionId())) {
				Programme p = this.records.findProgramme(a.programmeId()).orElseThrow();
				this.audit.record(AuditEntry.success("SUBSIDY_FLAG", "subsidy_award", a.id(),
						"认定 " + a.recognitionNumber() + " 存在欺诈处理，所依据政策未规定收回资金，奖补保留待核查", a.regionCode()));
				this.notifications.notify(Recipients.roleCovering(Role.valueOf(p.createdRole()), p.regionCode()),
						"奖补待核查：" + a.institutionName(), "认定 " + a.recognitionNumber() + " 已记录欺诈处理，所依据政策未规定收回资金；请核查奖补项目《"
								+ p.name() + "》中的 " + a.amount().toPlainString() + " 元奖补",
						"/bureau/subsidies/" + p.id());
			}
		}
	}

	private void afterRecoveryDue(Award a, String reason) {
		Programme p = this.records.findProgramme(a.programmeId()).orElseThrow();
		this.audit.record(AuditEntry.success("SUBSIDY_RECOVERY_DUE", "subsidy_award", a.id(),
				"认定 " + a.recognitionNumber() + " 奖补 " + a.amount().toPlainString() + " 元列为应收回：" + reason,
				a.regionCode()));
		String body = a.institutionName() + " 在奖补项目《" + p.name() + "》中获得的 " + a.amount().toPlainString()
				+ " 元奖补应予收回。原因：" + reason;
		this.notifications.notify(Recipients.users(Set.copyOf(this.operators.memberIdsByCreditCode(a.creditCode()))),
				"奖补应收回：" + p.name(), body, "/subsidies/mine");
		this.notifications.notify(Recipients.roleCovering(Role.valueOf(p.createdRole()), p.regionCode()),
				"奖补应收回：" + a.institutionName(), body, "/bureau/subsidies/" + p.id());
	}

	/** The published rounds of the user's region, for the programme form. */
	@Transactional(readOnly = true)
	public List<AssessmentRound> publishedRounds(CurrentUser user) {
		return this.assessments.rounds(user).stream().filter(AssessmentRound::published).toList();
	}

	List<String> policyIds() {
		return this.policies.ids();
	}

	String policyTitle(String id) {
		try {
			return this.policies.latest(id).title();
		}
		catch (NotFoundException ex) {
			return id;
		}
	}

	String regionName(String code) {
		return this.regions.fullName(code);
	}

	LocalDate today() {
		return ChinaTime.today(this.clock);
	}

	private static void requireBureau(CurrentUser user) {
		if (user == null || !(user.role() == Role.CITY_BUREAU || user.role() == Role.PROVINCE
				|| user.role() == Role.COUNTY_REVIEWER)) {
			throw new NotFoundException("subsidy programmes");
		}
	}

	/**
	 * Parses CNY with at most two decimals, positive, below 10^14; null when blank and
	 * optional.
	 */
	static BigDecimal money(String text, String field, String label, boolean required, Map<String, String> errors) {
		String t = (text == null) ? "" : text.strip().replace(",", "").replace("，", "");
		if (t.isEmpty()) {
			if (required) {
				errors.put(field, "请填写" + label);
			}
			return null;
		}
		try {
			BigDecimal v = new BigDecimal(t);
			if (v.signum() <= 0) {
				errors.put(field, label + "必须大于 0");
				return null;
			}
			if (v.stripTrailingZeros().scale() > 2) {
				errors.put(field, label + "最多两位小数（元、角、分）");
				return null;
			}
			if (v.compareTo(MAX) > 0) {
				errors.put(field, label + "过大");
				return null;
			}
			return v.setScale(2);
		}
		catch (NumberFormatException ex) {
			errors.put(field, label + "应为金额（元），如 250000.00");
			return null;
		}
	}

}
