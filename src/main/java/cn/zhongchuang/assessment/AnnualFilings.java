package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorFacts;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度备案: each ACTIVE recognition files a report for a year. Tenants, events and mentors
 * are computed from the institution's own records by Institutions.factsFor on the last
 * day of the year (or today when earlier), with their source; the other figures are
 * declared. The report is due on the pack's annualFiling.dueMonthDay of the next year, or
 * on the system setting zhongchuang.assessment.default-filing-due (end of the first
 * quarter) when the pack names no date. Submitting twice answers the submitted filing.
 */
@Service
public class AnnualFilings {

	/** The figures of a filing, in order; those with a fact path are computed. */
	public static final List<FigureDef> FIGURES = List.of(new FigureDef("TENANTS", "在孵企业（家）", "tenants.count"),
			new FigureDef("GRADUATES", "毕业企业（家）", null), new FigureDef("NEW_COMPANIES", "团队新注册企业（家）", null),
			new FigureDef("FINANCING", "获得融资（万元）", null),
			new FigureDef("EVENTS", "举办活动（场）", "activities.eventsLast12Months"),
			new FigureDef("TRAINING_SESSIONS", "培训次数（次）", null), new FigureDef("TRAINEES", "培训人次", null),
			new FigureDef("MENTORS", "创业导师（名）", "mentors.count"), new FigureDef("IP_COUNT", "知识产权（件）", null));

	private final AssessmentRecords records;

	private final Recognitions recognitions;

	private final Operators operators;

	private final Institutions institutions;

	private final PolicyCatalog policies;

	private final Regions regions;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	private final MonthDay defaultDue;

	AnnualFilings(AssessmentRecords records, Recognitions recognitions, Operators operators, Institutions institutions,
			PolicyCatalog policies, Regions regions, Notifications notifications, AuditTrail audit, Clock clock,
			@Value("${zhongchuang.assessment.default-filing-due:03-31}") String defaultDue) {
		this.records = records;
		this.recognitions = recognitions;
		this.operators = operators;
		this.institutions = institutions;
		this.policies = policies;
		this.regions = regions;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
		this.defaultDue = MonthDay.parse("--" + defaultDue.strip());
	}

	/** When the filing for the year is due under the pack. */
	public Due dueOn(String policyId, int year) {
		PackDefinition.AnnualFiling af = this.policies.latest(policyId).definition().annualFiling();
		if (af != null && af.dueMonthDay() != null && !af.dueMonthDay().isBlank()) {
			return new Due(MonthDay.parse("--" + af.dueMonthDay().strip()).atYear(year + 1), true, af.basis());
		}
		return new Due(this.defaultDue.atYear(year + 1), false, "政策未规定备案截止日期，按系统设定（次年第一季度末）");
	}

	/** The operator's active recognitions with their filing for the year, if any. */
	@Transactional(readOnly = true)
	public List<Row> mine(CurrentUser user, int year) {
		OperatorOrganisation org = organisation(user);
		// a title without a pack (external, or granted on a recommendation) files with
		// its own authority
		List<RecognitionSummary> recs = this.recognitions.ofCreditCode(org.creditCode())
			.stream()
			.filter(RecognitionSummary::active)
			.filter((r) -> r.policyId() != null)
			.toList();
		return rows(recs, year);
	}

	/**
	 * The active recognitions of the bureau's region with their filing state for the
	 * year.
	 */
	@Transactional(readOnly = true)
	public List<Row> forBureau(CurrentUser user, int year) {
		return rows(activeWithin(user.regionCode()), year);
	}

