package cn.zhongchuang.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.reference.WorkingDayResult;
import cn.zhongchuang.reference.WorkingDays;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公示: what other modules (and the bureau's pages) do with notices. A bureau drafts a
 * notice of the institutions to be recognized, publishes it for the pack's number of
 * working days on the official calendar, answers the objections the public lodges, and
 * closes it once the period is over and no objection is open. Every change is audited in
 * the same transaction and announced by an event; bureau methods answer 404 for a notice
 * outside the user's region.
 */
@Service
public class Notices {

	static final int MAX_NAME = 50;

	static final int MAX_CONTENT = 2000;

	static final int MAX_REASON = 500;

	private final NoticeRecords records;

	private final PolicyCatalog policies;

	private final WorkingDays workingDays;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notices(NoticeRecords records, PolicyCatalog policies, WorkingDays workingDays, Regions regions, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.policies = policies;
		this.workingDays = workingDays;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Drafts a notice of the given institutions under a policy whose pack requires a
	 * notice; the period comes from the pack
	 * ({@code definition().notice().workingDays()}). It is issued by the authority the
	 * pack names when drafted in the pack's own jurisdiction, otherwise (a city bureau
	 * noticing under a provincial pack) by the science authority of the notice's region.
	 * @return the notice id
	 */
	@Transactional
	public long draft(String policyId, String regionCode, String title, List<NoticeItem> items, CurrentUser bureau) {
		requireGovernment(bureau);
		Map<String, String> errors = new LinkedHashMap<>();
		PackDefinition.Notice rule = null;
		String authority = null;
		try {
			PackDefinition definition = this.policies.latest(policyId).definition();
			rule = definition.notice();
			if (definition.authority() != null && definition.jurisdiction().equals(regionCode)) {
				authority = definition.authority();
			}
			if (rule == null || !rule.required() || rule.workingDays() == null) {
				errors.put("policyId", "该政策不要求认定前公示");
			}
		}
		catch (NotFoundException ex) {
			errors.put("policyId", "没有该政策包");
		}
		if (regionCode == null || this.regions.find(regionCode).isEmpty()) {
			errors.put("regionCode", "请选择有效的行政区划");
		}
		else if (!this.regions.contains(bureau.regionCode(), regionCode)) {
			errors.put("regionCode", "该区划不在您的管辖范围内");
		}
		if (title == null || title.isBlank()) {
			errors.put("title", "请填写公示标题");
		}
		else if (title.strip().length() > 200) {
			errors.put("title", "标题不能超过 200 个字");
		}
		if (items == null || items.isEmpty()) {
			errors.put("items", "公示名单不能为空");
		}
		else if (items.stream().map((i) -> i.subjectType() + "/" + i.subjectId()).distinct().count() != items.size()) {
			errors.put("items", "公示名单中有重复的对象");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Notice saved = this.records.save(Notice.draft(policyId, regionCode, title.strip(),
				(authority != null) ? authority : this.regions.scienceAuthorityOf(regionCode), rule.workingDays(),
				items, bureau.username(), this.clock.instant()));
		this.audit.record(AuditEntry.success("NOTICE_DRAFT", "notice", saved.id(),
				"起草公示《" + saved.title() + "》（" + items.size() + " 家）", regionCode));
		return saved.id();
	}

	/**
	 * Publishes the notice from {@code startsOn}; it ends after the pack's number of
	 * working days on the official calendar ({@code startsOn} counts as the first day
	 * when it is a working day).
	 */
	@Transactional
	public Published publish(long noticeId, LocalDate startsOn, CurrentUser by) {
		if (startsOn != null && startsOn.isBefore(today())) {
			// a period that began before publication would let the public miss part of it
			throw new FieldErrorException("startsOn", "公示开始日期不能早于今天（" + ChinaTime.format(today()) + "）");
		}
		return publishFrom(noticeId, startsOn, by, "发布公示");
	}

	/**
	 * Records a notice that was already published outside the system (on paper, on the
	 * bureau's website) from {@code startsOn}, which may lie in the past; audited as 补录.
	 * Demo data uses it for a notice period that has run.
	 */
	@Transactional
	public Published publishRecorded(long noticeId, LocalDate startsOn, CurrentUser by) {
		return publishFrom(noticeId, startsOn, by, "补录已发布的公示");
	}

	private Published publishFrom(long noticeId, LocalDate startsOn, CurrentUser by, String what) {
		Notice notice = scoped(noticeId, by);
		if (startsOn == null) {
			throw new FieldErrorException("startsOn", "请选择公示开始日期");
		}
		WorkingDayResult end;
		try {
			end = endOf(startsOn, notice.workingDays());
		}
		catch (IllegalArgumentException ex) {
			throw new FieldErrorException("startsOn", "该日期超出工作日历的范围");
		}
		notice.publish(startsOn, end.date(), end.warning(), this.clock.instant());
		Notice saved = this.records.save(notice);
		this.records.seal(noticeId, false);
		this.audit
			.record(AuditEntry.success("NOTICE_PUBLISH", "notice", noticeId,
					what + "《" + saved.title() + "》：" + ChinaTime.format(saved.startsOn()) + " 至 "
							+ ChinaTime.format(saved.endsOn()) + "（" + saved.workingDays() + " 个工作日）",
					saved.regionCode()));
		this.events.publishEvent(
				new NoticePublished(noticeId, saved.policyId(), saved.regionCode(), saved.startsOn(), saved.endsOn()));
		return new Published(saved.startsOn(), saved.endsOn(), saved.workingDays(), end.warning());
	}

	/**
	 * Closes the notice; refused (409) before the period is over and while an objection
	 * is open. Publishes {@link NoticeClosed} with the items no upheld objection removed.
	 */
	@Transactional
	public NoticeClosed close(long noticeId, CurrentUser by) {
		return close(noticeId, by, ChinaTime.today(this.clock));
	}

	@Transactional
	NoticeClosed close(long noticeId, CurrentUser by, LocalDate today) {
		Notice notice = scoped(noticeId, by);
		notice.close(today, this.records.countOpenObjections(noticeId), this.clock.instant());
		Notice saved = this.records.save(notice);
		Map<Long, String> upheld = this.records.objections(noticeId)
			.stream()
			.filter((o) -> o.outcome() == Objection.Outcome.UPHELD)
			.collect(Collectors.toMap(Objection::itemId, Objection::answer, (a, b) -> a + "；" + b));
		List<NoticeItem> remaining = saved.items()
			.stream()
			.filter((i) -> !upheld.containsKey(i.id()))
			.map(Notice.Item::item)
			.toList();
		List<Removed> removed = saved.items()
			.stream()
			.filter((i) -> upheld.containsKey(i.id()))
			.map((i) -> new Removed(i.item(), upheld.get(i.id())))
			.toList();
		NoticeClosed closed = new NoticeClosed(noticeId, saved.policyId(),
				remaining.stream().map(NoticeItem::subjectId).toList(), remaining, removed);
		this.audit
			.record(AuditEntry.success(
					"NOTICE_CLOSE", "notice", noticeId, "结束公示《" + saved.title() + "》：" + remaining.size()
							+ " 家无异议或异议不成立，" + (saved.items().size() - remaining.size()) + " 家异议成立",
					saved.regionCode()));
		this.events.publishEvent(closed);
		return closed;
	}

	/**
	 * Withdraws a published notice (撤回公示) with the bureau's reason, which the public page
	 * shows. Publishes {@link NoticeWithdrawn} so the items listed may go on a new
	 * notice.
	 */
	@Transactional
	public NoticeWithdrawn withdraw(long noticeId, String reason, CurrentUser by) {
		Notice notice = scoped(noticeId, by);
		if (reason == null || reason.isBlank()) {
			throw new FieldErrorException("reason", "请填写撤回公示的理由");
		}
		if (reason.strip().length() > MAX_REASON) {
			throw new FieldErrorException("reason", "撤回理由不能超过 " + MAX_REASON + " 个字");
		}
		notice.withdraw(reason.strip(), by.username(), this.clock.instant());
		Notice saved = this.records.save(notice);
		// the seal covers the withdrawal (reason, when, by whom) from now on
		this.records.seal(noticeId, false);
		List<NoticeItem> items = saved.items().stream().map(Notice.Item::item).toList();
		NoticeWithdrawn withdrawn = new NoticeWithdrawn(noticeId, saved.policyId(),
				items.stream().map(NoticeItem::subjectId).toList(), items, saved.withdrawalReason());
		this.audit.record(AuditEntry.success("NOTICE_WITHDRAW", "notice", noticeId,
				"撤回公示《" + saved.title() + "》（" + items.size() + " 家）：" + saved.withdrawalReason(), saved.regionCode()));
		this.events.publishEvent(withdrawn);
		return withdrawn;
	}

	/** Anyone lodges an objection against one item while the notice is open. */
	@Transactional
	public long lodgeObjection(long noticeId, long itemId, String name, String phone, String content) {
		return lodgeObjection(noticeId, itemId, name, phone, content, ChinaTime.today(this.clock));
	}

	@Transactional
	long lodgeObjection(long noticeId, long itemId, String name, String phone, String content, LocalDate today) {
		Notice notice = this.records.find(noticeId)
			.filter((n) -> n.status() != Notice.Status.DRAFT)
			.orElseThrow(() -> new NotFoundException("notice " + noticeId));
		if (!notice.openOn(today)) {
			throw new ConflictException("公示期已过或尚未开始，不能提出异议");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			notice.item(itemId);
		}
		catch (FieldErrorException ex) {
			errors.putAll(ex.errors());
		}
		if (name == null || name.isBlank()) {
			errors.put("name", "请填写姓名或单位名称");
		}
		else if (name.strip().length() > MAX_NAME) {
			errors.put("name", "姓名不能超过 " + MAX_NAME + " 个字");
		}
		if (phone == null || !phone.strip().matches("[0-9+\\- ]{7,20}")) {
			errors.put("phone", "请填写有效的联系电话");
		}
		if (content == null || content.strip().length() < 10) {
			errors.put("content", "请写明异议的事实和理由（至少 10 个字）");
		}
		else if (content.strip().length() > MAX_CONTENT) {
			errors.put("content", "异议内容不能超过 " + MAX_CONTENT + " 个字");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Objection saved = this.records.save(
				Objection.lodge(noticeId, itemId, name.strip(), phone.strip(), content.strip(), this.clock.instant()));
		this.audit.record(new AuditEntry("OBJECTION_LODGE", "notice_objection", String.valueOf(saved.id()),
				AuditEntry.Result.SUCCESS, "对公示《" + notice.title() + "》中的“"
						+ notice.item(itemId).item().institutionName() + "”提出异议（联系电话 " + saved.maskedPhone() + "）",
				notice.regionCode(), "public", null));
		this.events.publishEvent(new ObjectionLodged(noticeId, saved.id(), notice.regionCode()));
		return saved.id();
	}

	/** The bureau records its investigation and answer: OPEN → ANSWERED. */
	@Transactional
	public void answerObjection(long noticeId, long objectionId, int version, String outcome, String investigation,
			String answer, CurrentUser by) {
		Notice notice = scoped(noticeId, by);
		Objection objection = this.records.findObjection(objectionId)
			.filter((o) -> o.noticeId() == noticeId)
			.orElseThrow(() -> new NotFoundException("objection " + objectionId));
		if (objection.version() != version) {
			throw new OptimisticLockingFailureException("stale objection " + objectionId);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Objection.Outcome result = null;
		try {
			result = Objection.Outcome.valueOf(String.valueOf(outcome));
		}
		catch (IllegalArgumentException ex) {
			errors.put("outcome", "请选择核查结论");
		}
		if (investigation == null || investigation.isBlank()) {
			errors.put("investigation", "请填写核查情况");
		}
		else if (investigation.strip().length() > MAX_CONTENT) {
			errors.put("investigation", "核查情况不能超过 " + MAX_CONTENT + " 个字");
		}
		if (answer == null || answer.isBlank()) {
			errors.put("answer", "请填写答复意见");
		}
		else if (answer.strip().length() > MAX_CONTENT) {
			errors.put("answer", "答复意见不能超过 " + MAX_CONTENT + " 个字");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		objection.answer(result, investigation.strip(), answer.strip(), by.username(), this.clock.instant());
		this.records.save(objection);
		this.audit.record(
				AuditEntry
					.success("OBJECTION_ANSWER", "notice_objection", objectionId,
							"答复异议（" + (result == Objection.Outcome.UPHELD ? "异议成立" : "异议不成立") + "）：“"
									+ notice.item(objection.itemId()).item().institutionName() + "”",
							notice.regionCode()));
		this.events.publishEvent(new ObjectionAnswered(noticeId, objectionId, result.name()));
	}

	/**
	 * The end of a notice period starting on {@code startsOn}, with the calendar's
	 * warning.
	 */
	public WorkingDayResult endOf(LocalDate startsOn, int days) {
		// The start day counts when it is a working day: the period is days working days
		// from startsOn inclusive.
		return this.workingDays.add(startsOn.minusDays(1), days);
	}

	/** 公示管理: the notices of the user's region, every status, sortable. */
	ListQuery<Notice> forBureau(CurrentUser user, String status, String keyword) {
		requireGovernment(user);
		String known = (status != null && !status.isBlank()
				&& java.util.Arrays.stream(Notice.Status.values()).anyMatch((s) -> s.name().equals(status.strip())))
						? status.strip() : null;
		return this.records.list(this.regions.codesWithin(user.regionCode()), known, keyword);
	}

	@Transactional(readOnly = true)
	Notice get(long noticeId, CurrentUser user) {
		return scoped(noticeId, user);
	}

	@Transactional(readOnly = true)
	List<Notice> publicNotices() {
		return this.records.listPublic();
	}

	@Transactional(readOnly = true)
	Notice publicNotice(long noticeId) {
		return this.records.find(noticeId)
			.filter((n) -> n.status() != Notice.Status.DRAFT)
			.orElseThrow(() -> new NotFoundException("notice " + noticeId));
	}

	@Transactional(readOnly = true)
	List<Objection> objections(long noticeId) {
		return new ArrayList<>(this.records.objections(noticeId));
	}

	/** The page view of a notice, objections included (contacts masked). */
	NoticeView view(Notice notice) {
		String policyTitle;
		try {
			policyTitle = this.policies.latest(notice.policyId()).title();
		}
		catch (NotFoundException ex) {
			policyTitle = notice.policyId();
		}
		return NoticeView.of(notice, policyTitle, this.regions::fullName, this.records.objections(notice.id()), today(),
				this.records.sealCheck(notice.id()).orElseThrow());
	}

	/** The check of a notice's seal as stored now. */
	@Transactional(readOnly = true)
	SealCheck sealCheck(long noticeId) {
		return this.records.sealCheck(noticeId).orElseThrow(() -> new NotFoundException("notice " + noticeId));
	}

	LocalDate today() {
		return ChinaTime.today(this.clock);
	}

	private Notice scoped(long noticeId, CurrentUser user) {
		requireGovernment(user);
		return this.records.find(noticeId)
			.filter((n) -> this.regions.contains(user.regionCode(), n.regionCode()))
			.orElseThrow(() -> new NotFoundException("notice " + noticeId));
	}

	private static void requireGovernment(CurrentUser user) {
		if (user == null || !user.role().isGovernment()) {
			throw new NotFoundException("notice");
		}
	}

	/**
	 * The period a publication fixed, with the calendar's warning when a year has no
	 * schedule.
	 */
	public record Published(LocalDate startsOn, LocalDate endsOn, int workingDays, String calendarWarning) {
	}

	public record NoticePublished(long noticeId, String policyId, String regionCode, LocalDate startsOn,
			LocalDate endsOn) {
	}

	/**
	 * A notice ended: the subjects listed that no upheld objection removed, which may now
	 * be recognized.
	 * @param subjectIds the subject ids of the remaining items
	 * @param items the remaining items themselves
	 */
	/**
	 * A notice ended: {@code items} passed (no objection upheld), {@code removed} were
	 * taken out by an upheld objection, with the bureau's answer.
	 */
	public record NoticeClosed(long noticeId, String policyId, List<Long> subjectIds, List<NoticeItem> items,
			List<Removed> removed) {
	}

	/**
	 * A published notice was withdrawn (撤回) with the bureau's reason: its items are off
	 * it and may be listed on a new notice.
	 *
	 * @param subjectIds the subject ids of the items (application ids for applications)
	 */
	public record NoticeWithdrawn(long noticeId, String policyId, List<Long> subjectIds, List<NoticeItem> items,
			String reason) {
	}

	/** An item an upheld objection took off the notice, and the bureau's answer. */
	public record Removed(NoticeItem item, String answer) {
	}

	public record ObjectionLodged(long noticeId, long objectionId, String regionCode) {
	}

	public record ObjectionAnswered(long noticeId, long objectionId, String outcome) {
	}

}
