package cn.zhongchuang.supervision;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.attachment.AttachmentRef;
import cn.zhongchuang.attachment.Attachments;
import cn.zhongchuang.attachment.Policy;
import cn.zhongchuang.attachment.StoredFile;
import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.recognition.Recognitions.RecognitionSummary;
import cn.zhongchuang.reference.WorkingDays;
import cn.zhongchuang.region.Regions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 动态管理. A bureau user issues a rectification order against an active recognition of its
 * region; the deadline is the pack's {@code dynamic.rectificationWorkingDays} working
 * days on the official calendar, or a date the bureau sets when the pack has none. The
 * operator holding the recognition (by credit code) answers before the deadline with
 * evidence; the bureau accepts or rejects. Under the lapse rule RECTIFICATION_NOT_MET a
 * rejected answer, or an order left OPEN past its deadline ({@link #lapseOverdue}),
 * lapses the recognition with an announcement. Operators report condition changes; a
 * report later than {@code dynamic.changeReportMonths} after the change is flagged late.
 * Bureau users see their region, operators their own organisation's recognitions (404
 * otherwise).
 */
@Service
public class Supervision {

	/** The kinds of condition change in words, for the audit trail. */
	private static final Map<String, String> CHANGE_KINDS = Map.of("PREMISES", "场地变化", "OPERATOR", "运营主体变化", "SCOPE",
			"经营范围变化");

	static final String OWNER_TYPE = "rectification";

	private final SupervisionRecords records;

	private final Recognitions recognitions;

	private final PolicyCatalog policies;

	private final Operators operators;

	private final Regions regions;

	private final WorkingDays workingDays;

	private final Attachments attachments;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	Supervision(SupervisionRecords records, Recognitions recognitions, PolicyCatalog policies, Operators operators,
			Regions regions, WorkingDays workingDays, Attachments attachments, Notifications notifications,
			AuditTrail audit, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.records = records;
		this.recognitions = recognitions;
		this.policies = policies;
		this.operators = operators;
		this.regions = regions;
		this.workingDays = workingDays;
		this.attachments = attachments;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return ChinaTime.today(this.clock);
	}

	PackDefinition.Dynamic dynamicOf(String policyId) {
		if (policyId == null) {
			// a title no pack governs (external, or granted on a recommendation)
			return null;
		}
		return this.policies.latest(policyId).definition().dynamic();
	}

	// --- bureau

	@Transactional(readOnly = true)
	RecognitionSummary recognition(String number, CurrentUser user) {
		return this.recognitions.summaryByNumber(number, user);
	}

	/**
	 * Issues a rectification order. The deadline comes from the pack; a deadline given by
	 * the bureau is used only when the pack sets none (required then).
	 */
	@Transactional
	RectificationOrder issue(long recognitionId, String reason, LocalDate deadline, CurrentUser user) {
		RecognitionSummary rec = this.recognitions.summary(recognitionId, user);
		Map<String, String> errors = new LinkedHashMap<>();
		if (!rec.active()) {
			errors.put("number", "该认定已不在有效状态，不能下达整改通知");
		}
		String text = (reason == null) ? "" : reason.strip();
		if (text.isEmpty() || text.length() > 2000) {
			errors.put("reason", "请填写整改事由（2000 字以内）");
		}
		LocalDate today = today();
		PackDefinition.Dynamic dynamic = dynamicOf(rec.policyId());
		LocalDate due;
		if (dynamic != null && dynamic.rectificationWorkingDays() != null) {
			due = this.workingDays.add(today, dynamic.rectificationWorkingDays()).date();
		}
		else {
			due = deadline;
			if (due == null) {
				errors.put("deadline", "该政策未规定整改期限，请填写整改期限");
			}
			else if (!due.isAfter(today)) {
				errors.put("deadline", "整改期限须晚于今天");
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		RectificationOrder order = new RectificationOrder(null, rec.id(), rec.number(), rec.name(), rec.operator(),
				rec.creditCode(), rec.regionCode(), rec.policyId(), text, today, due, RectificationOrder.Status.OPEN,
				null, null, null, null, null, null, false, user.username(), user.role().name(), this.clock.instant(), 0,
				null);
		long id = this.records.insert(order);
		this.audit.record(AuditEntry.success("RECTIFICATION_ISSUE", OWNER_TYPE, id,
				"对认定 " + rec.number() + "（" + rec.name() + "）下达整改通知，期限 " + ChinaTime.format(due) + "：" + text,
				rec.regionCode()));
		tellOperator(rec.creditCode(), "整改通知：" + rec.name(),
				"请于 " + ChinaTime.format(due) + " 前完成整改并提交整改情况及证明材料。事由：" + text, "/supervision/orders/" + id);
		return this.records.find(id).orElseThrow();
	}

	/**
	 * Opens a rectification order on a published assessment result, where the pack says
	 * so: a failing grade ({@code dynamic.rectifyOnFailing}, seed 000 第九条 and seed 004
	 * 限期整改) or not taking part ({@code dynamic.rectifyOnNotAssessed}, seed 000 第九条
	 * 不参加考核). The deadline is the pack's working days from today; the order is the
	 * system's, answered to the bureau of the recognition's level. One order per round
	 * and recognition: a redelivered event opens nothing (empty). Nothing either when the
	 * recognition is no longer active (it lapsed on the same publication).
	 */
	@Transactional
	public Optional<Long> openOnAssessment(long roundId, int year, long recognitionId, boolean notAssessed) {
		RecognitionSummary rec = this.recognitions.find(recognitionId).orElse(null);
		if (rec == null || !rec.active()) {
			return Optional.empty();
		}
		PackDefinition.Dynamic dynamic = dynamicOf(rec.policyId());
		if (dynamic == null || dynamic.rectificationWorkingDays() == null
				|| !(notAssessed ? dynamic.rectifyOnNotAssessed() : dynamic.rectifyOnFailing())) {
			return Optional.empty();
		}
		LocalDate today = today();
		LocalDate due = this.workingDays.add(today, dynamic.rectificationWorkingDays()).date();
		String reason = (notAssessed ? "未参加 " + year + " 年度考核" : year + " 年度考核不合格") + "。依据"
				+ firstSentence(dynamic.basis()) + "，请于 " + ChinaTime.format(due) + " 前完成整改并提交整改情况及证明材料。";
		RectificationOrder order = new RectificationOrder(null, rec.id(), rec.number(), rec.name(), rec.operator(),
				rec.creditCode(), rec.regionCode(), rec.policyId(), reason, today, due, RectificationOrder.Status.OPEN,
				null, null, null, null, null, null, false, "system", bureauRole(rec.level()).name(),
				this.clock.instant(), 0, roundId);
		Optional<Long> id = this.records.insertOnce(order);
		if (id.isEmpty()) {
			return id;
		}
		this.audit.record(AuditEntry.success(
				"RECTIFICATION_ISSUE", OWNER_TYPE, id.get(), "考核结果自动下达整改通知：认定 " + rec.number() + "（" + rec.name() + "）"
						+ (notAssessed ? "未参加" : "") + year + " 年度考核" + (notAssessed ? "" : "不合格") + "，期限 " + due,
				rec.regionCode()));
		tellOperator(rec.creditCode(), "整改通知：" + rec.name(), reason, "/supervision/orders/" + id.get());
		return id;
	}

	private static String firstSentence(String basis) {
		String text = (basis != null) ? basis : "";
		int cut = text.indexOf('。');
		return (cut > 0) ? text.substring(0, cut) : (text.isEmpty() ? "政策规定" : text);
	}

	/**
	 * Accepts or rejects the operator's answer. Rejecting under RECTIFICATION_NOT_MET
	 * lapses the recognition (with an announcement) in the same transaction.
	 */
	@Transactional
	RectificationOrder decide(long id, int version, boolean accept, String note, CurrentUser user) {
		RectificationOrder order = orderForBureau(id, user);
		requireVersion(order, version);
		String text = (note == null) ? "" : note.strip();
		if (!accept && text.isEmpty()) {
			throw new FieldErrorException("note", "不通过时请说明理由");
		}
		if (text.length() > 2000) {
			throw new FieldErrorException("note", "审核意见不能超过 2000 个字");
		}
		order.decide(accept, text.isEmpty() ? null : text, user.username(), this.clock.instant());
		boolean lapse = !accept && lapsesOnFailure(order.policyId);
		if (lapse) {
			order.lapsed = true;
		}
		this.records.update(order);
		this.audit.record(AuditEntry.success(accept ? "RECTIFICATION_ACCEPT" : "RECTIFICATION_REJECT", OWNER_TYPE,
				order.id, "整改" + (accept ? "通过" : "未通过") + "：认定 " + order.recognitionNumber
						+ (text.isEmpty() ? "" : "（" + text + "）"),
				order.regionCode));
		if (lapse) {
			this.recognitions.revoke(order.recognitionId, Recognitions.Outcome.LAPSED, "整改未达要求：" + text,
					announcement(order, "整改未达到要求"), null, user);
		}
		tellOperator(order.creditCode, "整改审核结果：" + order.institutionName,
				accept ? "整改已通过审核。" : "整改未通过审核：" + text + (lapse ? "。认定资格已失效。" : ""),
				"/supervision/orders/" + order.id);
		return this.records.find(order.id).orElseThrow();
	}

	/**
	 * Marks OPEN orders whose deadline is before the day OVERDUE; under
	 * RECTIFICATION_NOT_MET their recognition lapses. Each order in its own transaction
	 * (one failure leaves the others done); returns how many orders were marked.
	 */
	public int lapseOverdue(LocalDate asOf) {
		int n = 0;
		for (long id : this.records.overdue(asOf)) {
			try {
				if (Boolean.TRUE.equals(this.transactions.execute((status) -> lapseOne(id)))) {
					n++;
				}
			}
			catch (RuntimeException ex) {
				org.slf4j.LoggerFactory.getLogger(Supervision.class)
					.warn("rectification order {} could not be marked overdue: {}", id, ex.toString());
			}
		}
		return n;
	}

	private boolean lapseOne(long id) {
		RectificationOrder order = this.records.find(id).orElseThrow();
		if (order.status != RectificationOrder.Status.OPEN) {
			return false;
		}
		order.overdue(this.clock.instant());
		boolean lapse = lapsesOnFailure(order.policyId)
				&& this.recognitions.find(order.recognitionId).map(RecognitionSummary::active).orElse(false);
		order.lapsed = lapse;
		this.records.update(order);
		this.audit.record(AuditEntry.success("RECTIFICATION_OVERDUE", OWNER_TYPE, order.id,
				"整改逾期：认定 " + order.recognitionNumber + "，期限 " + order.deadline, order.regionCode));
		if (lapse) {
			this.recognitions.lapseBySystem(order.recognitionId, "逾期未整改（期限 " + ChinaTime.format(order.deadline) + "）",
					announcement(order, "逾期未完成整改"));
		}
		tellOperator(order.creditCode, "整改逾期：" + order.institutionName,
				"整改期限 " + ChinaTime.format(order.deadline) + " 已过，未提交整改情况。" + (lapse ? "认定资格已失效。" : ""),
				"/supervision/orders/" + order.id);
		this.notifications.notify(Recipients.roleCovering(Role.valueOf(order.issuedRole), order.regionCode),
				"整改逾期：" + order.institutionName, "整改期限 " + ChinaTime.format(order.deadline) + " 已过，运营机构未答复。",
				"/bureau/supervision/orders/" + order.id);
		return true;
	}

	private boolean lapsesOnFailure(String policyId) {
		PackDefinition.Dynamic dynamic = dynamicOf(policyId);
		return dynamic != null && dynamic.lapseRule() == PackDefinition.LapseRule.RECTIFICATION_NOT_MET;
	}

	private String announcement(RectificationOrder order, String what) {
		PackDefinition.Dynamic dynamic = dynamicOf(order.policyId);
		String basis = (dynamic != null && dynamic.basis() != null) ? firstSentence(dynamic.basis()) : "";
		return order.operatorName + "运营的" + order.institutionName + "（认定编号 " + order.recognitionNumber + "）" + what
				+ "（整改通知 " + ChinaTime.format(order.issuedOn) + "，期限 " + ChinaTime.format(order.deadline) + "）。依据"
				+ basis + "，其认定资格自行失效，履行摘牌手续，特此公告。";
	}

	/**
	 * The orders of the bureau user's region (or a region within it), as a sortable list.
	 */
	ListQuery<RectificationOrder> ordersForBureau(CurrentUser user, String region, String status, String keyword) {
		return this.records.orderList(this.regions.codesWithin(scope(user, region)), null, status, keyword);
	}

	/**
	 * Orders the user may see, for the API and the export: a bureau user's region (or a
	 * region within it), an operator's own organisation.
	 */
	@Transactional(readOnly = true)
	PageResult<RectificationOrder> orders(CurrentUser user, String region, String status, String keyword, Integer page,
			Integer size) {
		if (user.role().isGovernment()) {
			return this.records.orders(this.regions.codesWithin(scope(user, region)), null, status, keyword, page,
					size);
		}
		Optional<OperatorOrganisation> org = organisationOf(user);
		if (org.isEmpty()) {
			return new PageResult<>(List.of(), 0, 1, PageResult.clampSize(size));
		}
		return this.records.orders(null, org.get().creditCode(), status, keyword, page, size);
	}

	/** Change reports the user may see: a bureau user's region, an operator's own. */
	@Transactional(readOnly = true)
	List<ConditionChange> changes(CurrentUser user, String region, boolean lateOnly) {
		if (user.role().isGovernment()) {
			return changesForBureau(user, region, lateOnly);
		}
		return organisationOf(user).map((o) -> this.records.changes(null, o.creditCode(), lateOnly, 200))
			.orElse(List.of());
	}

	@Transactional(readOnly = true)
	List<ConditionChange> changesForBureau(CurrentUser user, String region, boolean lateOnly) {
		return this.records.changes(this.regions.codesWithin(scope(user, region)), null, lateOnly, 200);
	}

	@Transactional(readOnly = true)
	RectificationOrder orderForBureau(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((o) -> user.role().isGovernment() && this.regions.contains(user.regionCode(), o.regionCode))
			.orElseThrow(() -> new NotFoundException("rectification order " + id));
	}

	private String scope(CurrentUser user, String region) {
		return (region != null && !region.isBlank() && this.regions.contains(user.regionCode(), region)) ? region
				: user.regionCode();
	}

	// --- operator

	Optional<OperatorOrganisation> organisationOf(CurrentUser user) {
		return this.operators.organisationOf(user);
	}

	@Transactional(readOnly = true)
	List<RecognitionSummary> myRecognitions(CurrentUser user) {
		return organisationOf(user).map((o) -> this.recognitions.ofCreditCode(o.creditCode()))
			.orElse(List.of())
			.stream()
			.filter(RecognitionSummary::active)
			.toList();
	}

	/**
	 * The operator's own orders as a sortable list (none without an organisation), by
	 * status and keyword.
	 */
	ListQuery<RectificationOrder> myOrders(CurrentUser user, String status, String keyword) {
		Optional<OperatorOrganisation> org = organisationOf(user);
		if (org.isEmpty()) {
			// no region at all: an empty list, never everybody's
			return this.records.orderList(List.of(), null, status, keyword);
		}
		return this.records.orderList(null, org.get().creditCode(), status, keyword);
	}

	@Transactional(readOnly = true)
	List<ConditionChange> myChanges(CurrentUser user) {
		return organisationOf(user).map((o) -> this.records.changes(null, o.creditCode(), false, 200))
			.orElse(List.of());
	}

	/** An order the user may see: the bureau of its region or the operator holding it. */
	@Transactional(readOnly = true)
	RectificationOrder visible(long id, CurrentUser user) {
		Optional<RectificationOrder> order = this.records.find(id);
		if (order.isPresent() && user.role().isGovernment()
				&& this.regions.contains(user.regionCode(), order.get().regionCode)) {
			return order.get();
		}
		return order
			.filter((o) -> organisationOf(user).map((org) -> org.creditCode().equals(o.creditCode)).orElse(false))
			.orElseThrow(() -> new NotFoundException("rectification order " + id));
	}

	private RectificationOrder own(long id, CurrentUser user) {
		RectificationOrder order = visible(id, user);
		if (!user.hasRole(Role.OPERATOR)) {
			throw new NotFoundException("rectification order " + id);
		}
		return order;
	}

	/** The operator answers an OPEN order before its deadline. */
	@Transactional
	RectificationOrder answer(long id, int version, String text, CurrentUser user) {
		RectificationOrder order = own(id, user);
		requireVersion(order, version);
		String answer = (text == null) ? "" : text.strip();
		if (answer.isEmpty() || answer.length() > 4000) {
			throw new FieldErrorException("answer", "请填写整改情况（4000 字以内）");
		}
		order.answer(answer, user.username(), today(), this.clock.instant());
		this.records.update(order);
		this.audit.record(AuditEntry.success("RECTIFICATION_ANSWER", OWNER_TYPE, order.id,
				"提交整改情况：认定 " + order.recognitionNumber, order.regionCode));
		this.notifications.notify(Recipients.roleCovering(Role.valueOf(order.issuedRole), order.regionCode),
				"整改情况待审核：" + order.institutionName, order.operatorName + " 已提交整改情况，请审核。",
				"/bureau/supervision/orders/" + order.id);
		return this.records.find(order.id).orElseThrow();
	}

	@Transactional
	AttachmentRef upload(long id, String filename, InputStream content, long size, CurrentUser user) {
		RectificationOrder order = own(id, user);
		if (order.status != RectificationOrder.Status.OPEN) {
			throw new cn.zhongchuang.platform.ConflictException("该整改通知已不能上传材料");
		}
		return this.attachments.store(OWNER_TYPE, String.valueOf(order.id), "evidence", filename, content, size,
				Policy.materials(), user);
	}

	@Transactional(readOnly = true)
	List<AttachmentRef> evidence(RectificationOrder order) {
		return this.attachments.list(OWNER_TYPE, String.valueOf(order.id));
	}

	@Transactional(readOnly = true)
	StoredFile open(long id, long attachmentId, CurrentUser user) {
		RectificationOrder order = visible(id, user);
		return this.attachments.open(OWNER_TYPE, String.valueOf(order.id), attachmentId);
	}

	/**
	 * The operator reports a change to one of its active recognitions. Late when reported
	 * more than the pack's changeReportMonths after it happened.
	 */
	@Transactional
	ConditionChange reportChange(long recognitionId, String kind, LocalDate occurredOn, String description,
			CurrentUser user) {
		RecognitionSummary rec = myRecognitions(user).stream()
			.filter((r) -> r.id() == recognitionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("recognition " + recognitionId));
		Map<String, String> errors = new LinkedHashMap<>();
		ConditionChange.Kind k = null;
		try {
			k = ConditionChange.Kind.valueOf((kind == null) ? "" : kind);
		}
		catch (IllegalArgumentException ex) {
			errors.put("kind", "请选择变化类型");
		}
		LocalDate today = today();
		if (occurredOn == null) {
			errors.put("occurredOn", "请填写变化发生日期");
		}
		else if (occurredOn.isAfter(today)) {
			errors.put("occurredOn", "变化发生日期不能晚于今天");
		}
		String text = (description == null) ? "" : description.strip();
		if (text.isEmpty() || text.length() > 2000) {
			errors.put("description", "请说明变化情况（2000 字以内）");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		PackDefinition.Dynamic dynamic = dynamicOf(rec.policyId());
		Integer months = (dynamic != null) ? dynamic.changeReportMonths() : null;
		boolean late = ConditionChange.isLate(occurredOn, today, months);
		ConditionChange change = new ConditionChange(null, rec.id(), rec.number(), rec.name(), rec.creditCode(),
				rec.regionCode(), rec.policyId(), k, occurredOn, today, text, months, late, user.username(),
				this.clock.instant());
		long id = this.records.insert(change);
		this.audit.record(
				AuditEntry.success("CONDITION_CHANGE_REPORT", "condition_change", id,
						"报告条件变化（" + CHANGE_KINDS.getOrDefault(k.name(), k.name()) + "，发生于 "
								+ ChinaTime.format(occurredOn) + (late ? "，逾期报告" : "") + "）：认定 " + rec.number(),
						rec.regionCode()));
		this.notifications.notify(Recipients.roleCovering(bureauRole(rec.level()), rec.regionCode()),
				(late ? "逾期报告的条件变化：" : "条件变化报告：") + rec.name(), text, "/bureau/supervision?tab=changes");
		return this.records.findChange(id).orElseThrow();
	}

	/** The role that manages recognitions of a level: who hears of a change report. */
	static Role bureauRole(String level) {
		return switch (level) {
			case "PROVINCE", "NATIONAL" -> Role.PROVINCE;
			default -> Role.CITY_BUREAU;
		};
	}

	private void tellOperator(String creditCode, String title, String body, String link) {
		List<Long> members = this.operators.memberIdsByCreditCode(creditCode);
		if (!members.isEmpty()) {
			this.notifications.notify(Recipients.users(new LinkedHashSet<>(members)), title, body, link);
		}
	}

	private static void requireVersion(RectificationOrder order, int version) {
		if (order.version != version) {
			throw new org.springframework.dao.OptimisticLockingFailureException(
					"rectification order " + order.id + " was changed by someone else");
		}
	}

	String regionName(String code) {
		return this.regions.fullName(code);
	}

}