	/** The filing the operator may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public Filing get(long id, CurrentUser user) {
		Filing f = this.records.findFiling(id).orElseThrow(() -> new NotFoundException("annual filing " + id));
		if (user.role().isGovernment() ? !this.regions.contains(user.regionCode(), f.regionCode())
				: !f.creditCode().equals(organisation(user).creditCode())) {
			throw new NotFoundException("annual filing " + id);
		}
		return f;
	}

	/**
	 * Saves the operator's draft for the recognition and year: computed figures refreshed
	 * from its records, declared ones from the form (codes of {@link #FIGURES}, numbers
	 * of zero or more). A submitted filing cannot change (409).
	 */
	@Transactional
	public Filing saveDraft(CurrentUser user, long recognitionId, int year, Map<String, String> declared) {
		OperatorOrganisation org = organisation(user);
		RecognitionSummary rec = ownRecognition(org, recognitionId);
		LocalDate today = ChinaTime.today(this.clock);
		Map<String, String> errors = new LinkedHashMap<>();
		if (year > today.getYear() || year < rec.recognizedOn().getYear()) {
			errors.put("year", "备案年度应在认定年度 " + rec.recognizedOn().getYear() + " 与今年之间");
		}
		LocalDate asOf = LocalDate.of(Math.min(year, today.getYear()), 12, 31);
		asOf = asOf.isAfter(today) ? today : asOf;
		OperatorFacts facts = this.institutions.factsFor(rec.institutionId(), asOf);
		List<Filing.Figure> figures = new ArrayList<>();
		for (FigureDef def : FIGURES) {
			if (def.factPath() != null && facts.isComputed(def.factPath())) {
				Object v = facts.get(def.factPath()).orElse(0);
				figures.add(new Filing.Figure(def.code(), new BigDecimal(String.valueOf(v)), true,
						"系统计算：" + facts.sources().get(def.factPath())));
				continue;
			}
			String raw = (declared == null) ? null : declared.get(def.code());
			BigDecimal value;
			try {
				value = (raw == null || raw.isBlank()) ? BigDecimal.ZERO : new BigDecimal(raw.strip());
				if (value.signum() < 0 || value.compareTo(new BigDecimal("100000000000000")) >= 0
						|| value.scale() > 2) {
					throw new NumberFormatException();
				}
			}
			catch (NumberFormatException ex) {
				errors.put(def.code(), def.label() + "应为不小于 0 的数，最多两位小数");
				continue;
			}
			figures.add(new Filing.Figure(def.code(), value, false, "申报"));
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Filing existing = this.records.findFiling(recognitionId, year).orElse(null);
		long id;
		if (existing == null) {
			Filing draft = new Filing(0, rec.id(), rec.number(), rec.name(), rec.operator(), rec.creditCode(),
					rec.regionCode(), rec.policyId(), year, dueOn(rec.policyId(), year).date(), "DRAFT", null, false, 0,
					List.of());
			id = this.records.insertFiling(draft, user.username(), this.clock.instant());
		}
		else {
			if (existing.submitted()) {
				throw new ConflictException(year + " 年度备案已提交，不能修改");
			}
			id = existing.id();
			this.records.updateFiling(id, existing.version(), "DRAFT", null, false, this.clock.instant());
		}
		this.records.replaceFigures(id, figures);
		this.audit.record(AuditEntry.success("ANNUAL_FILING_DRAFT", "annual_filing", id,
				"保存 " + rec.number() + " 的 " + year + " 年度备案草稿", rec.regionCode()));
		return this.records.findFiling(id).orElseThrow();
	}

	/**
	 * Submits the filing; a second submission answers the submitted filing unchanged.
	 * Late when submitted after the due date.
	 */
	@Transactional
	public Filing submit(CurrentUser user, long filingId) {
		return submit(user, filingId, ChinaTime.today(this.clock));
	}

	/**
	 * Submits as of the given day (the demo data files on time for a past year); late
	 * when the day is after the due date.
	 */
	@Transactional
	Filing submit(CurrentUser user, long filingId, LocalDate today) {
		Filing f = get(filingId, user);
		if (user.role().isGovernment()) {
			throw new NotFoundException("annual filing " + filingId);
		}
		f = this.records.lockFiling(filingId).orElseThrow();
		if (f.submitted()) {
			return f;
		}
		boolean late = today.isAfter(f.dueOn());
		this.records.updateFiling(f.id(), f.version(), "SUBMITTED", today, late, this.clock.instant());
		this.audit.record(
				AuditEntry.success(
						"ANNUAL_FILING_SUBMIT", "annual_filing", f.id(), "提交 " + f.recognitionNumber() + " 的 "
								+ f.year() + " 年度备案" + (late ? "（逾期，截止 " + ChinaTime.format(f.dueOn()) + "）" : ""),
						f.regionCode()));
		return this.records.findFiling(f.id()).orElseThrow();
	}

	/**
	 * Reminds the operators of the bureau's region that have not submitted the year's
	 * filing; answers how many institutions were reminded.
	 */
	@Transactional
	public int remind(CurrentUser bureau, int year) {
		int n = remind(activeWithin(bureau.regionCode()), year, true);
		this.audit.record(AuditEntry.success("ANNUAL_FILING_REMIND", "annual_filing", year,
				"提醒 " + n + " 家未提交 " + year + " 年度备案的机构", bureau.regionCode()));
		return n;
	}

	/**
	 * The daily job: for last year's filing, reminds operators not filed 30 and 7 days
	 * before the due date and the day after it.
	 */
	@Transactional
	public int remindDue(LocalDate today) {
		int year = today.getYear() - 1;
		List<RecognitionSummary> due = activeWithin(Region.NATION).stream().filter((r) -> {
			LocalDate d = dueOn(r.policyId(), year).date();
			return today.equals(d.minusDays(30)) || today.equals(d.minusDays(7)) || today.equals(d.plusDays(1));
		}).toList();
		return remind(due, year, false);
	}

	private int remind(List<RecognitionSummary> recs, int year, boolean any) {
		int n = 0;
		for (Row row : rows(recs, year)) {
			if (row.filing() != null && row.filing().submitted()) {
				continue;
			}
			if (row.recognition().recognizedOn().getYear() > year) {
				continue;
			}
			Set<Long> members = new LinkedHashSet<>(
					this.operators.memberIdsByCreditCode(row.recognition().creditCode()));
			if (members.isEmpty()) {
				continue;
			}
			this.notifications.notify(Recipients.users(members), "请提交 " + year + " 年度备案",
					row.recognition().name() + "（" + row.recognition().number() + "）的 " + year + " 年度备案截止日期为 "
							+ ChinaTime.format(row.due().date()) + (row.late() ? "，已逾期" : "") + "。",
					"/filings?year=" + year);
			n++;
		}
		return n;
	}

	private List<RecognitionSummary> activeWithin(String region) {
		List<RecognitionSummary> out = new ArrayList<>();
		for (String id : this.policies.ids()) {
			out.addAll(this.recognitions.activeWithin(region, id));
		}
		return out;
	}

	private List<Row> rows(List<RecognitionSummary> recs, int year) {
		Map<Long, Filing> filings = this.records.filings(recs.stream().map(RecognitionSummary::id).toList(), year);
		LocalDate today = ChinaTime.today(this.clock);
		List<Row> rows = new ArrayList<>();
		for (RecognitionSummary r : recs) {
			if (r.recognizedOn() != null && r.recognizedOn().getYear() > year) {
				// a filing for a year is due only from institutions recognized before its
				// end
				continue;
			}
			Due due = dueOn(r.policyId(), year);
			Filing f = filings.get(r.id());
			boolean late = (f != null && f.submitted()) ? f.late() : today.isAfter(due.date());
			rows.add(new Row(r, f, due, late));
		}
		return rows;
	}

	private OperatorOrganisation organisation(CurrentUser user) {
		return this.operators.organisationOf(user).orElseThrow(() -> new NotFoundException("organisation"));
	}

	private RecognitionSummary ownRecognition(OperatorOrganisation org, long recognitionId) {
		return this.recognitions.find(recognitionId)
			.filter((r) -> r.creditCode().equals(org.creditCode()) && r.active())
			.orElseThrow(() -> new NotFoundException("recognition " + recognitionId));
	}

	/** A figure of the report; computed from the fact path when it is set. */
	public record FigureDef(String code, String label, String factPath) {
	}

	/** A due date; fromPolicy false when it is the system setting. */
	public record Due(LocalDate date, boolean fromPolicy, String basis) {
	}

	/**
	 * An active recognition and its filing for a year; late when submitted after the due
	 * date, or not submitted and the due date passed.
	 */
	public record Row(RecognitionSummary recognition, Filing filing, Due due, boolean late) {

		public String state() {
			if (this.filing != null && this.filing.submitted()) {
				return this.late ? "FILED_LATE" : "FILED";
			}
			return this.late ? "OVERDUE" : ((this.filing != null) ? "DRAFT" : "PENDING");
		}

	}

}
